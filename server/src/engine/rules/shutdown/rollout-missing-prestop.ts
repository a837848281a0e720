// When a Pod is deleted, removing it from Service endpoints (kube-proxy rules, load balancers)
// happens at the same time as the shutdown, not before it. A container that stops on SIGTERM
// right away can still receive requests for a moment and drop them. A short preStop sleep keeps
// it serving until the endpoint removal has propagated (the reason the sleep action exists).
// Only for workloads a Service in the same file sends traffic to.
// https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
import { gracePeriod } from '../../defaults';
import { asObject } from '../../json';
import { preStopSleep } from '../../k8s/hook-duration';
import { capitalize, clipText, describeContainer } from '../../k8s/phrasing';
import { isSet } from '../../k8s/probe-walk';
import { rollsOut, ROLLOUT_KINDS, serviceNames, servicesSelecting, servingContainers } from '../../k8s/service-selection';
import { SHUTDOWN_MARGIN_SECONDS } from '../../k8s/shutdown-timeline';
import type { FileRuleFinding, Rule } from '../../rule-types';
import type { FixIntent } from '../../types';

const DRAIN_SECONDS = 5;

export const rolloutMissingPrestop: Rule = {
  meta: {
    id: 'rollout-missing-prestop',
    defaultSeverity: 'hint',
    category: 'shutdown',
    summary: 'A container behind a Service has no preStop hook to keep serving while endpoints are removed (off by default).',
    // Advice most well-kept manifests do without (issue #11: 39 hints on the valid corpus); the
    // shutdown hover on terminationGracePeriodSeconds and lifecycle shows the timeline instead.
    enabledByDefault: false,
    kinds: ROLLOUT_KINDS,
  },
  checkFile(file) {
    const findings: FileRuleFinding[] = [];
    for (const podSpec of file.podSpecs) {
      if (!rollsOut(podSpec)) continue;
      const grace = gracePeriod(podSpec.spec).value;
      if (grace <= 0) continue; // no preStop would run (shutdown-prestop-zero-grace)
      const services = servicesSelecting(file, podSpec);
      if (services.length === 0) continue;
      for (const container of servingContainers(podSpec, services)) {
        if (isSet(asObject(container.container.lifecycle)?.preStop)) continue;
        const sleep = preStopSleep(podSpec, DRAIN_SECONDS);
        const intents: FixIntent[] = [{ op: 'insert', path: [...container.path, 'lifecycle', 'preStop'], key: sleep.key, value: sleep.value }];
        // Keep at least the margin for the app's own shutdown after the sleep.
        if (grace < DRAIN_SECONDS + SHUTDOWN_MARGIN_SECONDS) {
          intents.push({ op: 'set', path: [...podSpec.specPath, 'terminationGracePeriodSeconds'], value: DRAIN_SECONDS + SHUTDOWN_MARGIN_SECONDS });
        }
        findings.push({
          documentIndex: podSpec.documentIndex,
          objectIndex: podSpec.objectIndex,
          path: container.name !== undefined ? [...container.path, 'name'] : container.path,
          target: 'value',
          message: `${capitalize(describeContainer(container))} serves Service ${clipText(serviceNames(services), 40)} but has no preStop hook`,
          detail:
            `On a rollout or scale-down it gets SIGTERM while endpoints and load balancers may still send it requests for Service ${serviceNames(services)}. ` +
            'A preStop sleep of a few seconds keeps it serving until they catch up.',
          fixes: [{ title: `Add a preStop ${sleep.label}`, intents }],
        });
      }
    }
    return findings;
  },
};
