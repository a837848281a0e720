// Kubernetes versions whose schemas ship with Podwise.
import type { KubernetesVersion } from './types';

export const SUPPORTED_VERSIONS: readonly KubernetesVersion[] = ['1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'];
export const DEFAULT_VERSION: KubernetesVersion = '1.36';

export function isSupportedVersion(value: string): value is KubernetesVersion {
  return (SUPPORTED_VERSIONS as readonly string[]).includes(value);
}

/** Minor number of a `1.NN` version. */
export function minorOf(version: string): number {
  const match = /^1\.(\d+)$/.exec(version);
  return match ? Number(match[1]) : NaN;
}

export function compareVersions(a: string, b: string): number {
  return minorOf(a) - minorOf(b);
}

export function atLeast(version: string, minimum: string): boolean {
  return compareVersions(version, minimum) >= 0;
}
