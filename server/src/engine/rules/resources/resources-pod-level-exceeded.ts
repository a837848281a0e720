// With Pod-level resources (spec.resources; PodLevelResources, on by default from 1.34) the Pod's
// budget must hold its containers: the app and sidecar containers' requests together may not
// exceed the Pod-level request ("must be greater than or equal to aggregate container requests"),
// and no container's limit may exceed the Pod-level limit ("must be less than or equal to pod
// limits"). In a Pod, requests default to limits, as the API server defaults them (a template
// is judged as written). Pods with run-once init containers are left alone (their requests count
// differently). core/validation.go validatePodResourceConsistency.
// https://kubernetes.io/docs/tasks/configure-pod-container/assign-pod-level-resources/
import { containersOf } from '../../containers';
import { asObject, type JsonObject } from '../../json';
import { capitalize, describeContainer, fitMessage } from '../../k8s/phrasing';
import { compareQuantities, parseQuantity, quantityText, type Quantity } from '../../k8s/quantity';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

const NAMES = ['cpu', 'memory'] as const;

export const resourcesPodLevelExceeded: Rule = {
  meta: {
    id: 'resources-pod-level-exceeded',
    defaultSeverity: 'error',
    category: 'resources',
    summary: "Containers request more than the Pod-level request, or a container's limit exceeds the Pod-level limit.",
    minVersion: '1.34',
    parity: ['pod-resources'],
  },
  checkPodSpec(context) {
    const pod = asObject(context.spec.resources);
    if (!pod) return [];
    const podRequests = asObject(pod.requests);
    const podLimits = asObject(pod.limits);
    const refs = containersOf(context.spec, context.specPath, ['initContainers', 'containers']);
    if (refs.some((ref) => ref.group === 'initContainers' && !ref.isSidecar)) return [];
    const findings: RuleFinding[] = [];
    for (const name of NAMES) {
      // In a Pod, requests default to limits (Pod-level and container alike); a template is
      // judged as written, so only explicit requests count there.
      const defaults = !context.isTemplate;
      const podRequest = parseQuantity(podRequests?.[name] ?? (defaults ? podLimits?.[name] : undefined));
      if (podRequest) {
        let total: Quantity | undefined;
        for (const ref of refs) {
          const request = containerRequest(asObject(ref.container.resources), name, defaults);
          if (request) total = total ? add(total, request) : request;
        }
        if (total && compareQuantities(total, podRequest) > 0) {
          const path = podRequests && name in podRequests ? [...context.specPath, 'resources', 'requests', name] : [...context.specPath, 'resources'];
          findings.push({
            path,
            target: podRequests && name in podRequests ? 'value' : 'key',
            message: `The containers request more ${name} together than the Pod-level request ${quantityText(podRequests?.[name] ?? podLimits?.[name])}`,
            detail: `The API server rejects it ("must be greater than or equal to aggregate container requests of ${name}"). Raise spec.resources for ${name}, or lower the containers' requests.`,
          });
        }
      }
      const podLimit = parseQuantity(podLimits?.[name]);
      if (!podLimit) continue;
      for (const ref of refs) {
        const raw = asObject(asObject(ref.container.resources)?.limits)?.[name];
        const limit = parseQuantity(raw);
        if (!limit || compareQuantities(limit, podLimit) <= 0) continue;
        findings.push({
          path: [...ref.path, 'resources', 'limits', name],
          target: 'value',
          message: fitMessage(
            `${capitalize(describeContainer(ref))}: ${name} limit ${quantityText(raw)} exceeds the Pod-level limit ${quantityText(podLimits?.[name])}`,
            `A container's ${name} limit exceeds the Pod-level limit ${quantityText(podLimits?.[name])}`,
          ),
          detail: `The API server rejects it ("must be less than or equal to pod limits of ${quantityText(podLimits?.[name])}"). A container cannot use more than the whole Pod.`,
        });
      }
    }
    return findings;
  },
};

/** A container's request for `name`, defaulted from its limit in a Pod. */
function containerRequest(resources: JsonObject | undefined, name: string, defaults: boolean): Quantity | undefined {
  return parseQuantity(asObject(resources?.requests)?.[name] ?? (defaults ? asObject(resources?.limits)?.[name] : undefined));
}

function add(a: Quantity, b: Quantity): Quantity {
  return { numerator: a.numerator * b.denominator + b.numerator * a.denominator, denominator: a.denominator * b.denominator, suffix: '', number: '' };
}
