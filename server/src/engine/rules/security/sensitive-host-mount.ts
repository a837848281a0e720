// hostPath volumes of system directories (/, /etc, /proc, /sys, …) or of the container runtime
// socket give the container control over the node: with the runtime socket it can start any
// container, privileged, on the host. Node agents (CNI and CSI plugins, node exporters: a
// DaemonSet or static Pod of that shape, k8s/node-agent.ts) mount them by design: for them it is
// context, reported only when the user holds them to the restricted Pod Security Standard.
// https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
import { asObject, asString, getIn, objectItems } from '../../json';
import { sensitiveHostPath } from '../../k8s/host-paths';
import { isNodeAgent } from '../../k8s/node-agent';
import { trimCharsEnd } from '../../k8s/trim-chars';
import { quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const sensitiveHostMount: Rule = {
  meta: {
    id: 'sensitive-host-mount',
    defaultSeverity: 'warning',
    category: 'security',
    summary: 'A hostPath volume exposes a system directory or the container runtime socket.',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    if (
      context.env.podSecurity !== 'restricted' &&
      isNodeAgent({
        kind: context.kind,
        spec: context.spec,
        isStaticPodManifest: context.env.isStaticPodManifest,
        namespace: asString(getIn(context.object, ['metadata', 'namespace'])),
      })
    )
      return findings;
    for (const { item, index } of objectItems(context.spec.volumes)) {
      const raw = asString(asObject(item.hostPath)?.path);
      if (!raw) continue;
      const path = raw.length > 1 ? trimCharsEnd(raw, '/') : raw;
      const kind = sensitiveHostPath(raw);
      const socket = kind === 'socket';
      const name = asString(item.name) ?? `volumes[${index}]`;
      if (kind === undefined) continue;
      findings.push({
        path: [...context.specPath, 'volumes', index, 'hostPath', 'path'],
        target: 'value',
        message: socket
          ? `Volume ${quoteShort(name, 30)} mounts the container runtime socket ${quoteShort(raw, 40)}`
          : `Volume ${quoteShort(name, 30)} mounts the node's ${path === '/' ? 'whole filesystem' : `${path} directory`}`,
        detail: socket
          ? 'Whoever can use the runtime socket can start privileged containers on the node, so this Pod effectively owns the node. Avoid it unless this is a trusted node agent.'
          : 'The container can read or change host configuration. Mount only the specific subdirectory or file needed, read-only.',
      });
    }
    return findings;
  },
};
