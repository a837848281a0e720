// Schema findings for a custom resource: its CRD (workspace or bundled catalog, crd-lookup.ts)
// decides whether the apiVersion is served or deprecated, then the version's structural schema
// validates the defaulted object and its CEL rules run on it. Findings use the ids of the
// built-in schema and API-version findings, so settings and suppressions work the same way.
// https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definition-versioning/
import { celFindings } from '../cel-chunk';
import { isObject } from '../json';
import { fitMessage } from '../k8s/phrasing';
import type { ObjectContext } from '../rule-types';
import type { FieldPath, FixSpec, RuleFinding } from '../types';
import { applyDefaults } from './apply-defaults';
import { toJsonLike } from './json-like';
import { customResourceVersions, splitApiVersion, type CustomResourceSchema } from './crd-lookup';
import { validateStructural } from './structural-validate';

/** Findings for a custom resource, or undefined when no CRD defines its group and kind. */
export function customResourceFindings(context: ObjectContext): RuleFinding[] | undefined {
  const split = splitApiVersion(context.apiVersion);
  if (!split) return undefined;
  const versions = customResourceVersions(split.group, context.kind, context.env);
  if (versions.length === 0) return undefined;
  const current = versions.find((candidate) => candidate.version === split.version);
  if (!current || !current.served) return [notServedFinding(context, split.version, versions, current)];
  try {
    return checkServed(context, current, versions);
  } catch (error) {
    // A schema that trips the walker must not hide the object's other findings, nor pass silently.
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return [
      {
        path: ['kind'],
        target: 'value',
        ruleId: 'internal-error',
        message: `Podwise could not check this ${context.kind} against its CRD schema`,
        detail: `${reason.slice(0, 300)}. Please report this Podwise bug.`,
      },
    ];
  }
}

function checkServed(context: ObjectContext, current: CustomResourceSchema, versions: readonly CustomResourceSchema[]): RuleFinding[] {
  const findings: RuleFinding[] = [];
  if (current.deprecated) findings.push(deprecatedFinding(context, current, versions));
  const schema = current.schema;
  const written = toJsonLike(context.object);
  const original = isObject(written) ? written : context.object;
  const defaulted = applyDefaults(schema, original);
  const object = isObject(defaulted) ? defaulted : original;
  const structural = validateStructural(schema, object, { kind: context.kind, kubernetesVersion: context.env.kubernetesVersion }, original);
  findings.push(...structural);
  // Status is ignored on write (see structural-validate.ts). A value of the wrong type explains
  // whatever a CEL rule says about it or below it; a field the schema already rejects explains a
  // rule of its parent that restates the same check (Gateway API repeats its enums as CEL rules).
  const wrongTyped = structural.filter((finding) => finding.ruleId === 'schema-type').map((finding) => finding.path);
  const explained = structural.filter((finding) => finding.ruleId !== 'schema-unknown-field').map((finding) => finding.path);
  const cel = celFindings(schema, object, { kubernetesVersion: context.env.kubernetesVersion });
  findings.push(
    ...cel.filter(
      (finding) =>
        finding.path[0] !== 'status' &&
        !wrongTyped.some((path) => isPrefix(path, finding.path)) &&
        !explained.some((path) => isPrefix(finding.path, path) && path.length - finding.path.length <= 1),
    ),
  );
  return findings;
}

function isPrefix(prefix: FieldPath, path: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => segment === path[index]);
}

/** The version to move to: the stored one when it is served and current, else the first such. */
function preferredVersion(versions: readonly CustomResourceSchema[]): CustomResourceSchema | undefined {
  const current = versions.filter((candidate) => candidate.served && !candidate.deprecated);
  return current.find((candidate) => candidate.storage) ?? current[0];
}

function moveFix(group: string, target: CustomResourceSchema | undefined, preferred: boolean): FixSpec[] {
  if (!target) return [];
  const apiVersion = `${group}/${target.version}`;
  // Not safe unseen: fields can differ between versions of a CRD.
  return [{ title: `Use ${apiVersion}`, intents: [{ op: 'set', path: ['apiVersion'], value: apiVersion }], preferred }];
}

function notServedFinding(context: ObjectContext, version: string, versions: readonly CustomResourceSchema[], current: CustomResourceSchema | undefined): RuleFinding {
  const group = versions[0].group;
  const served = versions.filter((candidate) => candidate.served).map((candidate) => `${group}/${candidate.version}`);
  const target = preferredVersion(versions);
  const why = current ? `The ${context.kind} CRD lists ${version} but does not serve it` : `The ${context.kind} CRD has no version ${version}`;
  const fromCatalog = versions[0].source === 'catalog';
  const source = fromCatalog ? 'the CustomResourceDefinition of the release Podwise bundles' : 'the CustomResourceDefinition in the workspace';
  // The catalog holds one release of each project; a cluster running another release may serve
  // the version, so without the cluster's own CRD this is a warning, not a certain rejection.
  const release = fromCatalog ? ' If your cluster runs a release that serves it, add that CRD to the workspace.' : '';
  return {
    path: ['apiVersion'],
    target: 'value',
    ruleId: 'api-version-unknown',
    ...(fromCatalog ? { severity: 'warning' as const } : {}),
    message: fitMessage(
      `${context.kind} is not served in ${context.apiVersion}${target ? `; use ${group}/${target.version}` : ''}`,
      `${context.kind} is not served in this apiVersion${target ? `; use ${target.version}` : ''}`,
    ),
    detail:
      `${why} (per ${source}); kubectl answers: no matches for kind "${context.kind}" in version "${context.apiVersion}".` +
      (served.length > 0 ? ` Served: ${served.join(', ')}.` : '') +
      release,
    fixes: moveFix(group, target, true),
  };
}

function deprecatedFinding(context: ObjectContext, current: CustomResourceSchema, versions: readonly CustomResourceSchema[]): RuleFinding {
  const target = preferredVersion(versions);
  const move = target && target.version !== current.version ? target : undefined;
  const warning = (current.deprecationWarning ?? `${context.apiVersion} ${context.kind} is deprecated`).replace(/\.$/, '');
  return {
    path: ['apiVersion'],
    target: 'value',
    ruleId: 'api-version-deprecated',
    message: fitMessage(
      `${context.apiVersion} ${context.kind} is deprecated${move ? `; use ${current.group}/${move.version}` : ''}`,
      `${context.kind} in this apiVersion is deprecated${move ? `; use ${move.version}` : ''}`,
    ),
    detail: `The API server accepts it with the warning: ${warning}.${move ? ` Move to ${current.group}/${move.version} before the CRD stops serving this version.` : ''}`,
    fixes: moveFix(current.group, move, true),
  };
}
