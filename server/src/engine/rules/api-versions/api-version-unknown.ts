// An apiVersion/kind of a built-in API group that the target Kubernetes version does not serve
// and that no deprecation explains: a typo (`app/v1`, `kind: deployment`), a version that never
// existed, or an API that is newer or older than the target. `kubectl apply` fails with
// `no matches for kind "X" in version "Y"`. Custom resources (other groups) are left alone.
// https://kubernetes.io/docs/reference/using-api/#api-groups
import { allVersions, apiVersionsServing, builtInGroups, isServed, served, splitApiVersion, validUnder } from '../../k8s/api-catalog';
import { deprecationFor } from '../../k8s/deprecation-table';
import { closestName } from '../../k8s/did-you-mean';
import { clipText, fitMessage } from '../../k8s/phrasing';
import type { ObjectContext, Rule } from '../../rule-types';
import type { FixSpec, KubernetesVersion, RuleFinding } from '../../types';
import { compareVersions } from '../../versions';

/** Kinds that are not API objects but share the core `v1`: kubeconfig files and kubectl lists. */
const NON_API_CORE_KINDS = new Set(['Config', 'List']);
/** Generic kind names that configuration files of other tools reuse. */
const GENERIC_KINDS = new Set(['Config', 'List', 'Status', 'Event', 'Policy', 'Configuration']);

export const apiVersionUnknown: Rule = {
  meta: {
    id: 'api-version-unknown',
    defaultSeverity: 'error',
    category: 'api-versions',
    parity: ['api-version'],
    summary: 'A built-in API group does not serve this apiVersion/kind at the target Kubernetes version (typo or wrong version).',
  },
  checkObject(context) {
    const version = context.env.kubernetesVersion;
    const { apiVersion, kind } = context;
    if (deprecationFor(apiVersion, kind) || isServed(version, apiVersion, kind)) return [];
    const { group } = splitApiVersion(apiVersion);
    if (group === '' && NON_API_CORE_KINDS.has(kind)) return [];
    const groups = builtInGroups();
    if (groups.size <= 1) return [];
    const builtIn = groups.has(group);
    const candidates = apiVersionsServing(version, kind);
    if (!builtIn) {
      // Unknown groups are custom resources unless they look like a Kubernetes group and the
      // kind is a built-in one written under a mistyped group (`app/v1 Deployment`).
      const looksBuiltIn = !group.includes('.') || group.endsWith('.k8s.io');
      if (!looksBuiltIn || candidates.length === 0 || GENERIC_KINDS.has(kind)) return [];
    }
    return [unknownFinding(context, version, group, candidates)];
  },
};

function unknownFinding(context: ObjectContext, version: KubernetesVersion, group: string, candidates: string[]): RuleFinding {
  const { apiVersion, kind } = context;
  const head = fitMessage(`Kubernetes ${version} does not serve ${kind} in ${apiVersion}`, `Kubernetes ${version} does not serve ${clipText(kind)} in ${clipText(apiVersion)}`);
  const kubectl = `kubectl answers: no matches for kind "${kind}" in version "${apiVersion}".`;
  if (candidates.length > 0) {
    const sameGroup = candidates.filter((candidate) => splitApiVersion(candidate).group === group);
    const other = servedElsewhere(apiVersion, kind, version);
    return {
      path: ['apiVersion'],
      target: 'value',
      message: head,
      detail: `${kubectl}${other ? ` ${other}` : ''} ${kind} is served as ${candidates.join(', ')}.`,
      fixes: candidateFixes(context, sameGroup.length > 0 ? sameGroup : candidates, kind, version),
    };
  }
  const other = servedElsewhere(apiVersion, kind, version);
  if (other) return { path: ['apiVersion'], target: 'value', message: head, detail: `${kubectl} ${other}` };
  const suggestion = similarKind(kind, version);
  if (suggestion) {
    const apiVersions = apiVersionsServing(version, suggestion);
    const useApiVersion = apiVersions.includes(apiVersion) ? apiVersion : apiVersions[0];
    const fixes: FixSpec[] = useApiVersion
      ? [
          {
            title: useApiVersion === apiVersion ? `Change kind to ${suggestion}` : `Change to ${useApiVersion} ${suggestion}`,
            intents: [
              { op: 'set', path: ['kind'], value: suggestion },
              ...(useApiVersion === apiVersion ? [] : [{ op: 'set' as const, path: ['apiVersion'], value: useApiVersion }]),
            ],
            preferred: true,
          },
        ]
      : [];
    return {
      path: ['kind'],
      target: 'value',
      message: fitMessage(`Unknown kind "${kind}" in ${apiVersion}; did you mean ${suggestion}?`, `Unknown kind "${clipText(kind)}"; did you mean ${suggestion}?`),
      detail: `${kubectl} ${suggestion} is served as ${apiVersions.join(', ')}.`,
      fixes,
    };
  }
  return {
    path: ['kind'],
    target: 'value',
    message: fitMessage(`Unknown kind "${kind}" in ${apiVersion}`, `Unknown kind "${clipText(kind)}" in ${clipText(apiVersion)}`),
    detail: `${kubectl} ${group === '' ? 'The core group' : `The ${group} group`} has no kind "${kind}" in Kubernetes ${version}.`,
  };
}

/** "It is served from 1.34." / "It was served up to 1.30." when another shipped version has it. */
function servedElsewhere(apiVersion: string, kind: string, version: KubernetesVersion): string | undefined {
  const versions = allVersions().filter((candidate) => isServed(candidate, apiVersion, kind));
  if (versions.length === 0) return undefined;
  const newer = versions.filter((candidate) => compareVersions(candidate, version) > 0);
  if (newer.length > 0) return `${apiVersion} ${kind} is served from Kubernetes ${newer[0]}; raise the target version if your cluster runs it.`;
  return `${apiVersion} ${kind} was served up to Kubernetes ${versions[versions.length - 1]}.`;
}

function candidateFixes(context: ObjectContext, candidates: string[], kind: string, version: KubernetesVersion): FixSpec[] {
  return candidates
    .filter((candidate) => validUnder(context.object, candidate, kind, version))
    .slice(0, 3)
    .map((candidate, index) => ({ title: `Use ${candidate}`, intents: [{ op: 'set', path: ['apiVersion'], value: candidate }], preferred: index === 0 }));
}

/**
 * A served kind that differs only in case or by a typo or two (`deployment`, `Deploymnet`). Not
 * when two kinds are equally close (`Nod`: Node or Pod?): the fix would be a coin toss.
 */
function similarKind(kind: string, version: KubernetesVersion): string | undefined {
  const kinds = [...new Set(served(version).map((entry) => entry.kind))].filter((candidate) => !candidate.endsWith('List') || kind.endsWith('List'));
  const suggestion = closestName(kind, kinds);
  return suggestion?.unique ? suggestion.value : undefined;
}
