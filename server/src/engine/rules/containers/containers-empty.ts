// A Pod needs at least one app container ("spec.containers: Required value"); an empty list, a
// null, or a Pod spec that is missing altogether all fail. core/validation.go validateContainers.
// https://kubernetes.io/docs/concepts/workloads/pods/#pod-templates
import { asArray, getIn, hasKey, isObject } from '../../json';
import { pathText } from '../../k8s/phrasing';
import { templatePathFor } from '../../pod-specs';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

export const containersEmpty: Rule = {
  meta: {
    id: 'containers-empty',
    defaultSeverity: 'error',
    category: 'containers',
    summary: 'The Pod spec has no app containers; the API server rejects it.',
    parity: ['pod-containers'],
  },
  checkObject(context) {
    // A Pod (or template) whose spec is missing or empty never reaches checkPodSpec.
    const templatePath = context.kind === 'Pod' ? [] : templatePathFor(context.apiVersion, context.kind, context.object);
    if (!templatePath) return [];
    const specPath: FieldPath = [...templatePath, 'spec'];
    const spec = getIn(context.object, specPath);
    if (isObject(spec)) return [];
    // Report only when the parent exists, so a workload missing its whole template is left to the schema.
    const parent = getIn(context.object, specPath.slice(0, -1));
    if (!isObject(parent)) return [];
    return [missing(context.kind, [...specPath, 'containers'], `${pathText(specPath)} is ${spec === undefined ? 'missing' : 'empty'}`)];
  },
  checkPodSpec(context) {
    const path = [...context.specPath, 'containers'];
    // A missing key is also a schema-required error on this same path; the engine keeps this
    // finding instead (finding-precedence.ts), so a spec of only `hostIPC: true` says why.
    if (!hasKey(context.spec, 'containers')) return [missing(context.kind, path, 'containers is missing')];
    const containers = context.spec.containers;
    if (containers === null) return [missing(context.kind, path, 'containers is null')];
    if (Array.isArray(containers) && asArray(containers).length === 0) return [missing(context.kind, path, 'containers is an empty list')];
    // Any other non-list is a schema-type error.
    return [];
  },
};

function missing(kind: string, path: FieldPath, what: string): RuleFinding {
  return {
    path,
    target: 'key',
    message: `${kind} has no containers: ${what}`,
    detail: `A Pod needs at least one app container; the API server rejects it ("${pathText(path)}: Required value"). Add a container with a name and an image.`,
  };
}
