// What every part of the language server shares: the open documents, one analyzer and scheduler
// per document, the workspace settings, the snapshot of each document's current version
// (engine/snapshot.ts), logging, and the guard every handler runs in. Feature modules take this
// context; none of them imports another feature module or server.ts.
import { performance } from 'perf_hooks';
import type { ClientCapabilities, Connection, Diagnostic, FileEvent } from 'vscode-languageserver/node';
import { TextDocuments } from './protocol-values';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FileAnalyzer } from '../engine/analyze';
import { ANALYSIS_BUDGET_MS } from '../engine/limits';
import { runObjectsOf, type RunObject } from '../engine/run-objects';
import type { FileSnapshot } from '../engine/snapshot';
import { isConfigFile } from './paths';
import { DocumentScheduler, type Trigger } from './scheduler';
import { syncedDocuments } from './synced-document';
import type { DocumentSettings, WorkspaceSettings } from './workspace-settings';

const YAML_LANGUAGES = new Set(['yaml', 'yml']);

/** The model of one version of a document, with the settings it was made with. */
export interface Analysis {
  /** The live document (TextDocuments updates it in place: compare `version`, not the object). */
  document: TextDocument;
  /** The version that was analyzed. */
  version: number;
  snapshot: FileSnapshot;
  docSettings: DocumentSettings;
}

/**
 * The Services and Namespaces of the workspace, for the rules that look across files
 * (workspace-index.ts keeps them; the analysis passes them as `runObjects`, as the CLI does).
 */
export interface WorkspaceObjects {
  /** Bumped whenever `objects()` changes: an analysis made under another generation is stale. */
  readonly generation: number;
  /** Every indexed file's objects (open documents' text instead of their disk copy); undefined without workspace folders. */
  objects(): readonly RunObject[] | undefined;
  /**
   * An open document's objects count instead of its disk copy (`found` reads them from its
   * analysis, on demand); undefined: it is not checked (excluded).
   */
  noteOpen(docSettings: DocumentSettings, version: number, found: (() => readonly RunObject[]) | undefined): void;
  /** Work queued or running (scan, file events, a pending revalidation). */
  readonly busy: boolean;
  /** Stops the walk and pending work (shutdown). */
  dispose(): void;
}

export interface DocState {
  analyzer: FileAnalyzer;
  scheduler: DocumentScheduler;
  /** The last analysis, the settings stamp and workspace-objects generation it was made under, and what it cost. */
  last?: Analysis & { stamp: number; generation: number; cost: number };
  /** The last diagnostics published and their version, so an identical set is not re-sent. */
  published?: { version: number; diagnostics: readonly Diagnostic[] };
}

export class ServerContext {
  // Our own document model: clamps out-of-range changes and keeps `\r`/`\n` line ends right (synced-document.ts).
  readonly documents = new TextDocuments(syncedDocuments);
  readonly states = new Map<string, DocState>();
  /** Set on initialize. */
  settings: WorkspaceSettings | undefined;
  clientCapabilities: ClientCapabilities = {};
  /** Our own VS Code client sends settings and `.podwise.yaml` changes itself (no registrations). */
  clientSynchronizes = false;
  shuttingDown = false;
  /** Analyses started and not yet published (they may wait for settings). */
  validationsInFlight = 0;
  /** The workspace index (workspace-index.ts sets it on initialize when there are folders). */
  workspaceObjects: WorkspaceObjects | undefined;
  /** `PODWISE_TRACE_TIMING=1`: log what each analysis cost. */
  readonly timing: boolean;
  /** The analysis time budget (limits.ts); tests and measurements shrink it with PODWISE_ANALYSIS_BUDGET_MS. */
  readonly budgetMs: number;
  /** Bumped on every settings/config/trust/folder change: cached analyses older than this are stale. */
  private settingsStamp = 0;
  private validator: (uri: string) => void = () => undefined;
  private readonly settingsListeners: (() => void)[] = [];
  private readonly initializedListeners: (() => void)[] = [];
  private readonly watchedFileListeners: ((changes: readonly FileEvent[]) => void)[] = [];

  constructor(
    readonly connection: Connection,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.timing = env.PODWISE_TRACE_TIMING === '1';
    const override = Number(env.PODWISE_ANALYSIS_BUDGET_MS);
    this.budgetMs = env.PODWISE_ANALYSIS_BUDGET_MS && Number.isFinite(override) && override >= 0 ? override : ANALYSIS_BUDGET_MS;
  }

  get stamp(): number {
    return this.settingsStamp;
  }

