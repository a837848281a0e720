// The schema an object of a removed apiVersion is checked against: its successor's (apps/v1 for
// an extensions/v1beta1 Deployment). Such a file usually carries the bug its author asked about
// as well (a probe indented under `ports`, a string port); the removal error alone would hide it.
// What only the move itself changes (apps/v1 requires a selector, networking.k8s.io/v1 renamed
// the Ingress backend fields) is api-version-removed's finding and fix, not reported again.
// https://kubernetes.io/docs/reference/using-api/deprecation-guide/
import { apiRef, isServed, pickReplacement } from './k8s/api-catalog';
import { migrationFix } from './k8s/api-migration';
import { deprecationFor, type Conversion } from './k8s/deprecation-table';
import type { ObjectContext } from './rule-types';
import type { FieldPath, RuleFinding } from './types';
import { minorOf } from './versions';

export interface SuccessorSchema {
  apiVersion: string;
  kind: string;
  /** Appended to the detail of every finding checked this way. */
  note: string;
  /** Whether the move to the successor (the removal finding's fix) settles this finding. */
  resolves: (finding: RuleFinding) => boolean;
}

/** Fields the move to apps/v1 adds or drops (api-migration.ts), whether or not a fix could be made. */
const APPS_MOVE: readonly FieldPath[] = [
  ['spec', 'selector'],
  ['spec', 'rollbackTo'],
  ['spec', 'templateGeneration'],
];
/** Keys networking.k8s.io/v1 renamed or added in an Ingress backend and path. */
const INGRESS_KEYS: ReadonlySet<string | number> = new Set(['serviceName', 'servicePort', 'service', 'pathType']);

/** Conversions whose fix moves what the successor changed (api-migration.ts). */
const RESTRUCTURED: ReadonlySet<Conversion> = new Set(['apps', 'petset', 'ingress']);
/**
 * Kinds whose successor kept the old structure field for field, so a rename of apiVersion is the
 * whole move. Others changed shape (ValidatingAdmissionPolicy's paramKind, autoscaling/v2beta1
 * metrics): checked against the successor, a valid old object would look broken.
 */
const SAME_SHAPE: ReadonlySet<string> = new Set([
  'CronJob',
  'PodDisruptionBudget',
  'NetworkPolicy',
  'PriorityClass',
  'IngressClass',
  'StorageClass',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
]);

/** The successor to check `context` against, when its apiVersion is removed at the target. */
export function successorSchema(context: ObjectContext): SuccessorSchema | undefined {
  const version = context.env.kubernetesVersion;
  const entry = deprecationFor(context.apiVersion, context.kind);
  if (!entry || minorOf(version) < entry.removed) return undefined;
  if (!RESTRUCTURED.has(entry.conversion) && !(entry.conversion === 'apiVersion' && SAME_SHAPE.has(context.kind))) return undefined;
  const replacement = pickReplacement(entry, version, context.kind);
  if (!replacement) return undefined;
  const kind = replacement.kind ?? context.kind;
  if (!isServed(version, replacement.apiVersion, kind)) return undefined;
  const moved: FieldPath[] = [];
  if (entry.conversion === 'apps' || entry.conversion === 'petset') moved.push(...APPS_MOVE);
  if (entry.conversion === 'ingress') moved.push(['spec', 'backend']);
  for (const intent of migrationFix(context.object, context.kind, entry, replacement)?.intents ?? []) {
    if (intent.path.length === 0) continue;
    moved.push(intent.op === 'insert' ? [...intent.path, intent.key] : intent.path);
  }
  const ingress = entry.conversion === 'ingress';
  return {
    apiVersion: replacement.apiVersion,
    kind,
    note: `(Checked as ${apiRef(replacement.apiVersion, kind)}, the replacement of the removed ${context.apiVersion}.)`,
    resolves: (finding) =>
      isUnder(finding.path, ['apiVersion']) ||
      isUnder(finding.path, ['kind']) ||
      moved.some((path) => isUnder(finding.path, path)) ||
      (ingress && finding.path.some((segment) => INGRESS_KEYS.has(segment))),
  };
}

function isUnder(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}
