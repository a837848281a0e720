// Baseline limits SELinux options: the type may only be one of the container types, and a custom
// user or role is forbidden.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
import { asObject, asString, type JsonObject } from '../../json';
import { quoteShort } from '../../k8s/phrasing';
import { allContainers, podSecurityContext, podSecurityFindings, securityContextOf, who, type ControlViolation, type PodSecurityControl } from '../../k8s/pod-security-controls';
import type { Rule } from '../../rule-types';
import type { FieldPath } from '../../types';

const ALLOWED_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

function check(options: JsonObject | undefined, path: FieldPath, owner: string): ControlViolation[] {
  if (!options) return [];
  const violations: ControlViolation[] = [];
  const type = asString(options.type);
  if (type !== undefined && !ALLOWED_TYPES.has(type)) {
    violations.push({
      path: [...path, 'type'],
      target: 'value',
      message: `${owner} sets SELinux type ${quoteShort(type, 30)}`,
      detail: 'Baseline allows container_t, container_init_t, container_kvm_t and container_engine_t only.',
    });
  }
  for (const key of ['user', 'role']) {
    const value = asString(options[key]);
    if (value === undefined || value === '') continue;
    violations.push({
      path: [...path, key],
      target: 'key',
      message: `${owner} sets an SELinux ${key}`,
      detail: `A custom SELinux ${key} can grant access beyond the container's own files; baseline forbids it.`,
      fixes: [{ title: `Remove seLinuxOptions.${key}`, intents: [{ op: 'delete', path: [...path, key] }] }],
    });
  }
  return violations;
}

const control: PodSecurityControl = {
  name: 'SELinux',
  standard: 'baseline',
  check(context) {
    const pod = podSecurityContext(context);
    const violations = check(asObject(pod.value?.seLinuxOptions), [...pod.path, 'seLinuxOptions'], context.kind);
    for (const ref of allContainers(context)) {
      violations.push(...check(asObject(securityContextOf(ref)?.seLinuxOptions), [...ref.path, 'securityContext', 'seLinuxOptions'], who(ref)));
    }
    return violations;
  },
};

export const pssSelinux: Rule = {
  meta: {
    id: 'pss-selinux',
    defaultSeverity: 'warning',
    category: 'pod-security',
    summary: 'A Pod sets SELinux options the baseline Pod Security Standard forbids (custom type, user or role).',
  },
  checkFile: (file) => podSecurityFindings(file, control),
};
