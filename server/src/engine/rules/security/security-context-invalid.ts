// securityContext values the API server rejects on their own: user and group IDs outside
// 0..2147483647, seccomp and AppArmor profiles whose type and localhostProfile disagree (or whose
// profile path leaves the node's profile directory), and procMount values other than Default or
// Unmasked. core/validation.go validatePodSpecSecurityContext, ValidateSecurityContext,
// validateSeccompProfileField, ValidateAppArmorProfileField, ValidateProcMountType.
// https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
import { containersOf } from '../../containers';
import { asArray, asInteger, asObject, asString, hasKey, type JsonObject } from '../../json';
import { capitalize, describeContainer, fitMessage, quoteShort } from '../../k8s/phrasing';
import { idRangeErrors, localDescendingPathErrors } from '../../k8s/pod-formats';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';
import { atLeast } from '../../versions';

const POD_ID_FIELDS = ['runAsUser', 'runAsGroup', 'fsGroup'] as const;
const CONTAINER_ID_FIELDS = ['runAsUser', 'runAsGroup'] as const;

export const securityContextInvalid: Rule = {
  meta: {
    id: 'security-context-invalid',
    defaultSeverity: 'error',
    category: 'security',
    summary: 'A securityContext value the API server rejects: an out-of-range user/group ID, a seccomp/AppArmor profile mismatch, a bad procMount.',
    parity: ['pod-security-context'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const podPath = [...context.specPath, 'securityContext'];
    const appArmor = atLeast(context.env.kubernetesVersion, '1.30');
    const pod = asObject(context.spec.securityContext);
    if (pod) {
      for (const field of POD_ID_FIELDS) checkId(findings, pod, [...podPath, field], field, 'Pod securityContext');
      asArray(pod.supplementalGroups).forEach((gid, index) => {
        const value = asInteger(gid);
        if (value === undefined || idRangeErrors(value).length === 0) return;
        findings.push(rangeFinding([...podPath, 'supplementalGroups', index], `supplementalGroups[${index}]`, value, 'Pod securityContext'));
      });
      checkProfiles(findings, pod, podPath, 'Pod securityContext', appArmor);
    }
    const checkProcMount = atLeast(context.env.kubernetesVersion, '1.33');
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const sc = asObject(ref.container.securityContext);
      if (!sc) continue;
      const base = [...ref.path, 'securityContext'];
      const who = capitalize(describeContainer(ref));
      for (const field of CONTAINER_ID_FIELDS) checkId(findings, sc, [...base, field], field, who);
      checkProfiles(findings, sc, base, who, appArmor);
      // Before ProcMountType was on by default (1.33) the field is reset to Default, not rejected.
      const procMount = asString(sc.procMount);
      if (checkProcMount && procMount !== undefined && procMount !== 'Default' && procMount !== 'Unmasked') {
        findings.push({
          path: [...base, 'procMount'],
          target: 'value',
          message: `${who}: procMount ${quoteShort(procMount, 20)} is not Default or Unmasked`,
          detail: `The API server rejects it (Unsupported value: "${procMount}": supported values: "Default", "Unmasked"). The values are case-sensitive.`,
        });
      }
    }
    // With a long container name the message drops its "Container …:" prefix.
    return findings.map((finding) => ({ ...finding, message: fitMessage(finding.message, capitalize(finding.message.slice(finding.message.indexOf(': ') + 2))) }));
  },
};

function checkId(findings: RuleFinding[], owner: JsonObject, path: FieldPath, field: string, who: string): void {
  const value = asInteger(owner[field]);
  if (value === undefined || idRangeErrors(value).length === 0) return;
  findings.push(rangeFinding(path, field, value, who));
}

function rangeFinding(path: FieldPath, field: string, value: number, who: string): RuleFinding {
  return {
    path,
    target: 'value',
    message: `${who}: ${field} ${value} is outside 0..2147483647`,
    detail: `The API server rejects it ("must be between 0 and 2147483647, inclusive"). User and group IDs are unsigned 31-bit numbers.`,
  };
}

function checkProfiles(findings: RuleFinding[], sc: JsonObject, base: FieldPath, who: string, appArmor: boolean): void {
  for (const field of ['seccompProfile', 'appArmorProfile'] as const) {
    const profile = asObject(sc[field]);
    // appArmorProfile exists from 1.30; before, it is an unknown field (a schema error).
    if (!profile || (field === 'appArmorProfile' && !appArmor)) continue;
    const kind = field === 'seccompProfile' ? 'seccomp' : 'AppArmor';
    const path = [...base, field];
    const type = asString(profile.type);
    const hasLocal = hasKey(profile, 'localhostProfile') && profile.localhostProfile !== null;
    const local = asString(profile.localhostProfile);
    if (type === 'Localhost') {
      if (!hasLocal || (field === 'appArmorProfile' && local !== undefined && local.trim() === '')) {
        // The API server names localhostProfile; when it is missing, the finding sits on the profile key.
        findings.push({
          path: [...path, 'localhostProfile'],
          target: hasKey(profile, 'localhostProfile') ? 'value' : 'key',
          message: `${who}: ${field} type Localhost needs a localhostProfile`,
          detail: `The API server rejects it ("must be set when ${kind} type is Localhost"). Name the profile file on the node, or use type RuntimeDefault.`,
          fixes: hasKey(profile, 'localhostProfile')
            ? undefined
            : [{ title: 'Use type: RuntimeDefault', intents: [{ op: 'set', path: [...path, 'type'], value: 'RuntimeDefault' }] }],
        });
        continue;
      }
      if (local === undefined) continue;
      if (field === 'seccompProfile') {
        const errors = localDescendingPathErrors(local);
        if (errors.length > 0) {
          findings.push({
            path: [...path, 'localhostProfile'],
            target: 'value',
            message: `${who}: seccomp localhostProfile ${quoteShort(local, 30)} is not a relative path`,
            detail: `The API server rejects it: ${errors.join('; ')}. The path is relative to the kubelet's seccomp profile directory.`,
          });
        }
      } else if (local.trim() !== local) {
        findings.push({
          path: [...path, 'localhostProfile'],
          target: 'value',
          message: `${who}: AppArmor localhostProfile has leading or trailing whitespace`,
          detail: 'The API server rejects it ("must not be padded with whitespace"). Remove the spaces.',
          fixes: [{ title: 'Trim the profile name', intents: [{ op: 'set', path: [...path, 'localhostProfile'], value: local.trim() }] }],
        });
      } else if (local.length > 4095) {
        findings.push({
          path: [...path, 'localhostProfile'],
          target: 'value',
          message: `${who}: AppArmor localhostProfile is longer than 4095 characters`,
          detail: 'The API server rejects it ("Too long: may not be more than 4095 bytes").',
        });
      }
      continue;
    }
    if (hasLocal && (type === 'RuntimeDefault' || type === 'Unconfined')) {
      findings.push({
        path: [...path, 'localhostProfile'],
        target: 'key',
        message: `${who}: ${field} sets localhostProfile, but its type is ${type}`,
        detail: `The API server rejects it ("can only be set when ${kind} type is Localhost"). Remove localhostProfile, or set type: Localhost.`,
        fixes: [
          { title: 'Remove localhostProfile', intents: [{ op: 'delete', path: [...path, 'localhostProfile'] }], preferred: true },
          { title: 'Set type: Localhost', intents: [{ op: 'set', path: [...path, 'type'], value: 'Localhost' }] },
        ],
      });
    }
  }
}
