// Which Pod Security Standard a Pod is held to. Pod Security admission enforces the level of the
// namespace label `pod-security.kubernetes.io/enforce` (privileged, baseline or restricted); when
// the Namespace is in the same file (or another file of the CLI's run), its label decides and a violation is an error (the API
// server rejects the Pod; a workload is accepted but its Pods are not). Otherwise the
// `podSecurity` setting (default baseline) says what to expect, as a warning. Node agents are held
// to restricted only when the user asks for it: clusters run them in privileged namespaces.
// Static Pods are not judged: the kubelet runs them from the manifest without admission.
// https://kubernetes.io/docs/concepts/security/pod-security-admission/#pod-security-admission-labels-for-namespaces
import { asObject, asString, getIn } from '../json';
import type { FileContext, PodSpecContext } from '../rule-types';
import type { Severity } from '../types';
import { isNodeAgent } from './node-agent';

export type PodSecurityStandard = 'baseline' | 'restricted';

export interface PodSecurityVerdict {
  /** The standard the Pod is held to, or undefined when it is privileged (nothing to check). */
  level: PodSecurityStandard | undefined;
  /** Error when a Namespace in the file enforces it, else warning. */
  severity: Severity;
  /** Where the level comes from, for the detail of a finding. */
  source: string;
}

const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';

/** The namespace an object is created in, when the manifest says. */
function namespaceOf(context: PodSpecContext): string | undefined {
  return asString(getIn(context.object, ['metadata', 'namespace']));
}

/** The enforce label of the Namespace named `name` in this file or another file of the run. */
function enforcedLevel(file: FileContext, name: string | undefined): PodSecurityStandard | 'privileged' | undefined {
  if (name === undefined) return undefined;
  const namespaces = [...file.objects, ...(file.env.runObjects ?? [])].filter((object) => object.kind === 'Namespace' && object.name === name);
  for (const { object } of namespaces) {
    const labels = asObject(getIn(object, ['metadata', 'labels']));
    const level = asString(labels?.[ENFORCE_LABEL]);
    if (level === 'privileged' || level === 'baseline' || level === 'restricted') return level;
  }
  return undefined;
}

export function podSecurityVerdict(file: FileContext, context: PodSpecContext): PodSecurityVerdict {
  const namespace = namespaceOf(context);
  const enforced = enforcedLevel(file, namespace);
  if (enforced !== undefined) {
    const source = `Namespace "${namespace}" enforces ${enforced}`;
    return { level: enforced === 'privileged' ? undefined : enforced, severity: 'error', source };
  }
  const setting = file.env.podSecurity ?? 'baseline';
  // The kubelet runs a static Pod from its manifest whatever admission says of its mirror Pod.
  if (context.kind === 'Pod' && context.env.isStaticPodManifest) return { level: undefined, severity: 'warning', source: 'static Pod' };
  if (setting === 'off') return { level: undefined, severity: 'warning', source: 'podSecurity is off' };
  if (
    isNodeAgent({
      kind: context.kind,
      spec: context.spec,
      isStaticPodManifest: context.env.isStaticPodManifest,
      namespace: asString(getIn(context.object, ['metadata', 'namespace'])),
    })
  ) {
    // Node agents run in privileged namespaces; only an explicit `restricted` setting judges them.
    return setting === 'restricted'
      ? { level: 'restricted', severity: 'warning', source: 'podSecurity is restricted' }
      : { level: undefined, severity: 'warning', source: 'node agent' };
  }
  return { level: setting, severity: 'warning', source: `podSecurity is ${setting}` };
}

/** True when a control of `standard` applies under the verdict (restricted includes baseline). */
export function controlApplies(verdict: PodSecurityVerdict, standard: PodSecurityStandard): boolean {
  if (verdict.level === undefined) return false;
  return standard === 'baseline' || verdict.level === 'restricted';
}
