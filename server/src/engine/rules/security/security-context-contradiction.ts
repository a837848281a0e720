// securityContext combinations the API server rejects: allowPrivilegeEscalation false with
// privileged true or with CAP_SYS_ADMIN added; procMount Unmasked without hostUsers: false;
// hostUsers: false with hostNetwork/hostPID/hostIPC; shareProcessNamespace with hostPID.
// core/validation.go ValidateSecurityContext, validateHostUsers, validatePodSpecSecurityContext.
// https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
import { containersOf } from '../../containers';
import { asArray, asObject } from '../../json';
import { capitalize, describeContainer } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';
import { atLeast } from '../../versions';

export const securityContextContradiction: Rule = {
  meta: {
    id: 'security-context-contradiction',
    defaultSeverity: 'error',
    category: 'security',
    summary: 'Contradicting securityContext settings (privileged without privilege escalation, Unmasked procMount, host namespaces with user namespaces).',
    parity: ['pod-security-context'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const spec = context.spec;
    const hostUsers = spec.hostUsers !== false; // defaults to true
    const procMountChecked = atLeast(context.env.kubernetesVersion, '1.33');
    for (const ref of containersOf(spec, context.specPath, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const sc = asObject(ref.container.securityContext);
      if (!sc) continue;
      const base = [...ref.path, 'securityContext'];
      const who = describeContainer(ref);
      if (sc.allowPrivilegeEscalation === false) {
        if (sc.privileged === true) {
          // The API server reports these on the securityContext itself.
          findings.push({
            path: base,
            target: 'key',
            message: `${capitalize(who)} is privileged but sets allowPrivilegeEscalation: false`,
            detail:
              'The API server rejects it ("cannot set `allowPrivilegeEscalation` to false and `privileged` to true"). A privileged container can always escalate: drop privileged, or remove allowPrivilegeEscalation.',
            fixes: [
              { title: 'Remove privileged: true', intents: [{ op: 'delete', path: [...base, 'privileged'] }], preferred: true },
              { title: 'Remove allowPrivilegeEscalation', intents: [{ op: 'delete', path: [...base, 'allowPrivilegeEscalation'] }] },
            ],
          });
        }
        asArray(asObject(sc.capabilities)?.add).forEach((capability, index) => {
          if (capability !== 'CAP_SYS_ADMIN') return;
          findings.push({
            path: base,
            target: 'key',
            message: `${capitalize(who)} adds CAP_SYS_ADMIN but sets allowPrivilegeEscalation: false`,
            detail:
              'The API server rejects it ("cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN"). CAP_SYS_ADMIN allows escalation: drop the capability, or remove allowPrivilegeEscalation.',
            fixes: [
              { title: 'Remove CAP_SYS_ADMIN from capabilities.add', intents: [{ op: 'delete', path: [...base, 'capabilities', 'add', index] }], preferred: true },
              { title: 'Remove allowPrivilegeEscalation', intents: [{ op: 'delete', path: [...base, 'allowPrivilegeEscalation'] }] },
            ],
          });
        });
      }
      // Before ProcMountType is on by default (1.33) the API server resets procMount to Default.
      if (sc.procMount === 'Unmasked' && hostUsers && procMountChecked) {
        findings.push({
          path: [...base, 'procMount'],
          target: 'value',
          message: `${capitalize(who)}: procMount Unmasked needs hostUsers: false`,
          detail:
            'An unmasked /proc needs a user namespace; the API server rejects it ("`hostUsers` must be false to use `Unmasked`"). Set spec.hostUsers: false or remove procMount.',
          fixes: [{ title: 'Remove procMount', intents: [{ op: 'delete', path: [...base, 'procMount'] }], preferred: true }],
        });
      }
    }
    if (!hostUsers) {
      for (const field of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
        if (spec[field] !== true) continue;
        findings.push({
          path: [...context.specPath, field],
          target: 'key',
          message: `${field}: true cannot be combined with hostUsers: false`,
          detail: 'The API server rejects it ("Forbidden: when `pod.Spec.HostUsers` is false"). A Pod in its own user namespace cannot share the node\'s namespaces.',
          fixes: [
            { title: `Remove ${field}`, intents: [{ op: 'delete', path: [...context.specPath, field] }], preferred: true },
            { title: 'Remove hostUsers: false (no user namespace)', intents: [{ op: 'delete', path: [...context.specPath, 'hostUsers'] }] },
          ],
        });
      }
    }
    if (spec.shareProcessNamespace === true && spec.hostPID === true) {
      findings.push({
        path: [...context.specPath, 'shareProcessNamespace'],
        target: 'key',
        message: 'shareProcessNamespace and hostPID cannot both be true',
        detail: 'The API server rejects it ("ShareProcessNamespace and HostPID cannot both be enabled"). Keep one.',
        fixes: [
          { title: 'Remove shareProcessNamespace', intents: [{ op: 'delete', path: [...context.specPath, 'shareProcessNamespace'] }], preferred: true },
          { title: 'Remove hostPID', intents: [{ op: 'delete', path: [...context.specPath, 'hostPID'] }] },
        ],
      });
    }
    return findings;
  },
};
