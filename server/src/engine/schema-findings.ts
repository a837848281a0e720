// Schema validation of one Kubernetes object against the target version's API, plus the one
// pattern worth naming as a whole: fields that belong under metadata/spec sitting at the top.
import { isObject } from './json';
import type { ObjectContext } from './rule-types';
import { validateObject } from './schema';
import type { RuleFinding } from './types';

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

/** Paths are from the object (a List item's too: the engine prefixes its `rootPath`). */
export function schemaFindings(object: ObjectContext): RuleFinding[] {
  if (!isObject(object.object)) return [];
  const findings: RuleFinding[] = validateObject(object.object, object.apiVersion, object.kind, object.env.kubernetesVersion) ?? [];
  const misplaced = findings.filter((finding) => finding.ruleId === 'schema-unknown-field' && finding.path.length === 1 && NESTED_KEYS.has(String(finding.path[0])));
  if (misplaced.length >= 2) {
    const names = misplaced.map((finding) => `"${String(finding.path[0])}"`).join(', ');
    // One finding that names the pattern replaces the per-key unknown-field findings it covers,
    // so a pasted manifest that lost its indentation gets a handful of findings, not a wall.
    const covered = new Set(misplaced);
    const rest = findings.filter((finding) => !covered.has(finding));
    return [
      {
        ruleId: 'schema-indentation-lost',
        path: misplaced[0].path,
        target: 'key',
        message: `The indentation looks lost: ${names} sit at the top level of this ${object.kind}, but they belong under metadata, spec or a container. Indent them under their parent (for example "name" under "metadata:").`,
      },
      ...rest,
    ];
  }
  return findings;
}
