// Schema validation of one Kubernetes object against the target version's API, plus the one
// pattern worth naming as a whole: fields that belong under metadata/spec sitting at the top.
import { customResourceFindings } from './crd/custom-resource-findings';
import { isObject } from './json';
import type { ObjectContext } from './rule-types';
import { definitionFor, loadDefinitions, resolveSchemaVersion, schemaAtPath, validateObject } from './schema';
import { movedKeys, reindentObject } from './schema/reindent';
import { successorSchema } from './successor-schema';
import type { FixIntent, FixSpec, RuleFinding } from './types';

/** Keys people nest under metadata, spec or a container; at the top level they mean lost indentation. */
const NESTED_KEYS = new Set([
  'name',
  'namespace',
  'labels',
  'annotations',
  'containers',
  'initContainers',
  'volumes',
  'image',
  'ports',
  'containerPort',
  'command',
  'args',
  'env',
  'volumeMounts',
  'restartPolicy',
  'hostNetwork',
  'nodeName',
  'replicas',
  'selector',
  'template',
  'resources',
  'livenessProbe',
  'readinessProbe',
  'serviceName',
  'app',
]);

/**
 * Paths are from the object (a List item's too: the engine prefixes its `rootPath`). A custom
 * resource gets the findings of its CRD's structural schema (crd/custom-resource-findings.ts). An object of
 * a removed apiVersion (successor-schema.ts) is checked against its successor's schema, so the bug
 * the person asked about is not hidden behind the removal error.
 */
export function schemaFindings(context: ObjectContext): RuleFinding[] {
  if (!isObject(context.object)) return [];
  const successor = successorSchema(context);
  const object: ObjectContext = successor ? { ...context, apiVersion: successor.apiVersion, kind: successor.kind } : context;
  const value = successor ? { ...context.object, apiVersion: successor.apiVersion, kind: successor.kind } : context.object;
  const builtIn = validateObject(value, object.apiVersion, object.kind, object.env.kubernetesVersion);
  // Not a built-in kind: a custom resource is checked against its CRD (workspace or catalog);
  // an unknown group stays silent.
  if (builtIn === undefined && !successor) return indentationFindings(context, customResourceFindings(context) ?? []);
  const found = builtIn ?? [];
  if (!successor) return indentationFindings(object, found);
  return indentationFindings(
    object,
    found.filter((finding) => !successor.resolves(finding)),
  ).map((finding) => ({
    ...finding,
    detail: `${finding.detail ?? ''}${finding.detail ? ' ' : ''}${successor.note}`,
  }));
}

/** One finding for a lost indentation instead of one per top-level key it moved. */
function indentationFindings(object: ObjectContext, findings: RuleFinding[]): RuleFinding[] {
  const misplaced = findings.filter((finding) => finding.ruleId === 'schema-unknown-field' && finding.path.length === 1 && NESTED_KEYS.has(String(finding.path[0])));
  if (misplaced.length < 2) return findings;
  // One finding that names the pattern replaces the per-key unknown-field findings it covers,
  // so a pasted manifest that lost its indentation gets one finding, not a wall. (Rule findings
  // that follow from it, such as a missing name, are dropped by finding-precedence.ts.)
  const covered = new Set(misplaced);
  const rest = findings.filter((finding) => !covered.has(finding));
  const names = misplaced.map((finding) => `"${String(finding.path[0])}"`).join(', ');
  const empty = ['metadata', 'spec'].filter((key) => object.object[key] === null || object.object[key] === undefined);
  const missing = empty.flatMap((key) => requiredUnder(object, key).map((field) => `${key}.${field}`));
  const fix = reindentFix(object);
  return [
    {
      ruleId: 'schema-indentation-lost',
      path: misplaced[0].path,
      target: 'key',
      message: `The indentation looks lost: ${misplaced.length} fields of this ${object.kind} sit at the top level`,
      detail:
        `${names} belong under metadata, spec or a container` +
        (empty.length > 0 ? `, which leaves ${empty.join(' and ')} empty` : '') +
        (missing.length > 0 ? ` (Kubernetes sees no ${missing.join(' and no ')})` : '') +
        '. Indent them under their parent (for example "name" under "metadata:").',
      fixes: fix ? [fix] : undefined,
    },
    ...rest,
  ];
}

/** Fields the API server requires under `key`: name for metadata, the schema's list for spec. */
function requiredUnder(object: ObjectContext, key: string): string[] {
  if (key === 'metadata') return ['name'];
  const version = resolveSchemaVersion(object.env.kubernetesVersion);
  const root = definitionFor(version, object.apiVersion, object.kind);
  const schema = root === undefined ? undefined : schemaAtPath(loadDefinitions(version), root, [key]);
  return [...(schema?.schema.required ?? [])];
}

/**
 * Puts the flattened keys back under their parents (schema/reindent.ts), offered only when the
 * rebuilt object passes the schema: a guess that still fails would trade one error for others.
 */
function reindentFix(object: ObjectContext): FixSpec | undefined {
  const version = resolveSchemaVersion(object.env.kubernetesVersion);
  const root = definitionFor(version, object.apiVersion, object.kind);
  if (root === undefined) return undefined;
  const rebuilt = reindentObject(loadDefinitions(version), root, object.object);
  if (rebuilt === undefined) return undefined;
  const problems = validateObject(rebuilt, object.apiVersion, object.kind, object.env.kubernetesVersion);
  if (problems === undefined || problems.length > 0) return undefined;
  const intents: FixIntent[] = [];
  for (const [key, value] of Object.entries(rebuilt)) {
    if (value !== object.object[key]) intents.push({ op: 'set', path: [key], value, block: true });
  }
  for (const key of movedKeys(object.object, rebuilt)) intents.push({ op: 'delete', path: [key] });
  if (intents.length === 0) return undefined;
  return { title: 'Indent the fields under their parents', intents, preferred: true };
}
