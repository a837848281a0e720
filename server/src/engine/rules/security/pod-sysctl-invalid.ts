// spec.securityContext.sysctls: every name must be a sysctl name (dotted or slashed segments of
// lower-case letters, digits, '-' and '_', at most 253 characters), appear once, and a Pod that
// shares the node's network or IPC namespace may not set sysctls of that namespace (it would
// change the node's own settings). core/validation.go validateSysctls, ValidateHostSysctl.
// https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/
import { asObject, asString, objectItems } from '../../json';
import { quoteShort } from '../../k8s/phrasing';
import { isValidSysctlName, sysctlNamespace } from '../../k8s/pod-formats';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const podSysctlInvalid: Rule = {
  meta: {
    id: 'pod-sysctl-invalid',
    defaultSeverity: 'error',
    category: 'security',
    summary: 'A Pod sysctl has an invalid or duplicate name, or a network/IPC sysctl is set while the Pod shares that host namespace.',
    parity: ['pod-security-context'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const sc = asObject(context.spec.securityContext);
    if (!sc) return findings;
    const seen = new Set<string>();
    for (const { item, index } of objectItems(sc.sysctls)) {
      const base = [...context.specPath, 'securityContext', 'sysctls', index];
      const name = asString(item.name);
      if (name === undefined) continue;
      if (name === '') {
        findings.push({ path: [...base, 'name'], target: 'value', message: `sysctls[${index}] has an empty name`, detail: 'The API server rejects it ("Required value").' });
        continue;
      }
      if (!isValidSysctlName(name)) {
        findings.push({
          path: [...base, 'name'],
          target: 'value',
          message: `Sysctl ${quoteShort(name, 40)} is not a valid sysctl name`,
          detail:
            'The API server rejects it ("must have at most 253 characters and match regex ..."): use lower-case segments of letters, digits, "-" and "_" joined by "." or "/", for example net.ipv4.ip_local_port_range.',
        });
      } else if (seen.has(name)) {
        findings.push({
          path: [...base, 'name'],
          target: 'value',
          message: `Sysctl ${quoteShort(name, 40)} is listed twice`,
          detail: 'The API server rejects it ("Duplicate value"). Keep one entry.',
          fixes: [{ title: 'Remove this entry', intents: [{ op: 'delete', path: base }] }],
        });
      }
      seen.add(name);
      const namespace = sysctlNamespace(name);
      const shared = namespace === 'net' && context.spec.hostNetwork === true ? 'hostNetwork' : namespace === 'ipc' && context.spec.hostIPC === true ? 'hostIPC' : undefined;
      if (shared) {
        findings.push({
          path: [...base, 'name'],
          target: 'value',
          message: `Sysctl ${quoteShort(name, 40)} cannot be set with ${shared}: true`,
          detail: `The Pod shares the node's ${namespace === 'net' ? 'network' : 'IPC'} namespace, so the API server rejects the sysctl ("may not be specified when '${shared}' is true"). Remove it or ${shared}.`,
        });
      }
    }
    return findings;
  },
};
