// What each Kubernetes version serves, read through the schema module (schemas/v1.NN/index.json),
// plus the small amount of API-version arithmetic the api-version rules share.
import type { JsonObject } from '../json';
import { definitionFor, schemaVersions, servedKinds, validateObject } from '../schema';
import type { KubernetesVersion } from '../types';
import { minorOf } from '../versions';
import { DEPRECATED_APIS, type DeprecatedApi, type Replacement } from './deprecation-table';

export interface GroupVersion {
  group: string;
  version: string;
}

export function splitApiVersion(apiVersion: string): GroupVersion {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** Whether `apiVersion kind` is served by `version` (false when the schemas cannot be read). */
export function isServed(version: KubernetesVersion, apiVersion: string, kind: string): boolean {
  try {
    return definitionFor(version, apiVersion, kind) !== undefined;
  } catch {
    return false;
  }
}

/** Every apiVersion/kind a version serves; empty when the schemas cannot be read. */
export function served(version: KubernetesVersion): readonly { apiVersion: string; kind: string }[] {
  try {
    return servedKinds(version);
  } catch {
    return [];
  }
}

export function allVersions(): readonly KubernetesVersion[] {
  try {
    return schemaVersions();
  } catch {
    return [];
  }
}

let groups: Set<string> | undefined;

/** API groups built into Kubernetes: every group any shipped schema serves, and the removed ones. */
export function builtInGroups(): ReadonlySet<string> {
  if (!groups) {
    const found = new Set<string>(['']);
    for (const version of allVersions()) for (const entry of served(version)) found.add(splitApiVersion(entry.apiVersion).group);
    for (const entry of DEPRECATED_APIS) found.add(splitApiVersion(entry.apiVersion).group);
    // Until the schemas are readable, do not decide anything from a partial list.
    if (found.size > 1) groups = found;
    return found;
  }
  return groups;
}

let kinds: Set<string> | undefined;

/** Kind names Kubernetes itself serves (any version), and the removed ones. */
export function builtInKinds(): ReadonlySet<string> {
  if (!kinds) {
    const found = new Set<string>();
    for (const version of allVersions()) for (const entry of served(version)) found.add(entry.kind);
    for (const entry of DEPRECATED_APIS) for (const kind of entry.kinds) found.add(kind);
    if (found.size === 0 || allVersions().length === 0) return found;
    kinds = found;
  }
  return kinds;
}

/**
 * Whether `apiVersion` names a custom resource's group. A CRD's group must contain a dot, and no
 * built-in group can be claimed by one, so `serving.knative.dev/v1 Service` is custom while a
 * typo such as `app/v1` is still read as a (misspelled) built-in object.
 * https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/
 */
export function isCustomGroup(apiVersion: string): boolean {
  const { group } = splitApiVersion(apiVersion);
  return group.includes('.') && !builtInGroups().has(group);
}

/**
 * A custom resource whose kind is also a built-in kind name (Knative's `Service`, Istio's
 * `Gateway` next to Gateway API's): rules written for the built-in kind must not judge it.
 */
export function isKindCollision(apiVersion: string, kind: string): boolean {
  return isCustomGroup(apiVersion) && builtInKinds().has(kind);
}

const VERSION_PATTERN = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

/** Orders API versions as Kubernetes does: GA before beta before alpha, higher numbers first. */
export function versionPriority(version: string): number {
  const match = VERSION_PATTERN.exec(version);
  if (!match) return -1;
  const major = Number(match[1]);
  const stage = match[2] === undefined ? 2 : match[2] === 'beta' ? 1 : 0;
  const minor = match[3] === undefined ? 0 : Number(match[3]);
  return stage * 1_000_000 + major * 1000 + minor;
}

export function isPreRelease(version: string): boolean {
  return /^v\d+(alpha|beta)\d+$/.test(version);
}

/** apiVersions that serve `kind` in `version`, most mature first. */
export function apiVersionsServing(version: KubernetesVersion, kind: string, group?: string): string[] {
  return served(version)
    .filter((entry) => entry.kind === kind && (group === undefined || splitApiVersion(entry.apiVersion).group === group))
    .map((entry) => entry.apiVersion)
    .sort((a, b) => versionPriority(splitApiVersion(b).version) - versionPriority(splitApiVersion(a).version));
}

/** The replacement to offer at the target: the first one it serves, else the first listed. */
export function pickReplacement(entry: DeprecatedApi, version: KubernetesVersion, kind: string): Replacement | undefined {
  const minor = minorOf(version);
  const available = entry.replacements.filter((candidate) => candidate.since <= minor);
  return available.find((candidate) => isServed(version, candidate.apiVersion, candidate.kind ?? kind)) ?? available[0] ?? entry.replacements[0];
}

/** `apps/v1 StatefulSet`. */
export function apiRef(apiVersion: string, kind: string): string {
  return `${apiVersion} ${kind}`;
}

/** True when the object, written with `apiVersion`, passes the target's schema. */
export function validUnder(object: JsonObject, apiVersion: string, kind: string, version: KubernetesVersion): boolean {
  try {
    const findings = validateObject({ ...object, apiVersion, kind }, apiVersion, kind, version);
    return findings !== undefined && findings.length === 0;
  } catch {
    return false;
  }
}
