// hostPath volumes of system directories (/, /etc, /proc, /sys, …) or of the container runtime
// socket give the container control over the node: with the runtime socket it can start any
// container, privileged, on the host.
// https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
import { asObject, asString, objectItems } from '../../json';
import { trimCharsEnd } from '../../k8s/trim-chars';
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
      if (!socket && !SENSITIVE.has(path)) continue;
      findings.push({
        path: [...context.specPath, 'volumes', index, 'hostPath', 'path'],
        target: 'value',
        message: socket
          ? `hostPath "${raw}" is the container runtime socket: whoever can use it can start privileged containers on the node, so this Pod effectively owns the node. Avoid it unless this is a trusted node agent.`
          : `hostPath "${raw}" exposes the node's ${path === '/' ? 'whole filesystem' : `${path} directory`} to the container, which can read or change host configuration. Mount only the specific subdirectory or file needed, read-only.`,
      });
    }
    return findings;
  },
};
