// hostPath volumes of system directories (/, /etc, /proc, /sys, …) or of the container runtime
// socket give the container control over the node: with the runtime socket it can start any
// container, privileged, on the host.
// https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
import { asObject, asString, objectItems } from '../../json';
import { trimCharsEnd } from '../../k8s/trim-chars';
import { quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

const SENSITIVE = new Set(['/', '/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr']);
const SOCKETS = /(docker|containerd|crio|cri-dockerd)\.sock$/;

export const sensitiveHostMount: Rule = {
  meta: {
    id: 'sensitive-host-mount',
    defaultSeverity: 'warning',
    category: 'security',
    summary: 'A hostPath volume exposes a system directory or the container runtime socket.',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const { item, index } of objectItems(context.spec.volumes)) {
      const raw = asString(asObject(item.hostPath)?.path);
      if (!raw) continue;
      const path = raw.length > 1 ? trimCharsEnd(raw, '/') : raw;
      const socket = SOCKETS.test(path);
      const name = asString(item.name) ?? `volumes[${index}]`;
      if (!socket && !SENSITIVE.has(path)) continue;
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
