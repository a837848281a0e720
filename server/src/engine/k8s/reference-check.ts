// What the references rules (rules/references/) share: the references of a file's objects
// (object-references.ts), their targets among the file's own objects and the run's
// (run-objects.ts, run-lookup.ts), the objects a cluster always has, and how sure a "not found"
// is. A target missing from the run may still exist in the cluster, so such a finding is info;
// the setting `workspaceIsComplete` says the run holds everything, and the finding carries
// `severity: 'warning'` (the finding-level severity of types.ts: the rule's default stays info and
// a user override still wins). Without run objects (a single file, stdin) there is nothing to
// compare with, and the rules say nothing.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/
import { asObject, asString, getIn, type JsonObject } from '../json';
import type { CheckEnvironment, FileContext, FileRuleFinding, ObjectContext } from '../rule-types';
import type { FieldPath, Severity } from '../types';
import { namespaceOf } from './file-objects';
import { referencesOf, type ObjectReference, type ReferenceRole } from './object-references';
import { quoteShort } from './phrasing';
import { findRunObjects, runNamespacesMatch } from './run-lookup';

/** A reference made by one of the file's objects. */
export interface SourcedReference {
  source: ObjectContext;
  ref: ObjectReference;
}

/** An object a reference may resolve to: one of the file's, or one of another file of the run. */
export interface ReferenceTarget {
  kind: string;
  name?: string;
  namespace?: string;
  object: JsonObject;
  /** Where it is defined: undefined for this file. */
  filePath?: string;
  /** ConfigMap / Secret keys; undefined when unknown (then no key is reported missing). */
  keys?: readonly string[];
}

/** Whether the references rules run: only with the objects of a run to compare with. */
export function checksReferences(env: CheckEnvironment): boolean {
  return env.runObjects !== undefined;
}

/** The finding-level severity of a "not found": warning when the run is declared complete. */
export function missingSeverity(env: CheckEnvironment): { severity?: Severity } {
  return env.workspaceIsComplete ? { severity: 'warning' } : {};
}

/** Every reference of a file's objects, worked out once per file for the several rules that ask. */
const referencesByFile = new WeakMap<FileContext, readonly SourcedReference[]>();

/** The references of the file's objects whose role is one of `roles`. */
export function fileReferences(context: FileContext, roles: ReadonlySet<ReferenceRole>): SourcedReference[] {
  let all = referencesByFile.get(context);
  if (!all) {
    const list: SourcedReference[] = [];
    for (const source of context.objects) for (const ref of referencesOf(source.object, source.apiVersion, source.kind)) list.push({ source, ref });
    all = list;
    referencesByFile.set(context, all);
  }
  return all.filter(({ ref }) => roles.has(ref.role));
}

const KEY_FIELDS: Record<string, readonly string[]> = { ConfigMap: ['data', 'binaryData'], Secret: ['data', 'stringData'] };

function keysOf(kind: string, object: JsonObject): string[] | undefined {
  const fields = KEY_FIELDS[kind];
  if (!fields) return undefined;
  const keys: string[] = [];
  for (const field of fields) keys.push(...Object.keys(asObject(object[field]) ?? {}));
  return keys;
}

/**
 * The objects `ref` may name: the file's own (same kind and name, namespaces that may match) and
 * the run's. `apiVersion` narrows both when given (a core `v1` ConfigMap, not some CRD's).
 */
