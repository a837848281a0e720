// Settings shared by the client, the server, the CLI and `.podwise.yaml`. Defined once here:
// SETTINGS_SCHEMA is the one description of every setting. package.json's
// `contributes.configuration` is generated from it (scripts/generate-settings-contribution.mjs,
// checked by `npm run check:drift`), and normalizeSettings (engine/config/normalize-settings.ts)
// validates every source (editor settings, `.podwise.yaml`, CLI flags) against it.
import type { KubernetesVersion, Severity } from '../engine/types';
import { DEFAULT_VERSION, SUPPORTED_VERSIONS } from '../engine/versions';

export type RuleSetting = Severity | 'off';

/**
 * The Pod Security Standard Podwise checks Pods against when no Namespace in the file or run says
 * otherwise (`pod-security.kubernetes.io/enforce`). https://kubernetes.io/docs/concepts/security/pod-security-standards/
 */
export type PodSecurityLevel = 'off' | 'baseline' | 'restricted';
export const POD_SECURITY_LEVELS: readonly PodSecurityLevel[] = ['off', 'baseline', 'restricted'];
export const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'hint', 'off'];

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
  /** Pod Security Standard to check against (`off`, `baseline`, `restricted`). */
  podSecurity: PodSecurityLevel;
  /** The workspace (or the CLI's input set) holds every object: a reference to one not found is a warning, not info. */
  workspaceIsComplete: boolean;
  /** Paths or globs of CustomResourceDefinition files outside the workspace, read with it. */
  crds: string[];
}

export const DEFAULT_STATIC_POD_PATHS: readonly string[] = ['**/etc/kubernetes/manifests/**', '**/kubernetes/manifests/**'];

export const DEFAULT_SETTINGS: PodwiseSettings = {
  kubernetesVersion: DEFAULT_VERSION,
  rules: {},
  exclude: [],
  staticPodPaths: [...DEFAULT_STATIC_POD_PATHS],
  inlayHints: { enabled: true },
  podSecurity: 'baseline',
  workspaceIsComplete: false,
  crds: [],
};

/**
 * One setting. `key` is the dotted name under `podwise.` (VS Code nests dotted names, so
 * `inlayHints.enabled` arrives as `{ inlayHints: { enabled } }`; `.podwise.yaml` accepts both).
 * `rules` is a map whose keys are the rule ids of the registry (ALL_RULES), values RULE_SETTINGS.
 */
export type SettingSpec =
  | { key: 'kubernetesVersion' | 'podSecurity'; type: 'string'; enum: readonly string[]; default: string; description: string }
  | { key: 'rules'; type: 'rule-map'; default: Record<string, RuleSetting>; description: string }
  | { key: 'exclude' | 'staticPodPaths' | 'crds'; type: 'glob-list'; default: readonly string[]; description: string }
  | { key: 'inlayHints.enabled' | 'workspaceIsComplete'; type: 'boolean'; default: boolean; description: string }
  /**
   * A setting of the VS Code client only: vscode-languageclient reads `<client id>.trace.server`
   * (our client's id is `podwise`) to log the LSP traffic. Contributed so it can be set from the
   * settings UI; the server and `.podwise.yaml` ignore it (normalizeSettings skips `trace`).
   */
  | { key: 'trace.server'; type: 'client-enum'; enum: readonly string[]; default: string; scope: 'window'; description: string };

/** `podwise.trace.server` values (vscode-languageclient's Trace). */
export const TRACE_SERVER_VALUES: readonly string[] = ['off', 'messages', 'verbose'];

export const SETTINGS_SCHEMA: readonly SettingSpec[] = [
  {
    key: 'kubernetesVersion',
    type: 'string',
    enum: SUPPORTED_VERSIONS,
    default: DEFAULT_SETTINGS.kubernetesVersion,
    description: 'Kubernetes version to validate against (schemas and version-dependent rules). A `kubernetesVersion` in `.podwise.yaml` wins.',
  },
  {
    key: 'rules',
    type: 'rule-map',
    default: {},
    description:
      'Per-rule severity overrides: rule id → `error`, `warning`, `info`, `hint` or `off`, e.g. `{ "image-latest-tag": "off" }`. Applies to every rule, `config-invalid` included. Unknown rule ids are reported (with the closest id).',
  },
  {
    key: 'exclude',
    type: 'glob-list',
    default: DEFAULT_SETTINGS.exclude,
    description:
      'Globs of files Podwise does not check, relative to the workspace folder (files outside every folder: their absolute path). A `!glob` takes matches back. Costly globs are reported and not matched.',
  },
  {
    key: 'staticPodPaths',
    type: 'glob-list',
    default: DEFAULT_STATIC_POD_PATHS,
    description:
      "Globs of files checked as static-Pod manifests (the kubelet's manifest folder). Matched against the path relative to the workspace folder and against the absolute path, so `**/etc/kubernetes/manifests/**` matches `/etc/kubernetes/manifests/*.yaml` whichever folder is open.",
  },
  {
    key: 'podSecurity',
    type: 'string',
    enum: POD_SECURITY_LEVELS,
    default: DEFAULT_SETTINGS.podSecurity,
    description:
      'Pod Security Standard to check Pods and Pod templates against: `baseline` (blocks known privilege escalations), `restricted` (current hardening practice) or `off`. A Namespace in the same file or run with a `pod-security.kubernetes.io/enforce` label wins for its Pods; node agents (CNI, CSI, node exporters) are held to `restricted` only.',
  },
  {
    key: 'workspaceIsComplete',
    type: 'boolean',
    default: DEFAULT_SETTINGS.workspaceIsComplete,
    description:
      'The workspace (for the CLI: the files checked together) holds every object the manifests refer to. A ConfigMap, Secret, claim, ServiceAccount, PriorityClass, Service, role or scale target named but not found is then a warning; by default it is info, since it may exist in the cluster.',
  },
  {
    key: 'crds',
    type: 'glob-list',
    default: DEFAULT_SETTINGS.crds,
    description:
      'Files of CustomResourceDefinitions that live outside the workspace (absolute paths, `~/` paths, or globs relative to the workspace folder), read with the workspace so their custom resources are known. At most 500 files of at most 5 MB each.',
  },
  {
    key: 'inlayHints.enabled',
    type: 'boolean',
    default: DEFAULT_SETTINGS.inlayHints.enabled,
    description: 'Show Kubernetes defaults for omitted fields as inlay hints.',
  },
  {
    key: 'trace.server',
    type: 'client-enum',
    enum: TRACE_SERVER_VALUES,
    default: 'off',
    scope: 'window',
    description:
      'Log the messages between VS Code and the Podwise language server in the "Podwise" output channel: `messages` (names and timing) or `verbose` (with contents). For troubleshooting.',
  },
];

/** The settings section name in VS Code and the config file name in a workspace. */
export const SETTINGS_SECTION = 'podwise';
export const CONFIG_FILE_NAME = '.podwise.yaml';
