// kustomize decodes kustomization.yaml strictly: a field it does not know, at any depth, fails
// `kustomize build` ("json: unknown field"), and so does a kind other than Kustomization/Component
// or an apiVersion that does not go with the kind. A typo (`resource:`, `namePrefx:`) is the usual cause.
// https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/
import { isObject, type JsonObject } from '../../json';
import { closestName } from '../../k8s/did-you-mean';
import { pathText, quoteShort } from '../../k8s/phrasing';
import { COMPONENT_API_VERSION, KUSTOMIZATION_API_VERSION, KUSTOMIZATION_FIELDS, type FieldShape, type FieldTable } from '../../kustomize/kustomization-fields';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

/** Unknown keys reported per file: past it, the file is not a kustomization gone wrong in one place. */
const MAX_FINDINGS = 50;

export const kustomizeUnknownField: Rule = {
  meta: {
    id: 'kustomize-unknown-field',
    defaultSeverity: 'error',
    category: 'kustomize',
    summary: 'A kustomization has a field kustomize does not know, or a kind/apiVersion it rejects; kustomize build fails.',
    kinds: ['Kustomization', 'Component'],
  },
  checkObject(context) {
    if (context.env.kustomize?.kind !== 'kustomization') return [];
    const findings: RuleFinding[] = [];
    walk(context.object, KUSTOMIZATION_FIELDS, [], findings);
    findings.push(...kindFindings(context.object));
    return findings;
  },
};

function walk(node: JsonObject, table: FieldTable, path: FieldPath, findings: RuleFinding[]): void {
  for (const [key, value] of Object.entries(node)) {
    if (findings.length >= MAX_FINDINGS) return;
    const shape = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
    if (shape === undefined) {
      findings.push(unknownField(key, node, table, [...path, key]));
      continue;
    }
    descend(value, shape, [...path, key], findings);
  }
}

function descend(value: unknown, shape: FieldShape, path: FieldPath, findings: RuleFinding[]): void {
  if (shape === 'leaf' || shape === 'open') return;
  if (isList(shape)) {
    if (!Array.isArray(value)) return;
    value.forEach((item, index) => {
      if (isObject(item)) walk(item, shape[0], [...path, index], findings);
    });
    return;
  }
  if (isObject(value)) walk(value, shape, path, findings);
}

function isList(shape: FieldTable | readonly [FieldTable]): shape is readonly [FieldTable] {
  return Array.isArray(shape);
}

function unknownField(key: string, node: JsonObject, table: FieldTable, path: FieldPath): RuleFinding {
  const where = path.length === 1 ? 'the kustomization' : quoteShort(pathText(path.slice(0, -1)), 30);
  const suggestion = closestName(key, Object.keys(table));
  const rename = suggestion && suggestion.unique && !(suggestion.value in node) ? suggestion.value : undefined;
  return {
    path,
    target: 'key',
    message: `Unknown field ${quoteShort(key, 30)} in ${where}${rename ? `; did you mean "${rename}"?` : ''}`,
    detail:
      `kustomize reads kustomization files strictly and stops with "json: unknown field \\"${key.slice(0, 60)}\\"": nothing is built. ` +
      (rename ? `The closest known field is "${rename}".` : `Known fields here: ${Object.keys(table).slice(0, 12).join(', ')}${Object.keys(table).length > 12 ? ', …' : ''}.`),
    // The schema layer's policy for unknown fields: a case slip or a close, unambiguous typo is safe to rename.
    fixes: rename ? [{ title: `Rename to ${rename}`, intents: [{ op: 'rename', path, newKey: rename }], preferred: true, safe: (suggestion?.distance ?? 3) <= 2 }] : [],
  };
}

/** kustomize accepts kind Kustomization (apiVersion …/v1beta1) or Component (…/v1alpha1); either may be left out. */
function kindFindings(object: JsonObject): RuleFinding[] {
  const kind = object.kind;
  const apiVersion = object.apiVersion;
  if (kind !== undefined && kind !== 'Kustomization' && kind !== 'Component') {
    const fix = typeof kind === 'string' ? closestName(kind, ['Kustomization', 'Component']) : undefined;
    return [
      {
        path: ['kind'],
        target: 'value',
        message: `kind ${quoteShort(String(kind), 40)} is not a kustomization kind: use Kustomization or Component`,
        detail: 'kustomize stops with "kind should be Kustomization or Component". Leaving kind out means Kustomization.',
        fixes: fix ? [{ title: `Change kind to ${fix.value}`, intents: [{ op: 'set', path: ['kind'], value: fix.value }], preferred: true }] : [],
      },
    ];
  }
  const expected = kind === 'Component' ? COMPONENT_API_VERSION : KUSTOMIZATION_API_VERSION;
  if (apiVersion === undefined || apiVersion === expected) return [];
  return [
    {
      path: ['apiVersion'],
      target: 'value',
      message: `apiVersion ${quoteShort(String(apiVersion), 40)} does not go with kind ${kind === 'Component' ? 'Component' : 'Kustomization'}`,
      detail: `kustomize stops with "apiVersion for ${kind === 'Component' ? 'Component' : 'Kustomization'} should be ${expected}".`,
      fixes: [{ title: `Change apiVersion to ${expected}`, intents: [{ op: 'set', path: ['apiVersion'], value: expected }], preferred: true, safe: true }],
    },
  ];
}
