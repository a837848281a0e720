// Effective settings per document: built-in defaults < editor settings (workspace/configuration,
// per workspace folder) < the folder's `.podwise.yaml` (from the open editor when it is open,
// else from disk). Multi-root workspaces: each folder has its own editor scope and config file.
// Editor settings are validated by normalizeSettings, as `.podwise.yaml` and CLI flags are; their
// problems are shown (a warning once per distinct set, and a log line), not dropped. What a file
// is (excluded, Helm template, kustomization, static Pod, manifest) is classifyFile's, the same
// rule as the CLI's.
import * as path from 'path';
import { MessageType, ShowMessageNotification, type Connection, type WorkspaceFolder } from 'vscode-languageserver/node';
import { classifyFile, type FileClass } from '../engine/config/classify-file';
import { parseConfigFile } from '../engine/config/config-file';
import { normalizeSettings, settingName, type SettingsProblem } from '../engine/config/normalize-settings';
import { decodeText } from '../engine/decode-text';
import { formatMegabytes } from '../engine/limits';
import { applyRuleOverrides, mergeSettings } from '../engine/config/resolve-settings';
import type { Finding } from '../engine/types';
import { createFileProbe } from '../node/file-probe';
import { createKustomizeFiles } from '../node/kustomize-files';
import type { KustomizeRole } from '../engine/kustomize';
import type { VersionSource } from '../shared/protocol';
import { MAX_CONFIG_FILE_BYTES, readFileBounded } from '../shared/read-bounded';
import { CONFIG_FILE_NAME, DEFAULT_SETTINGS, SETTINGS_SECTION, type PodwiseSettings } from '../shared/settings';
import { globPathOutsideWorkspace, pathToUri, relativeInside, uriToPath } from './paths';

/** How long a "Chart.yaml exists" answer is kept: a chart created meanwhile counts after this. */
const PROBE_TTL_MS = 5000;
/** Distinct editor-settings problem sets remembered as shown (past it, the memory starts over). */
const MAX_SHOWN_PROBLEM_SETS = 100;

export interface Folder {
  uri: string;
  path: string;
  name: string;
}

export interface DocumentSettings {
  settings: PodwiseSettings;
  versionSource: VersionSource;
  folder?: Folder;
  /** Path relative to the folder (posix), or the absolute path without its root outside folders. */
  globPath?: string;
  filePath?: string;
  configFile?: string;
  /** What the file is (classifyFile): only `static-pod` and `manifest` files are checked. */
  fileClass: FileClass;
  /** Not checked: excluded by a glob or a Helm chart template (see fileClass). */
  excluded: boolean;
  staticPod: boolean;
}

interface ConfigState {
  /** Text from the open editor, when the file is open there. */
  editorText?: string;
  /** Parsed text (editor text when open, else disk), or undefined when there is no file. */
  parsed?: { settings: Partial<PodwiseSettings>; findings: Finding[]; text: string };
  loading?: Promise<void>;
  loaded: boolean;
}

export class WorkspaceSettings {
  private folders: Folder[] = [];
  private editor = new Map<string, Promise<Partial<PodwiseSettings>>>();
  private configs = new Map<string, ConfigState>();
  /** Settings pushed in didChangeConfiguration, for clients without workspace/configuration. */
  private pushed: Partial<PodwiseSettings> | undefined;
  /** Editor settings as last read, per folder uri ('' outside folders), for the config file's own findings. */
  private editorResolved = new Map<string, Partial<PodwiseSettings>>();
  /** Problem sets of the editor settings already shown to the user. */
  private shownProblems = new Set<string>();
  private readonly probe = createFileProbe({ ttlMs: PROBE_TTL_MS });
  /** The kustomizations above a file (kustomize-files.ts), read again after PROBE_TTL_MS. */
  private readonly kustomize = createKustomizeFiles({ ttlMs: PROBE_TTL_MS });

  constructor(
    private readonly connection: Connection,
    private readonly canPullConfiguration: boolean,
    private trusted: boolean,
  ) {}

  get workspaceFolders(): readonly Folder[] {
    return this.folders;
  }