export function referenceTargets(
  context: FileContext,
  ref: Pick<ObjectReference, 'kind' | 'name' | 'namespace' | 'clusterScoped'>,
  apiVersions?: readonly string[],
): ReferenceTarget[] {
  const targets: ReferenceTarget[] = [];
  const versionOk = (apiVersion: string): boolean => apiVersions === undefined || apiVersions.includes(apiVersion);
  for (const object of context.objects) {
    if (object.kind !== ref.kind || object.name !== ref.name || !versionOk(object.apiVersion)) continue;
    const namespace = namespaceOf(object);
    if (!ref.clusterScoped && !runNamespacesMatch(namespace, ref.namespace)) continue;
    targets.push({ kind: object.kind, name: object.name, namespace, object: object.object, keys: keysOf(object.kind, object.object) });
  }
  for (const object of findRunObjects(context.env.runObjects, ref.kind, ref.name, ref.namespace, ref.clusterScoped === true)) {
    if (!versionOk(object.apiVersion)) continue;
    targets.push({ kind: object.kind, name: object.name, namespace: object.namespace, object: object.object, filePath: object.filePath, keys: object.keys });
  }
  // A ConfigMap or Secret a kustomization generates for this file (configMapGenerator,
  // secretGenerator): references name it as the generator does. Its keys are not known here.
  // https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/configmapgenerator/
  const role = context.env.kustomize;
  if (role?.kind === 'resource') {
    for (const generated of role.generated) {
      if (generated.kind !== ref.kind || generated.name !== ref.name || !runNamespacesMatch(generated.namespace, ref.namespace)) continue;
      targets.push({ kind: generated.kind, name: generated.name, namespace: generated.namespace, object: {} });
    }
  }
  return targets;
}

/** The token Secret the token controller made for each ServiceAccount before 1.24 (`default-token-f9jvj`). */
const LEGACY_TOKEN_SECRET = /-token-[a-z0-9]{5}$/;

/**
 * Objects every cluster has, so a reference to them is never "missing": the `default`
 * ServiceAccount of each namespace, the `kube-root-ca.crt` ConfigMap published into each namespace,
 * the two built-in PriorityClasses, the default ClusterRoles and `system:` roles, and the
 * generated ServiceAccount token Secrets that live objects still mount.
 * https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings
 */
export function isBuiltInTarget(kind: string, name: string): boolean {
  switch (kind) {
    case 'Secret':
      return LEGACY_TOKEN_SECRET.test(name);
    case 'ServiceAccount':
      return name === 'default';
    case 'ConfigMap':
      return name === 'kube-root-ca.crt';
    case 'PriorityClass':
      return name === 'system-cluster-critical' || name === 'system-node-critical';
    case 'ClusterRole':
      return ['cluster-admin', 'admin', 'edit', 'view'].includes(name) || name.startsWith('system:');
    case 'Role':
      return name.startsWith('system:') || name === 'extension-apiserver-authentication-reader';
    default:
      return false;
  }
}

/** `container "web"` / `volume "config"` / the object, for the start of a message. */
export function referrer(source: ObjectContext, path: FieldPath): string {
  for (const list of ['containers', 'initContainers', 'ephemeralContainers', 'volumes']) {
    const at = path.indexOf(list);
    if (at < 0 || typeof path[at + 1] !== 'number') continue;
    const name = asString(getIn(source.object, [...path.slice(0, at + 2), 'name']));
    const what = list === 'volumes' ? 'Volume' : list === 'containers' ? 'Container' : list === 'initContainers' ? 'Init container' : 'Ephemeral container';
    return name ? `${what} ${quoteShort(name, 30)}` : `${what} ${list}[${String(path[at + 1])}]`;
  }
  return source.name ? `${source.kind} ${quoteShort(source.name, 30)}` : source.kind;
}

/** Where the check looked, for a detail. */
export function whereLooked(ref: Pick<ObjectReference, 'namespace' | 'clusterScoped'>): string {
  const scope = ref.clusterScoped ? '' : ref.namespace ? ` in namespace "${ref.namespace}"` : '';
  return `No such object${scope} is in this file or the other files checked with it`;
}

/** The closing sentence of every "not found" detail: why info, and how to say the run is complete. */
export function certaintyNote(env: CheckEnvironment): string {
  return env.workspaceIsComplete
    ? 'The setting workspaceIsComplete says every object is in the workspace, so this is a warning.'
    : 'It may already exist in the cluster, so this is info; set workspaceIsComplete: true when the workspace holds every object, to make it a warning.';
}

/** A "not found" finding of `ref` in the file (no fixes: creating the object is the user's call). */
export function missingFinding(env: CheckEnvironment, { source, ref }: SourcedReference, message: string, detail: string, path: FieldPath = ref.path): FileRuleFinding {
  return {
    documentIndex: source.documentIndex,
    objectIndex: source.objectIndex,
    path,
    target: 'value',
    message,
    detail: `${detail} ${certaintyNote(env)}`,
    ...missingSeverity(env),
  };
}
