// Hardening advice for container securityContext (peer linters' defaults): not privileged, no
// privilege escalation, non-root, read-only root filesystem, all capabilities dropped. Off by
// default: whether it applies depends on the cluster's Pod Security policy.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
import { containersOf } from '../../containers';
import { asArray, asInteger, asObject } from '../../json';
import { capitalize, describeContainer } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FixIntent, RuleFinding } from '../../types';

const DANGEROUS = new Set(['ALL', 'SYS_ADMIN', 'CAP_SYS_ADMIN', 'NET_ADMIN', 'CAP_NET_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'BPF', 'NET_RAW']);

export const securityContextBaseline: Rule = {
  meta: {
    id: 'security-context-baseline',
    defaultSeverity: 'hint',
    category: 'security',
    summary: 'A container runs privileged, as root, with a writable root filesystem or with capabilities it could drop.',
    enabledByDefault: false,
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const podSecurity = asObject(context.spec.securityContext);
    const podRunAsNonRoot = podSecurity?.runAsNonRoot === true;
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers'])) {
      const sc = asObject(ref.container.securityContext);
      const capabilities = asObject(sc?.capabilities);
      const added = asArray(capabilities?.add).filter((cap): cap is string => typeof cap === 'string' && DANGEROUS.has(cap.toUpperCase()));
      const dropped = asArray(capabilities?.drop).map((cap) => String(cap).toUpperCase());
      const problems: string[] = [];
      if (sc?.privileged === true) problems.push('runs privileged');
      if (sc?.allowPrivilegeEscalation !== false) problems.push('allows privilege escalation');
      // The container's setting overrides the Pod's (for runAsNonRoot and runAsUser alike).
      const runAsNonRoot = sc?.runAsNonRoot ?? podSecurity?.runAsNonRoot;
      const runAsUser = asInteger(sc?.runAsUser ?? podSecurity?.runAsUser);
      if (runAsNonRoot !== true) problems.push(rootProblem(runAsUser));
      if (sc?.readOnlyRootFilesystem !== true) problems.push('has a writable root filesystem');
      if (added.length > 0) problems.push(`adds ${added.join(', ')}`);
      if (!dropped.includes('ALL') && !dropped.includes('NET_RAW')) problems.push('keeps NET_RAW (drop ALL)');
      if (problems.length === 0) continue;
      const base = [...ref.path, 'securityContext'];
      const wanted: Record<string, unknown> = {};
      if (sc?.allowPrivilegeEscalation === undefined) wanted.allowPrivilegeEscalation = false;
      // With runAsUser: 0, runAsNonRoot: true would make the kubelet refuse to start the container.
      if (sc?.runAsNonRoot === undefined && !podRunAsNonRoot && runAsUser !== 0) wanted.runAsNonRoot = true;
      if (sc?.readOnlyRootFilesystem === undefined) wanted.readOnlyRootFilesystem = true;
      if (!capabilities) wanted.capabilities = { drop: ['ALL'] };
      const intents: FixIntent[] = sc
        ? Object.entries(wanted).map(([key, value]) => ({ op: 'insert' as const, path: base, key, value }))
        : [{ op: 'insert', path: ref.path, key: 'securityContext', value: wanted }];
      findings.push({
        path: sc ? base : [...ref.path, 'name'],
        target: 'key',
        message: `${capitalize(describeContainer(ref))} ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more hardening gaps)` : ''}`,
        detail: `It ${problems.join(', ')}. A restricted securityContext limits what a compromised process can do; test that the image still works with it.`,
        fixes: Object.keys(wanted).length > 0 ? [{ title: 'Add restricted securityContext settings', intents }] : undefined,
      });
    }
    return findings;
  },
};

/**
 * Without runAsNonRoot: true the kubelet does not refuse a root process. Whether the container
 * runs as root then depends on runAsUser (or, without it, on the image's USER).
 */
function rootProblem(runAsUser: number | undefined): string {
  if (runAsUser === undefined) return 'may run as root';
  if (runAsUser === 0) return 'runs as root (runAsUser: 0)';
  return `does not set runAsNonRoot (it runs as UID ${runAsUser}, but Pod Security "restricted" requires runAsNonRoot: true)`;
}
