// Baseline forbids hostPath volumes: they expose the node's filesystem to the container. System
// directories and runtime sockets are reported by sensitive-host-mount with their own advice;
// this control reports the other hostPath volumes, so one volume gets one finding.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
import { asObject, asString, objectItems } from '../../json';
import { sensitiveHostPath } from '../../k8s/host-paths';
import { quoteShort } from '../../k8s/phrasing';
import { podSecurityFindings, type ControlViolation, type PodSecurityControl } from '../../k8s/pod-security-controls';
import type { Rule } from '../../rule-types';

const control: PodSecurityControl = {
  name: 'HostPath Volumes',
  standard: 'baseline',
  check(context) {
    const violations: ControlViolation[] = [];
    for (const { item, index } of objectItems(context.spec.volumes)) {
      const hostPath = asObject(item.hostPath);
      if (!hostPath) continue;
      const path = asString(hostPath.path);
      if (path !== undefined && sensitiveHostPath(path) !== undefined) continue;
      const name = asString(item.name) ?? `volumes[${index}]`;
      violations.push({
        path: [...context.specPath, 'volumes', index, 'hostPath'],
        target: 'key',
        message: `Volume ${quoteShort(name, 30)} is a hostPath${path ? ` (${quoteShort(path, 40)})` : ''}`,
        detail: 'A hostPath volume reaches into the node’s filesystem. Use an emptyDir, a ConfigMap or a PersistentVolumeClaim instead.',
      });
    }
    return violations;
  },
};

export const pssHostPathVolumes: Rule = {
  meta: {
    id: 'pss-host-path-volumes',
    defaultSeverity: 'warning',
    category: 'pod-security',
    summary: 'A Pod uses a hostPath volume, which the baseline Pod Security Standard forbids.',
  },
  checkFile: (file) => podSecurityFindings(file, control),
};