  /** The generation of the workspace objects analyses are made with now. */
  get generation(): number {
    return this.workspaceObjects?.generation ?? 0;
  }

  /** An open document has an analysis scheduled or running (background work waits for it). */
  editorWorkPending(): boolean {
    if (this.validationsInFlight > 0) return true;
    for (const state of this.states.values()) if (state.scheduler.pending) return true;
    return false;
  }

  /** Work the server does in the background (the workspace index): the debug idle request waits for it. */
  get backgroundBusy(): boolean {
    return this.workspaceObjects?.busy === true;
  }

  log(message: string): void {
    try {
      this.connection.console.log(message);
    } catch {
      // The connection is gone; nothing to tell.
    }
  }

  logError(where: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    try {
      this.connection.console.error(`podwise: ${where} failed: ${detail}`);
    } catch {
      // ignore
    }
  }

  /** Wraps a handler so an exception is logged and answered with `fallback`, never a crash. */
  guard<P extends unknown[], R>(where: string, handler: (...args: P) => R | Promise<R>, fallback: R): (...args: P) => Promise<R> {
    return async (...args: P): Promise<R> => {
      try {
        return await handler(...args);
      } catch (error) {
        this.logError(where, error);
        return fallback;
      }
    };
  }

  /** The same for notifications (nothing to answer). */
  guardSync<P extends unknown[]>(where: string, handler: (...args: P) => void): (...args: P) => void {
    return (...args: P): void => {
      try {
        handler(...args);
      } catch (error) {
        this.logError(where, error);
      }
    };
  }

  isYaml(document: TextDocument): boolean {
    return YAML_LANGUAGES.has(document.languageId) || (/\.ya?ml$/i.test(document.uri) && document.languageId === 'plaintext');
  }

  /** A YAML document Podwise checks (not `.podwise.yaml`, which has its own diagnostics). */
  isChecked(document: TextDocument): boolean {
    return this.isYaml(document) && !isConfigFile(document.uri);
  }

  /** What runs when a document's scheduler fires (diagnostics.ts sets it). */
  onValidate(run: (uri: string) => void): void {
    this.validator = run;
  }

  stateFor(uri: string): DocState {
    let state = this.states.get(uri);
    if (!state) {
      state = { analyzer: new FileAnalyzer(), scheduler: new DocumentScheduler(() => this.validator(uri)) };
      this.states.set(uri, state);
    }
    return state;
  }

  /** Forgets a closed document (its pending run included). */
  dropState(uri: string): void {
    this.states.get(uri)?.scheduler.dispose();
    this.states.delete(uri);
  }

  schedule(uri: string, trigger: Trigger): void {
    if (!this.documents.get(uri)) return;
    this.stateFor(uri).scheduler.schedule(trigger);
  }

  /** Called after settings, `.podwise.yaml`, trust or folders changed (before documents are analyzed again). */
  onSettingsChanged(listener: () => void): void {
    this.settingsListeners.push(listener);
  }

  /**
   * `initialized` arrived (configuration.ts owns the connection's one handler and calls this).
   * Listeners run in the order they were added.
   */
  onInitialized(listener: () => void): void {
    this.initializedListeners.push(listener);
  }

  initialized(): void {
    for (const listener of this.initializedListeners) listener();
  }

  /** Watched files changed (configuration.ts owns the connection's one handler and calls this). */
  onWatchedFiles(listener: (changes: readonly FileEvent[]) => void): void {
    this.watchedFileListeners.push(listener);
  }

  watchedFilesChanged(changes: readonly FileEvent[]): void {
    for (const listener of this.watchedFileListeners) listener(changes);
  }

  /** Settings changed: every open document (or those `filter` keeps) is analyzed again, without reopening. */
  revalidate(filter?: (uri: string) => boolean): void {
    this.settingsStamp += 1;
    for (const listener of this.settingsListeners) listener();
    this.scheduleRefresh(filter);
  }

  /**
   * The workspace's objects changed: every open document analysed before the change is analysed
   * again (the settings are the same, so the settings listeners are not told).
   */
  revalidateAcrossFiles(): void {
    // Only documents analysed under an older generation: the document whose edit made the change
    // noted its objects at the end of its own analysis, which took the new generation (its own
    // objects are left out of it), so it is current and is not analysed a second time.
    const generation = this.generation;
    let stale = 0;
    this.scheduleRefresh((uri) => {
      const last = this.states.get(uri)?.last;
      const isStale = last === undefined || last.generation !== generation;
      if (isStale) stale += 1;
      return isStale;
    });
    // Code lenses count objects in other files ("selects 2 Deployments"); the client asks again
    // only after an edit in the file shown, so tell it they changed (LSP 3.16 codeLens/refresh).
    if (stale > 0 && this.clientCapabilities.workspace?.codeLens?.refreshSupport === true) {
      this.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    }
  }

