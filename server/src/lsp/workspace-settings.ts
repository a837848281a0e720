// Effective settings per document: built-in defaults < editor settings (workspace/configuration,
// per workspace folder) < the folder's `.podwise.yaml` (from the open editor when it is open,
// else from disk). Multi-root workspaces: each folder has its own editor scope and config file.
import * as path from 'path';
import type { Connection, WorkspaceFolder } from 'vscode-languageserver/node';
import { parseConfigFile } from '../engine/config/config-file';
import { decodeText } from '../engine/decode-text';
import { formatMegabytes } from '../engine/limits';
import { isExcluded, isStaticPodPath, mergeSettings } from '../engine/config/resolve-settings';
import type { Finding } from '../engine/types';
import { isSupportedVersion } from '../engine/versions';
import type { VersionSource } from '../shared/protocol';
import { MAX_CONFIG_FILE_BYTES, readFileBounded } from '../shared/read-bounded';
import { CONFIG_FILE_NAME, DEFAULT_SETTINGS, SETTINGS_SECTION, type PodwiseSettings, type RuleSetting } from '../shared/settings';
import { globPathOutsideWorkspace, pathToUri, relativeInside, uriToPath } from './paths';

const RULE_SETTINGS = new Set<string>(['error', 'warning', 'info', 'hint', 'off']);

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
      if (section !== undefined) this.pushed = sanitizeEditorSettings(section);
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

  /** Problems of a config file's text (published on the file when it is open). */
  configFindings(text: string): Finding[] {
    return parseConfigFile(text).findings;
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
    let globPath: string | undefined;
    if (filePath !== undefined) globPath = folder ? relativeInside(folder.path, filePath) : globPathOutsideWorkspace(filePath);
    return {
      settings,
      versionSource,
      folder,
      filePath,
      globPath,
      configFile: config && folder ? path.join(folder.path, CONFIG_FILE_NAME) : undefined,
      excluded: globPath !== undefined && isExcluded(globPath, settings),
      staticPod: globPath !== undefined && isStaticPodPath(globPath, settings),
    };
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
      return sanitizeEditorSettings(raw);
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
        this.connection.console.warn(`podwise: ignoring ${pathToUri(file)}: it is ${size} and Podwise reads config files up to ${formatMegabytes(MAX_CONFIG_FILE_BYTES)}; the defaults apply.`);
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
}

/** Keeps only well-formed values from the editor's `podwise` section. */
export function sanitizeEditorSettings(raw: unknown): Partial<PodwiseSettings> {
  const result: Partial<PodwiseSettings> = {};
  if (raw === null || typeof raw !== 'object') return result;
  const value = raw as Record<string, unknown>;
  const version = typeof value.kubernetesVersion === 'number' ? String(value.kubernetesVersion) : value.kubernetesVersion;
  if (typeof version === 'string' && isSupportedVersion(version.trim().replace(/^v/, ''))) {
    result.kubernetesVersion = version.trim().replace(/^v/, '') as PodwiseSettings['kubernetesVersion'];
  }
  if (value.rules !== null && typeof value.rules === 'object' && !Array.isArray(value.rules)) {
    const rules: Record<string, RuleSetting> = {};
    for (const [id, setting] of Object.entries(value.rules as Record<string, unknown>)) {
      if (typeof setting === 'string' && RULE_SETTINGS.has(setting)) rules[id] = setting as RuleSetting;
      else if (setting === false) rules[id] = 'off';
    }
    result.rules = rules;
  }
  const globs = (list: unknown): string[] | undefined =>
    Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : undefined;
  const exclude = globs(value.exclude);
  if (exclude) result.exclude = exclude;
  const staticPodPaths = globs(value.staticPodPaths);
  if (staticPodPaths) result.staticPodPaths = staticPodPaths;
  const inlay = value.inlayHints as Record<string, unknown> | undefined;
  const enabled = inlay && typeof inlay === 'object' ? inlay.enabled : value['inlayHints.enabled'];
  if (typeof enabled === 'boolean') result.inlayHints = { enabled };
  return result;
}
