// Without cpu/memory requests the scheduler places the Pod as if it needed nothing, and without
// a memory limit one leaky container can push the whole node into memory pressure. (A limit
// without a request is fine: the request defaults to the limit.) Static control-plane Pods run
// without memory limits on purpose (an OOM-killed apiserver is worse than a busy node), so for
// static Pods only the requests are asked for. Policy-dependent advice, so off by default: on
// ordinary example and tutorial manifests it fired on nearly every container (issue #11), and
// whether requests and limits are required is a cluster policy (LimitRange, admission) matter.
// https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
import { containersOf } from '../../containers';
import { asObject, hasKey } from '../../json';
import { capitalize, describeContainer } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const resourcesUnset: Rule = {
  meta: {
    id: 'resources-unset',
    defaultSeverity: 'info',
    category: 'resources',
    summary: 'A container has no cpu/memory request or no memory limit.',
    enabledByDefault: false,
  },
  checkPodSpec(context) {
    // Pod-level resources (PodLevelResources) cover containers that set none of their own.
    if (asObject(context.spec.resources)) return [];
    const isStatic = context.env.isStaticPodManifest && context.kind === 'Pod';
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers'])) {
      if (ref.group === 'initContainers' && !ref.isSidecar) continue;
      if (hasKey(ref.container, 'resources') && !asObject(ref.container.resources)) continue; // schema type error
      const resources = asObject(ref.container.resources);
      const requests = asObject(resources?.requests);
      const limits = asObject(resources?.limits);
      const missing: string[] = [];
      if (!hasKey(requests, 'cpu') && !hasKey(limits, 'cpu')) missing.push('cpu request');
      if (!hasKey(requests, 'memory') && !hasKey(limits, 'memory')) missing.push('memory request');
      if (!hasKey(limits, 'memory') && !isStatic) missing.push('memory limit');
      if (missing.length === 0) continue;
      const requestMissing = missing.some((item) => item.endsWith('request'));
      const effects: string[] = [];
      if (requestMissing)
        effects.push(isStatic ? 'the node cannot account for it (for example when the kubelet ranks Pods for eviction)' : 'the scheduler cannot reserve room for it');
      if (missing.includes('memory limit')) effects.push("nothing stops it from using up the node's memory");
      const all = missing.length === 3 && !resources;
      findings.push({
        path: [...ref.path, 'resources'],
        target: 'key',
        message: `${capitalize(describeContainer(ref))} ${all ? 'sets no resources' : `has no ${listing(missing)}`}`,
        detail: `Without ${listing(missing)}, ${effects.join(', and ')}. Set ${requestMissing ? 'requests' : 'a memory limit'} from measured usage.`,
      });
    }
    return findings;
  },
};

function listing(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
