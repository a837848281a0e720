// Names and payloads shared by the VS Code client and the language server, defined once.
// Plain types and strings only: no vscode or vscode-languageserver imports, so both sides (and
// tests) can use it.
import type { KubernetesVersion, Severity } from '../engine/types';

/** The `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'podwise';

/** Code action kind of "fix all safe problems in this document". */
export const FIX_ALL_KIND = 'source.fixAll.podwise';

/** Client commands (declared in package.json `contributes.commands`). */
export const Commands = {
  /** Opens a rule's documentation page. Argument: the rule id (string). */
  showRuleDocs: 'podwise.showRuleDocs',
  selectKubernetesVersion: 'podwise.selectKubernetesVersion',
  restartServer: 'podwise.restartServer',
} as const;

/** An LSP position/range without importing LSP types. */
export interface WirePosition {
  line: number;
  character: number;
}
export interface WireRange {
  start: WirePosition;
  end: WirePosition;
}

/** A quick fix carried in a diagnostic, resolved to LSP ranges for `version`. */
export interface WireFix {
  title: string;
  edits: { range: WireRange; newText: string }[];
  preferred: boolean;
  safe: boolean;
}

/** `Diagnostic.data` of every podwise diagnostic. */
export interface DiagnosticData {
  /** Document version the diagnostic (and its fixes) were computed for. */
  version: number;
  /**
   * The exact text the fixes were computed for (its length and a hash): the server applies them
   * only to that text. A version is not enough: after a close and reopen versions restart at 1.
   */
  text: string;
  fixes: WireFix[];
}

/** Where the effective Kubernetes version came from. */
export type VersionSource = 'default' | 'settings' | 'config-file';

/**
 * `podwise/status` (server → client notification), sent after each publish for a document: what
 * the status bar shows for the active editor.
 */
export interface StatusParams {
  uri: string;
  version: number;
  kubernetesVersion: KubernetesVersion;
  versionSource: VersionSource;
  /** Path of the `.podwise.yaml` that applies, if any. */
  configFile?: string;
  counts: Record<Severity, number>;
  /** Whether the file was checked at all: `excluded` by a glob, `not-kubernetes`, or `checked`. */
  state: 'checked' | 'excluded' | 'not-kubernetes';
  staticPod: boolean;
  /**
   * What the file is (engine/config/classify-file.ts): why an `excluded` file is not checked
   * (`excluded` by a glob, a `helm-template`, a `kustomization`), or `static-pod` / `manifest`.
   */
  fileClass?: 'excluded' | 'helm-template' | 'kustomization' | 'kustomize-patch' | 'static-pod' | 'manifest';
}
export const StatusNotification = 'podwise/status';

/** `podwise/workspaceTrust` (client → server notification): the workspace trust changed. */
export interface WorkspaceTrustParams {
  trusted: boolean;
}
export const WorkspaceTrustNotification = 'podwise/workspaceTrust';

/** `initializationOptions` the VS Code client sends. Other LSP clients may send nothing. */
export interface InitializationOptions {
  /**
   * VS Code workspace trust. When false, `.podwise.yaml` may change only the Kubernetes version
   * and rule severities (no globs, no paths). Default: true.
   */
  workspaceTrusted?: boolean;
  /**
   * The client already synchronizes the `podwise` settings section and watches `.podwise.yaml`
   * (vscode-languageclient `synchronize`), so the server need not register for them.
   */
  clientSynchronizes?: boolean;
  /**
   * The version the editor is set to, if known: the server loads that version's validators
   * while the client finishes starting up, so the first diagnostics come sooner. A hint only;
   * settings still come from workspace/configuration.
   */
  kubernetesVersion?: string;
  /** Where `kubernetesVersion` comes from in the editor, for the server's start-up log line. */
  kubernetesVersionSource?: EditorSettingSource;
  /** The extension's version (its package.json), for the server's start-up log line. */
  extensionVersion?: string;
}

/** Which VS Code settings level sets a value (`default`: none does). */
export type EditorSettingSource = 'folder settings' | 'workspace settings' | 'user settings' | 'default';
