// A StatefulSet's serviceName names the headless Service (clusterIP: None) that gives each Pod its
// DNS name (web-0.nginx.<ns>.svc). The controller does not create it: without it, or with a
// Service that has a cluster IP, the per-Pod names do not resolve. A Service that is not headless
// is reported where it is named (serviceName) and where it is fixed (its clusterIP or type). The
// Service may sit in another file of the same run (the CLI's input set): then it counts too.
// https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id
import { asObject, asString, getIn } from '../../json';
import { describeObject, namespaceOf, sameNamespace, services } from '../../k8s/file-objects';
import type { FileRuleFinding, Rule } from '../../rule-types';

/** Namespaces of objects in different files: an unwritten one may be any. */
function sameRunNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

export const statefulsetServiceMissing: Rule = {
  meta: {
    id: 'statefulset-service-missing',
    defaultSeverity: 'warning',
    category: 'services',
    summary: "The StatefulSet's serviceName names no Service in this file, or one that is not headless (clusterIP: None).",
  },
  checkFile(context) {
    const findings: FileRuleFinding[] = [];
    const all = services(context);
    for (const set of context.objects) {
      if (set.kind !== 'StatefulSet' && set.kind !== 'PetSet') continue;
      const serviceName = asString(getIn(set.object, ['spec', 'serviceName']));
      if (!serviceName) continue;
      const match = all.find((service) => service.name === serviceName && sameNamespace(set, service));
      if (!match) {
        // A Service of that name in another file of the run (the CLI's input set).
        const sibling = (context.env.runObjects ?? []).find(
          (object) => object.kind === 'Service' && object.apiVersion === 'v1' && object.name === serviceName && sameRunNamespace(namespaceOf(set), object.namespace),
        );
        if (sibling) {
          const siblingSpec = asObject(sibling.object.spec);
          if (siblingSpec && siblingSpec.clusterIP !== 'None') {
            findings.push({
              documentIndex: set.documentIndex,
              objectIndex: set.objectIndex,
              path: ['spec', 'serviceName'],
              target: 'value',
              message: `serviceName "${serviceName}" names a Service that is not headless`,
              detail:
                `Service "${serviceName}" in ${sibling.filePath} has ${siblingSpec.clusterIP !== undefined ? `clusterIP ${String(siblingSpec.clusterIP)}` : 'a cluster IP (clusterIP is not None)'}, ` +
                `so the Pods of ${describeObject(set)} get no DNS names of their own. Make it headless (clusterIP: None); clusterIP cannot be changed on an existing Service, so recreate it.`,
            });
          }
          continue;
        }
        findings.push({
          documentIndex: set.documentIndex,
          objectIndex: set.objectIndex,
          path: ['spec', 'serviceName'],
          target: 'value',
          // One message wherever the check looked (the CLI's run, the editor's file), so both front ends
          // report the same finding; the detail says where.
          message: `Governing Service "${serviceName}" was not found`,
          detail:
            `${describeObject(set)} is governed by Service "${serviceName}", but ${context.env.runObjects ? 'no Service of that name is in this file or the other files checked with it' : all.length === 0 ? 'this file defines no Service' : 'no Service of that name is in this file'}. ` +
            `The controller does not create it: add a headless Service "${serviceName}" (clusterIP: None) selecting these Pods, or make sure one exists in the namespace.`,
        });
        continue;
      }
      const spec = asObject(match.object.spec);
      if (!spec || spec.clusterIP === 'None') continue;
      const type = asString(spec.type) ?? 'ClusterIP';
      const clusterIpWritten = spec.clusterIP !== undefined;
      const typeWritten = spec.type !== undefined && type !== 'ClusterIP';
      const dnsNames = `(${set.name ?? 'name'}-0.${serviceName})`;
      const remedy = type === 'ClusterIP' ? 'Make it headless (clusterIP: None)' : `A ${type} Service cannot be headless: add a separate headless Service`;
      // Where the mistake is read: the StatefulSet's serviceName…
      findings.push({
        documentIndex: set.documentIndex,
        objectIndex: set.objectIndex,
        path: ['spec', 'serviceName'],
        target: 'value',
        message: `serviceName "${serviceName}" names a Service that is not headless`,
        detail:
          `${describeObject(match)} has ${clusterIpWritten ? `clusterIP ${String(spec.clusterIP)}` : type === 'ClusterIP' ? 'a cluster IP (clusterIP is not None)' : `type ${type}`}, ` +
          `so the Pods of ${describeObject(set)} get no DNS names of their own ${dnsNames}. ${remedy}; clusterIP cannot be changed on an existing Service, so recreate it.`,
      });
      // …and where it is fixed: the Service's clusterIP or type.
      findings.push({
        documentIndex: match.documentIndex,
        objectIndex: match.objectIndex,
        path: clusterIpWritten ? ['spec', 'clusterIP'] : typeWritten ? ['spec', 'type'] : ['metadata', 'name'],
        target: clusterIpWritten || typeWritten ? 'value' : 'key',
        message: `${describeObject(match)} governs ${describeObject(set)} but is not headless`,
        detail: `Without clusterIP: None the Pods get no DNS names of their own ${dnsNames}. ` + `${remedy} — clusterIP cannot be changed on an existing Service, so recreate it.`,
        fixes:
          type === 'ClusterIP'
            ? [
                {
                  title: 'Make the Service headless (clusterIP: None)',
                  intents: [clusterIpWritten ? { op: 'set', path: ['spec', 'clusterIP'], value: 'None' } : { op: 'insert', path: ['spec'], key: 'clusterIP', value: 'None' }],
                  preferred: true,
                },
              ]
            : [],
      });
    }
    return findings;
  },
};
