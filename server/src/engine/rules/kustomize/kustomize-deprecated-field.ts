// Fields kustomize v5 still reads but has replaced: `bases` (now `resources`), `commonLabels` (now
// `labels` with includeSelectors), `patchesStrategicMerge` and `patchesJson6902` (now `patches`),
// `imageTags` (now `images`), `vars` (now `replacements`), `helmChartInflationGenerator` (now
// `helmCharts`) and a generator's single `env` (now `envs`). kustomize warns on each, and
// `kustomize edit fix` rewrites most; the fixes here make the same move in place.
// https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/
import { asArray, asObject, hasKey, isObject, type JsonObject, type JsonValue } from '../../json';
import { DEPRECATED_FIELDS } from '../../kustomize/kustomization-fields';
import type { Rule } from '../../rule-types';
import type { FixIntent, FixSpec, RuleFinding } from '../../types';

export const kustomizeDeprecatedField: Rule = {
  meta: {
    id: 'kustomize-deprecated-field',
    defaultSeverity: 'warning',
    category: 'kustomize',
    summary: 'A kustomization uses a field kustomize v5 deprecates (bases, commonLabels, patchesStrategicMerge, patchesJson6902, imageTags, vars…).',
    kinds: ['Kustomization', 'Component'],
  },
  checkObject(context) {
    if (context.env.kustomize?.kind !== 'kustomization') return [];
    const object = context.object;
    const findings: RuleFinding[] = [];
    for (const [field, replacement] of Object.entries(DEPRECATED_FIELDS)) {
      if (!hasKey(object, field)) continue;
      const fix = fixFor(object, field);
      findings.push({
        path: [field],
        target: 'key',
        message: `${field} is deprecated in kustomize v5; use ${replacement}${field === 'commonLabels' ? ' with includeSelectors' : ''}`,
        detail: `${DETAILS[field] ?? ''} kustomize still builds it and prints a deprecation warning; \`kustomize edit fix\` makes the same change${field === 'vars' ? ' (experimental for vars)' : ''}.`,
        fixes: fix ? [fix] : [],
      });
    }
    for (const generator of ['configMapGenerator', 'secretGenerator']) {
      asArray(object[generator]).forEach((item, index) => {
        const entry = asObject(item);
        if (!entry || typeof entry.env !== 'string') return;
        findings.push({
          path: [generator, index, 'env'],
          target: 'key',
          message: `${generator}[${index}].env is deprecated; list the file under envs`,
          detail: 'A generator takes any number of env files under `envs`; the single `env` field is the old spelling that `kustomize edit fix` moves there.',
          fixes: [moveInto(entry, [generator, index], 'env', 'envs', [entry.env])],
        });
      });
    }
    return findings;
  },
};

const DETAILS: Record<string, string> = {
  bases: '`resources` takes files and folders alike, so bases are listed there.',
  commonLabels:
    'commonLabels adds its labels to every object and to selectors. `labels` does the same with `includeSelectors: true`; without it, selectors are left alone (so existing workloads keep their immutable selectors).',
  patchesStrategicMerge: '`patches` takes strategic-merge patch files as `- path: file.yaml`, with an optional target.',
  patchesJson6902: '`patches` takes JSON 6902 patches with the same path (or inline patch) and target.',
  imageTags: '`images` has the same entries (name, newName, newTag, digest).',
  vars: '`replacements` copy a field of one object into fields of others; vars have no automatic rewrite.',
  helmChartInflationGenerator: '`helmCharts` (with `helmGlobals`) replaces it; the entries are renamed (chartName → name, chartVersion → version, chartRepoUrl → repo).',
};

function fixFor(object: JsonObject, field: string): FixSpec | undefined {
  const value = object[field];
  switch (field) {
    case 'bases':
      return Array.isArray(value) ? moveInto(object, [], 'bases', 'resources', value, { same: true }) : undefined;
    case 'imageTags':
      return Array.isArray(value) ? moveInto(object, [], 'imageTags', 'images', value, { same: true }) : undefined;
    case 'patchesJson6902':
      // Same entries (path or inline patch, and target): only the field name changes.
      return Array.isArray(value) && value.every(isObject) ? moveInto(object, [], 'patchesJson6902', 'patches', value, { same: true }) : undefined;
    case 'patchesStrategicMerge': {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return undefined;
      // A multi-line entry is an inline patch, not a path (kustomize tells them apart the same way).
      const patches = value.map((item) => ((item as string).includes('\n') ? { patch: item } : { path: item }));
      return moveInto(object, [], 'patchesStrategicMerge', 'patches', patches);
    }
    case 'commonLabels': {
      const pairs = asObject(value);
      if (!pairs || Object.keys(pairs).length === 0) return undefined;
      // kustomize refuses a label key that is in both; the user decides which wins.
      const existing = asArray(object.labels).flatMap((label) => Object.keys(asObject(asObject(label)?.pairs) ?? {}));
      if (Object.keys(pairs).some((key) => existing.includes(key))) return undefined;
      return moveInto(object, [], 'commonLabels', 'labels', [{ pairs, includeSelectors: true }], { title: 'Move to labels (includeSelectors: true)' });
    }
    default:
      return undefined;
  }
}

/**
 * Removes `from` and puts `items` into the list `to` of the same mapping: appended when the list
 * exists, else a new `to:` key written where `from` was. When the items are `from`'s own (`same`)
 * and there is no `to` yet, the key is only renamed, so its entries keep their comments and layout.
 */
function moveInto(
  mapping: JsonObject,
  at: readonly (string | number)[],
  from: string,
  to: string,
  items: readonly JsonValue[],
  options: { same?: boolean; title?: string } = {},
): FixSpec {
  const title = options.title ?? `Move to ${to}`;
  const intents: FixIntent[] = [];
  if (options.same && !hasKey(mapping, to)) return { title: `Rename to ${to}`, intents: [{ op: 'rename', path: [...at, from], newKey: to }], preferred: true, safe: true };
  if (Array.isArray(mapping[to])) {
    for (const item of items) intents.push({ op: 'append', path: [...at, to], value: item });
  } else if (!hasKey(mapping, to)) {
    intents.push({ op: 'insert', path: [...at], key: to, value: [...items], after: from });
  } else {
    // `to:` holds something that is no list: the user has to look.
    return { title, intents: [], safe: false };
  }
  intents.push({ op: 'delete', path: [...at, from] });
  return { title, intents, preferred: true, safe: true };
}
