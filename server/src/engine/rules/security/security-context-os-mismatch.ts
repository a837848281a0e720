// spec.os.name tells the API server which securityContext fields can mean anything: a linux Pod
// may not set windowsOptions, and a windows Pod may not set the Linux-only fields (SELinux,
// seccomp, AppArmor, user and group IDs, fsGroup, sysctls, capabilities, privileged, procMount,
// host PID/IPC namespaces, user namespaces). Without spec.os nothing is checked.
// core/validation.go validateLinux, validateWindows.
// https://kubernetes.io/docs/concepts/workloads/pods/#pod-os
import { containersOf } from '../../containers';
import { asObject, asString, hasKey } from '../../json';
import { capitalize, describeContainer, fitMessage } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

const WINDOWS_FORBIDDEN_POD_SC = [
  'appArmorProfile',
  'seLinuxOptions',
  'seccompProfile',
  'fsGroup',
  'fsGroupChangePolicy',
  'sysctls',
  'runAsUser',
  'runAsGroup',
  'supplementalGroups',
  'supplementalGroupsPolicy',
  'seLinuxChangePolicy',
] as const;
const WINDOWS_FORBIDDEN_CONTAINER_SC = [
  'appArmorProfile',
  'seLinuxOptions',
  'seccompProfile',
  'capabilities',
  'readOnlyRootFilesystem',
  'privileged',
  'allowPrivilegeEscalation',
  'procMount',
  'runAsUser',
  'runAsGroup',
] as const;

export const securityContextOsMismatch: Rule = {
  meta: {
    id: 'security-context-os-mismatch',
    defaultSeverity: 'error',
    category: 'security',
    summary: 'A linux Pod sets windowsOptions, or a windows Pod (spec.os.name) sets Linux-only securityContext or host namespace fields.',
    parity: ['pod-security-context', 'pod-policy'],
  },
  checkPodSpec(context) {
    const os = asString(asObject(context.spec.os)?.name);
    if (os !== 'linux' && os !== 'windows') return [];
    const findings: RuleFinding[] = [];
    const forbid = (path: FieldPath, who: string, field: string): void => {
      const upstream = os === 'linux' ? 'windows options cannot be set for a linux pod' : 'cannot be set for a windows pod';
      findings.push({
        path,
        target: 'key',
        message: fitMessage(`${who}: ${field} cannot be set when spec.os.name is ${os}`, `${field} cannot be set on a ${os} Pod (spec.os.name)`),
        detail: `The API server rejects it ("${upstream}"). Remove the field, or correct spec.os.name.`,
        fixes: [{ title: `Remove ${field}`, intents: [{ op: 'delete', path }], preferred: true }],
      });
    };
    const podScPath = [...context.specPath, 'securityContext'];
    const podSc = asObject(context.spec.securityContext);
    if (os === 'linux') {
      if (podSc && hasKey(podSc, 'windowsOptions') && podSc.windowsOptions !== null) forbid([...podScPath, 'windowsOptions'], 'Pod securityContext', 'windowsOptions');
    } else {
      for (const field of WINDOWS_FORBIDDEN_POD_SC) {
        if (podSc && hasKey(podSc, field) && podSc[field] !== null) forbid([...podScPath, field], 'Pod securityContext', field);
      }
      // hostPID/hostIPC only count when true; hostUsers and shareProcessNamespace as soon as they are set.
      for (const field of ['hostPID', 'hostIPC'] as const) if (context.spec[field] === true) forbid([...context.specPath, field], 'Pod', field);
      for (const field of ['hostUsers', 'shareProcessNamespace'] as const) {
        if (typeof context.spec[field] === 'boolean') forbid([...context.specPath, field], 'Pod', field);
      }
    }
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const sc = asObject(ref.container.securityContext);
      if (!sc) continue;
      const base = [...ref.path, 'securityContext'];
      const who = capitalize(describeContainer(ref));
      const fields: readonly string[] = os === 'linux' ? ['windowsOptions'] : WINDOWS_FORBIDDEN_CONTAINER_SC;
      for (const field of fields) if (hasKey(sc, field) && sc[field] !== null) forbid([...base, field], who, field);
    }
    return findings;
  },
};