  get isTrusted(): boolean {
    return this.trusted;
  }

  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
  }

  setFolders(folders: readonly WorkspaceFolder[]): void {
    const next: Folder[] = [];
    for (const folder of folders) {
      const folderPath = uriToPath(folder.uri);
      if (folderPath !== undefined) next.push({ uri: folder.uri, path: folderPath, name: folder.name });
    }
    // Longest path first, so nested folders win.
    next.sort((a, b) => b.path.length - a.path.length);
    this.folders = next;
    for (const key of [...this.configs.keys()]) if (!next.some((folder) => folder.path === key)) this.configs.delete(key);
    this.editor.clear();
  }

  folderOf(filePath: string | undefined): Folder | undefined {
    if (filePath === undefined) return undefined;
    return this.folders.find((folder) => relativeInside(folder.path, filePath) !== undefined);
  }

  /** Editor settings changed: fetch again on next use. */
  invalidateEditorSettings(pushed?: unknown): void {
    this.editor.clear();
    if (pushed !== undefined && pushed !== null && typeof pushed === 'object') {
      const section = (pushed as Record<string, unknown>)[SETTINGS_SECTION];
      if (section !== undefined) this.pushed = this.readEditorSettings(section, 'pushed settings');
    }
  }

  /** The folder whose `.podwise.yaml` lives at `filePath`, if it is one of ours. */
  configFolderFor(filePath: string): Folder | undefined {
    if (path.basename(filePath) !== CONFIG_FILE_NAME) return undefined;
    const dir = path.dirname(filePath);
    return this.folders.find((folder) => folder.path === dir);
  }

  /** The config file changed on disk (or was created/deleted): read it again on next use. */
  invalidateConfigFile(folder: Folder): void {
    const state = this.configs.get(folder.path);
    if (state && state.editorText !== undefined) return; // the open editor's text wins
    this.configs.delete(folder.path);
  }

  /** The config file is open in the editor: its text applies (unsaved edits included). */
  setConfigEditorText(folder: Folder, text: string | undefined): void {
    if (text === undefined) {
      this.configs.delete(folder.path);
      return;
    }
    this.configs.set(folder.path, { editorText: text, parsed: { ...parseConfigFile(text), text }, loaded: true });
  }

  /**
   * Problems of a config file's text (published on the file when it is open), with the rule
   * overrides applied as the CLI applies them: `config-invalid: off` (in the file itself, or in
   * the editor settings of its folder) silences them, `config-invalid: warning` softens them.
   */
  configFindings(text: string, uri?: string): Finding[] {
    const { settings, findings } = parseConfigFile(text);
    const filePath = uri === undefined ? undefined : uriToPath(uri);
    const folder = filePath === undefined ? undefined : this.configFolderFor(filePath);
    const editor = this.editorResolved.get(folder?.uri ?? '') ?? (this.canPullConfiguration ? undefined : this.pushed);
    const rules = mergeSettings(DEFAULT_SETTINGS, editor, this.trustedLayer(settings)).rules;
    return applyRuleOverrides(findings, rules);
  }

  /** configFindings, after the editor settings of the file's folder were read (their overrides apply). */
  async configFindingsFor(text: string, uri: string): Promise<Finding[]> {
    const filePath = uriToPath(uri);
    await this.editorSettings(filePath === undefined ? undefined : this.configFolderFor(filePath));
    return this.configFindings(text, uri);
  }

  async resolve(uri: string): Promise<DocumentSettings> {
    const filePath = uriToPath(uri);
    const folder = this.folderOf(filePath);
    const editorSettings = await this.editorSettings(folder);
    const config = folder ? await this.configFor(folder) : undefined;
    const configLayer = config ? this.trustedLayer(config.settings) : undefined;
    const settings = mergeSettings(DEFAULT_SETTINGS, editorSettings, configLayer);
    let versionSource: VersionSource = 'default';
    if (editorSettings.kubernetesVersion !== undefined && editorSettings.kubernetesVersion !== DEFAULT_SETTINGS.kubernetesVersion) versionSource = 'settings';
    if (configLayer?.kubernetesVersion !== undefined) versionSource = 'config-file';
    const relativePath = filePath !== undefined && folder ? relativeInside(folder.path, filePath) : undefined;
    // One rule with the CLI: globs relative to the folder, static-Pod globs on the absolute path too.
    const kustomize = filePath === undefined ? undefined : this.kustomize.graphFor(filePath, folder ? this.kustomize.discover(folder.path) : []);
    const fileClass: FileClass = classifyFile({ relativePath, absolutePath: filePath, settings, probe: this.probe, kustomize });
    const globPath = filePath === undefined ? undefined : (relativePath ?? globPathOutsideWorkspace(filePath));
    return {
      settings,
      versionSource,
      folder,
      filePath,
      globPath,
      configFile: config && folder ? path.join(folder.path, CONFIG_FILE_NAME) : undefined,
      fileClass,
      excluded: fileClass === 'excluded' || fileClass === 'helm-template',
      staticPod: fileClass === 'static-pod',
    };
  }

  /** What the file is to kustomize for this text (a kustomization's entries, a patch, a labelled resource); the CLI's rule. */
  kustomizeRoleFor(docSettings: DocumentSettings, text: string): KustomizeRole | undefined {
    if (docSettings.filePath === undefined || docSettings.excluded) return undefined;
    return this.kustomize.roleFor(docSettings.filePath, text, docSettings.folder ? this.kustomize.discover(docSettings.folder.path) : []);
  }

  /**
   * In an untrusted workspace `.podwise.yaml` may change only the version and rule severities:
   * nothing that decides which files are read or how they are treated.
   */
  private trustedLayer(layer: Partial<PodwiseSettings>): Partial<PodwiseSettings> {
    if (this.trusted) return layer;
    const limited: Partial<PodwiseSettings> = {};
    if (layer.kubernetesVersion !== undefined) limited.kubernetesVersion = layer.kubernetesVersion;
    if (layer.rules !== undefined) limited.rules = layer.rules;
    return limited;
  }

  private editorSettings(folder: Folder | undefined): Promise<Partial<PodwiseSettings>> {
    const key = folder?.uri ?? '';
    let pending = this.editor.get(key);
    if (!pending) {
      pending = this.fetchEditorSettings(folder);
      this.editor.set(key, pending);
    }
    return pending;
  }

  private async fetchEditorSettings(folder: Folder | undefined): Promise<Partial<PodwiseSettings>> {
    if (!this.canPullConfiguration) return this.pushed ?? {};
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration(folder ? { scopeUri: folder.uri, section: SETTINGS_SECTION } : { section: SETTINGS_SECTION });
      const settings = this.readEditorSettings(raw, folder ? `folder ${folder.name}` : 'settings');
      this.editorResolved.set(folder?.uri ?? '', settings);
      return settings;
    } catch (error) {
      this.connection.console.error(`podwise: could not read settings: ${String(error)}`);
      return {};
    }
  }

  private async configFor(folder: Folder): Promise<{ settings: Partial<PodwiseSettings> } | undefined> {
    let state = this.configs.get(folder.path);
    if (!state) {
      const created: ConfigState = { loaded: false };
      state = created;
      this.configs.set(folder.path, created);
      created.loading = this.readConfigFromDisk(folder).then((parsed) => {
        // A newer state (editor text, invalidation) may have replaced this one meanwhile.
        if (this.configs.get(folder.path) === created) {
          created.parsed = parsed;
          created.loaded = true;
        }
      });
    }
    if (!state.loaded && state.loading) await state.loading;
    const current = this.configs.get(folder.path) ?? state;
    return current.parsed ? { settings: current.parsed.settings } : undefined;
  }

  /**
   * Reads the folder's `.podwise.yaml`: a regular file only, opened with O_NONBLOCK and checked
   * with fstat before anything is read, so a FIFO (which blocks open and read until a writer
   * comes) or a device never stalls the folder, and at most MAX_CONFIG_FILE_BYTES of it. Anything
   * else is logged and the folder gets the defaults.
   */
  private async readConfigFromDisk(folder: Folder): Promise<ConfigState['parsed']> {
    const file = path.join(folder.path, CONFIG_FILE_NAME);
    try {
      // Untrusted: never follow a link out of the workspace (O_NOFOLLOW refuses it).
      const read = await readFileBounded(file, MAX_CONFIG_FILE_BYTES, { regularOnly: true, noFollow: !this.trusted });
      if (read.kind === 'not-regular') {
        // A link in an untrusted workspace is ignored on purpose, as before: no need to say so.
        if (read.type !== 'symlink') this.connection.console.warn(`podwise: ignoring ${pathToUri(file)}: it is ${read.what}, not a regular file; the defaults apply.`);
        return undefined;
      }
      if (read.kind === 'too-large') {
        const size = read.size === undefined ? `over ${formatMegabytes(MAX_CONFIG_FILE_BYTES)}` : formatMegabytes(read.size);
        this.connection.console.warn(
          `podwise: ignoring ${pathToUri(file)}: it is ${size} and Podwise reads config files up to ${formatMegabytes(MAX_CONFIG_FILE_BYTES)}; the defaults apply.`,
        );
        return undefined;
      }
      const { text } = decodeText(read.bytes);
      return { ...parseConfigFile(text), text };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.connection.console.warn(`podwise: could not read ${pathToUri(file)}: ${String(error)}`);
      return undefined;
    }
  }

  /** The valid part of the editor's `podwise` section; its problems are shown once per distinct set. */
  private readEditorSettings(raw: unknown, scope: string): Partial<PodwiseSettings> {
    const { settings, problems } = normalizeSettings('editor', raw);
    if (problems.length > 0) this.showProblems(problems, scope);
    return settings;
  }

  /**
   * A warning in the editor (window/showMessage) the first time a set of problems is seen, and a
   * log line; the same set again (each folder, each settings refresh) is not shown again.
   */
  private showProblems(problems: readonly SettingsProblem[], scope: string): void {
    const lines = problems.map((problem) => `${settingName('editor', problem.path)}: ${problem.message}`);
    const key = lines.join('\n');
    if (this.shownProblems.has(key)) return;
    if (this.shownProblems.size >= MAX_SHOWN_PROBLEM_SETS) this.shownProblems.clear();
    this.shownProblems.add(key);
    this.connection.console.warn(
      `podwise: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the editor settings (${scope}); those values are ignored:\n  ${lines.join('\n  ')}`,
    );
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more: see the Podwise output)` : '';
    // A notification (window/showMessage), not a request: nothing waits for the user to close it.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Podwise settings: ${lines[0]}${more}` });
  }
}

/** Keeps only well-formed values from the editor's `podwise` section (normalizeSettings, problems dropped). */
export function sanitizeEditorSettings(raw: unknown): Partial<PodwiseSettings> {
  return normalizeSettings('editor', raw).settings;
}
