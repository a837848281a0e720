// A Deployment, StatefulSet or DaemonSet whose Pods have no readinessProbe: each new Pod counts as
// Ready as soon as its containers run, so it gets Service traffic before the app listens, and a
// rolling update cannot tell a broken version from a working one — it moves on regardless.
// Warning when a Service in the same file selects the Pods; info for other workloads that
// expose ports (their Service may live elsewhere).
// https://kubernetes.io/docs/tutorials/kubernetes-basics/update/update-intro/
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-readiness-probes
import { asArray, isObject } from '../../json';
import { probedContainers } from '../../k8s/probe-walk';
import { addReadinessFixes } from '../../k8s/readiness-fixes';
import { ROLLOUT_KINDS, serviceNames, servicesSelecting, servingContainers } from '../../k8s/service-selection';
import type { FileRuleFinding, Rule } from '../../rule-types';

export const rolloutMissingReadiness: Rule = {
  meta: {
    id: 'rollout-missing-readiness',
    defaultSeverity: 'warning',
    category: 'probes',
    summary: 'A Deployment/StatefulSet/DaemonSet has no readinessProbe on any container (warning when a Service selects it).',
    kinds: ROLLOUT_KINDS,
  },
  checkFile(file) {
    const findings: FileRuleFinding[] = [];
    for (const podSpec of file.podSpecs) {
      if (!ROLLOUT_KINDS.includes(podSpec.kind)) continue;
      const containers = probedContainers(podSpec.spec, podSpec.specPath);
      const apps = containers.filter((ref) => ref.group === 'containers');
      if (apps.length === 0 || containers.some((ref) => isObject(ref.container.readinessProbe))) continue;
      const services = servicesSelecting(file, podSpec);
      const exposesPorts = apps.some((ref) => asArray(ref.container.ports).some(isObject));
      if (services.length === 0 && !exposesPorts) continue;
      const serving = servingContainers(podSpec, services)[0];
      const fixes = serving ? addReadinessFixes(serving, serving.name ? ` to "${serving.name}"` : '') : [];
      const what = `${podSpec.kind}${podSpec.name ? ` "${podSpec.name}"` : ''}`;
      findings.push({
        documentIndex: podSpec.documentIndex,
        objectIndex: podSpec.objectIndex,
        path: [...podSpec.specPath, 'containers'],
        target: 'key',
        severity: services.length > 0 ? 'warning' : 'info',
        message:
          services.length > 0
            ? `Service ${serviceNames(services)} sends traffic to the Pods of ${what}, but no container has a readinessProbe: new Pods get traffic as soon as they start, before the app listens, and a rolling update cannot notice a broken version. Add a readinessProbe to the serving container.`
            : `No container of ${what} has a readinessProbe: if a Service sends traffic here, new Pods get it as soon as they start, and a rolling update cannot notice a broken version. Add a readinessProbe to the serving container.`,
        fixes,
      });
    }
    return findings;
  },
};
