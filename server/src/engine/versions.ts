// Kubernetes versions whose schemas ship with Podwise.
import type { KubernetesVersion } from './types';

export const SUPPORTED_VERSIONS: readonly KubernetesVersion[] = ['1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'];
export const DEFAULT_VERSION: KubernetesVersion = '1.36';

export function isSupportedVersion(value: string): value is KubernetesVersion {
  return (SUPPORTED_VERSIONS as readonly string[]).includes(value);
}

/** Minors already read: rules compare versions on every object, with a handful of distinct strings. */
const minors = new Map<string, number>();
const MAX_REMEMBERED_MINORS = 64;

/** Minor number of a `1.NN` version. */
export function minorOf(version: string): number {
  let minor = minors.get(version);
  if (minor === undefined) {
    const match = /^1\.(\d+)$/.exec(version);
    minor = match ? Number(match[1]) : NaN;
    if (minors.size >= MAX_REMEMBERED_MINORS) minors.clear();
    minors.set(version, minor);
  }
  return minor;
}

export function compareVersions(a: string, b: string): number {
  return minorOf(a) - minorOf(b);
}

export function atLeast(version: string, minimum: string): boolean {
  return compareVersions(version, minimum) >= 0;
}
