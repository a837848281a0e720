// A Deployment, StatefulSet or DaemonSet whose Pods have no readinessProbe: each new Pod counts as
// Ready as soon as its containers run, so it gets Service traffic before the app listens, and a
// rolling update cannot tell a broken version from a working one — it moves on regardless.
// Reported when a Service in the same file selects the Pods (issue #11: the guess for workloads
// that merely expose ports, whose Service may or may not exist, was noise on good manifests).
// https://kubernetes.io/docs/tutorials/kubernetes-basics/update/update-intro/
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-readiness-probes
import { isObject } from '../../json';
import { quoteShort } from '../../k8s/phrasing';
import { probedContainers } from '../../k8s/probe-walk';
import { addReadinessFixes } from '../../k8s/readiness-fixes';
import { rollsOut, ROLLOUT_KINDS, serviceNames, servicesSelecting, servingContainers } from '../../k8s/service-selection';
import type { FileRuleFinding, Rule } from '../../rule-types';

export const rolloutMissingReadiness: Rule = {
  meta: {
    id: 'rollout-missing-readiness',
    defaultSeverity: 'warning',
    category: 'probes',
    summary: 'A Deployment/StatefulSet/DaemonSet that a Service in the same file selects has no readinessProbe on any container.',
    kinds: ROLLOUT_KINDS,
  },
  checkFile(file) {
    const findings: FileRuleFinding[] = [];
    for (const podSpec of file.podSpecs) {
      if (!rollsOut(podSpec)) continue;
      const containers = probedContainers(podSpec.spec, podSpec.specPath);
      const apps = containers.filter((ref) => ref.group === 'containers');
      if (apps.length === 0 || containers.some((ref) => isObject(ref.container.readinessProbe))) continue;
      const services = servicesSelecting(file, podSpec);
      // Only a Service in the same file makes this actionable: without one we cannot tell whether
      // the Pods get traffic at all (workers, exporters scraped by IP), and on well-kept
      // manifests a guess was noise.
      if (services.length === 0) continue;
      const serving = servingContainers(podSpec, services)[0];
      const fixes = serving ? addReadinessFixes(serving, serving.name ? ` to "${serving.name}"` : '') : [];
      const what = `${podSpec.kind}${podSpec.name ? ` ${quoteShort(podSpec.name, 36)}` : ''}`;
      findings.push({
        documentIndex: podSpec.documentIndex,
        objectIndex: podSpec.objectIndex,
        path: [...podSpec.specPath, 'containers'],
        target: 'key',
        message: `${what} has no readinessProbe, and a Service sends it traffic`,
        detail:
          `Service ${serviceNames(services)} selects its Pods. Without a readinessProbe new Pods get traffic as soon as they start, before the app listens, ` +
          'and a rolling update cannot notice a broken version. Add a readinessProbe to the serving container.',
        fixes,
      });
    }
    return findings;
  },
};