  private scheduleRefresh(filter?: (uri: string) => boolean): void {
    for (const document of this.documents.all()) {
      if (isConfigFile(document.uri)) continue;
      if (filter && !filter(document.uri)) continue;
      this.schedule(document.uri, 'refresh');
    }
  }

  /**
   * The snapshot of `document`'s current version: the last one when it was made for this version
   * and these settings and is complete, else a new analysis (from the analyzer's cache: only
   * what changed is parsed and checked; past the budget it stops and says so in `unfinished`).
   */
  analysisOf(state: DocState, document: TextDocument, docSettings: DocumentSettings): Analysis & { cost: number } {
    const last = state.last;
    const text = document.getText();
    const generation = this.generation;
    if (
      last &&
      last.version === document.version &&
      last.stamp === this.stamp &&
      last.generation === generation &&
      !last.snapshot.unfinished &&
      !last.docSettings.excluded &&
      last.snapshot.text === text
    )
      return last;
    const started = performance.now();
    const snapshot = state.analyzer.snapshot(text, {
      kubernetesVersion: docSettings.settings.kubernetesVersion,
      podSecurity: docSettings.settings.podSecurity,
      workspaceIsComplete: docSettings.settings.workspaceIsComplete,
      rules: docSettings.settings.rules,
      staticPodManifest: docSettings.staticPod,
      filePath: docSettings.filePath,
      kustomize: this.settings?.kustomizeRoleFor(docSettings, text),
      // The workspace's Services and Namespaces (the engine drops this file's own by filePath).
      runObjects: this.workspaceObjects?.objects(),
      // Past the budget the analysis stops and says so; validation continues it (see limits.ts).
      budgetMs: this.budgetMs,
    });
    // This version's Services and Namespaces count for the other files from now on, read from the
    // analysis's own parses. Its own objects are left out of its analysis, so a change they make
    // (a new generation) does not make this analysis stale.
    const workspaceObjects = this.workspaceObjects;
    const filePath = docSettings.filePath;
    if (workspaceObjects && filePath !== undefined) {
      workspaceObjects.noteOpen(docSettings, document.version, () => runObjectsOf(filePath, snapshot.chunks, (index) => snapshot.parsed(index)));
    }
    const analysis = { document, version: document.version, snapshot, docSettings, cost: performance.now() - started };
    state.last = { ...analysis, stamp: this.stamp, generation: this.generation };
    return analysis;
  }

  /**
   * The analysis of the document's current version, for the features: reused when already made,
   * continued when unfinished (each call checks more of the file). An excluded document gets a
   * snapshot without findings (outline and folding still work on it).
   */
  async snapshotFor(uri: string): Promise<Analysis | undefined> {
    const document = this.documents.get(uri);
    const settings = this.settings;
    if (!document || !settings || !this.isChecked(document)) return undefined;
    const state = this.stateFor(uri);
    const last = state.last;
    if (last && last.version === document.version && last.stamp === this.stamp && last.generation === this.generation && !last.snapshot.unfinished) return last;
    const startStamp = this.stamp;
    const docSettings = await settings.resolve(uri);
    const current = this.documents.get(uri);
    // Closed meanwhile (its state is gone; do not bring it back).
    if (!current || this.states.get(uri) !== state) return undefined;
    let analysis: Analysis;
    if (docSettings.excluded) {
      // Kept like an analysis (the same version and settings reuse it); features parse on use.
      analysis = { document: current, version: current.version, snapshot: state.analyzer.textSnapshot(current.getText()), docSettings };
      this.workspaceObjects?.noteOpen(docSettings, current.version, undefined);
      state.last = { ...analysis, stamp: this.stamp, generation: this.generation, cost: 0 };
    } else {
      analysis = this.analysisOf(state, current, docSettings);
    }
    // Settings changed while they were read: a refresh is queued; this one must not be reused.
    if (startStamp !== this.stamp && state.last) state.last.stamp = -1;
    return analysis;
  }

  /** The document's effective settings (as diagnostics use them), or undefined when not checked. */
  async settingsFor(uri: string): Promise<DocumentSettings | undefined> {
    const document = this.documents.get(uri);
    return document && this.settings && this.isChecked(document) ? this.settings.resolve(uri) : undefined;
  }
}
