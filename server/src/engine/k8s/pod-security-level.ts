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
import { runExclusion } from '../run-exclusion';

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

/** An object of the file or of the run, as far as a Namespace lookup reads it. */
interface NamedObject {
  kind: string;
  name?: string;
  object: unknown;
}

/** The Namespaces of an array of objects (the file's, or the run's) by name, in order; built once per array. */
const namespacesByName = new WeakMap<readonly NamedObject[], Map<string, NamedObject[]>>();

function namespacesIn(objects: readonly NamedObject[], name: string): readonly NamedObject[] {
  // A run less this file's objects (runObjectsExcept): the whole run's index, less what the cut refuses.
  const exclusion = runExclusion(objects);
  if (exclusion) return namespacesIn(exclusion.base, name).filter(exclusion.keeps);
  let byName = namespacesByName.get(objects);
  if (!byName) {
    byName = new Map();
    for (const object of objects) {
      if (object.kind !== 'Namespace' || object.name === undefined) continue;
      const list = byName.get(object.name);
      if (list) list.push(object);
      else byName.set(object.name, [object]);
    }
    namespacesByName.set(objects, byName);
  }
  return byName.get(name) ?? [];
}

/** The enforce label of the Namespace named `name` in this file or another file of the run (the file's first). */
function enforcedLevel(file: FileContext, name: string | undefined): PodSecurityStandard | 'privileged' | undefined {
  if (name === undefined) return undefined;
  for (const objects of [file.objects, file.env.runObjects ?? []]) {
    for (const { object } of namespacesIn(objects, name)) {
      const labels = asObject(getIn(object, ['metadata', 'labels']));
      const level = asString(labels?.[ENFORCE_LABEL]);
      if (level === 'privileged' || level === 'baseline' || level === 'restricted') return level;
    }
  }
  return undefined;
}

/** The verdicts of a file's Pod specs: every control asks for them, so they are worked out once per file. */
const verdictsByFile = new WeakMap<FileContext, Map<PodSpecContext, PodSecurityVerdict>>();

export function podSecurityVerdict(file: FileContext, context: PodSpecContext): PodSecurityVerdict {
  let verdicts = verdictsByFile.get(file);
  if (!verdicts) {
    verdicts = new Map();
    verdictsByFile.set(file, verdicts);
  }
  let verdict = verdicts.get(context);
  if (!verdict) {
    verdict = verdictOf(file, context);
    verdicts.set(context, verdict);
  }
  return verdict;
}

function verdictOf(file: FileContext, context: PodSpecContext): PodSecurityVerdict {
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
