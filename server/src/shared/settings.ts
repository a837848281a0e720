// Settings shared by the client, the server, the CLI and `.podwise.yaml`. Defined once here.
import type { KubernetesVersion, Severity } from '../engine/types';

export type RuleSetting = Severity | 'off';

export interface PodwiseSettings {
  /** Kubernetes version to validate against (`1.29` … `1.36`). */
  kubernetesVersion: KubernetesVersion;
  /** Per-rule severity overrides, or `off`. */
  rules: Record<string, RuleSetting>;
  /** Globs of files not to check. */
  exclude: string[];
  /** Globs of files checked as static-Pod manifests. */
  staticPodPaths: string[];
  inlayHints: { enabled: boolean };
}

export const DEFAULT_STATIC_POD_PATHS: readonly string[] = ['**/etc/kubernetes/manifests/**', '**/kubernetes/manifests/**'];

export const DEFAULT_SETTINGS: PodwiseSettings = {
  kubernetesVersion: '1.36',
  rules: {},
  exclude: [],
  staticPodPaths: [...DEFAULT_STATIC_POD_PATHS],
  inlayHints: { enabled: true },
};

/** The settings section name in VS Code and the config file name in a workspace. */
export const SETTINGS_SECTION = 'podwise';
export const CONFIG_FILE_NAME = '.podwise.yaml';
export const DOCS_BASE_URL = 'https://github.com/podwise/podwise/blob/main/docs/rules/';
