// The language server: documents, settings, diagnostics, and the feature handlers
// (code actions, outline, folding, completion, hover, inlay hints). Every handler is guarded: an
// exception is logged to the client's output channel and answered with an empty result, never a
// crash.
import { performance } from 'perf_hooks';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FileAnalyzer, type AnalysisResult } from '../engine/analyze';
import { capFindings } from '../engine/finding-cap';
import { ANALYSIS_BUDGET_MS, MAX_PUBLISHED_DIAGNOSTICS } from '../engine/limits';
import { Outliner, type ChunkParser } from '../engine/outline';
import { parseChunk } from '../engine/parse';
import type { KubernetesVersion, Severity } from '../engine/types';
import { isSupportedVersion } from '../engine/versions';
import {
  Commands,
  FIX_ALL_KIND,
  StatusNotification,
  WorkspaceTrustNotification,
  type InitializationOptions,
  type StatusParams,
  type WorkspaceTrustParams,
} from '../shared/protocol';
import { CONFIG_FILE_NAME, DEFAULT_SETTINGS, SETTINGS_SECTION } from '../shared/settings';
import { provideCodeActions } from './code-actions';
import { provideCompletion } from './completion';
import { docsUrl, toDiagnostic } from './convert';
import { provideHover } from './hover';
import { InlayHintRefresher, provideInlayHints } from './inlay-hints';
import { provideDocumentSymbols, provideFoldingRanges } from './outline';
import { isConfigFile, uriToPath } from './paths';
import { DocumentScheduler, type Trigger } from './scheduler';
import { syncedDocuments } from './synced-document';
import { WorkspaceSettings, type DocumentSettings } from './workspace-settings';

const YAML_LANGUAGES = new Set(['yaml', 'yml']);

export interface Analysis {
  /** The live document (TextDocuments updates it in place: compare `version`, not the object). */
  document: TextDocument;
  /** The version that was analyzed. */
  version: number;
  result: AnalysisResult;
  docSettings: DocumentSettings;
}

interface DocState {
  analyzer: FileAnalyzer;
  outliner: Outliner;
  scheduler: DocumentScheduler;
  last?: Analysis & { stamp: number };
  /** Version and content of the last diagnostics published, so an identical set is not re-sent. */
  published?: string;
}

/** What the feature modules need from the server. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  /** The analysis of the document's current version (reused when already computed). */
  analysisFor(uri: string): Promise<Analysis | undefined>;
  /** The document's effective settings (as diagnostics use them), or undefined when not checked. */
  settingsFor(uri: string): Promise<DocumentSettings | undefined>;
  readonly clientCapabilities: ClientCapabilities;
  outlinerFor(uri: string): Outliner | undefined;
  isChecked(document: TextDocument): boolean;
  log(message: string): void;
}

/**
 * Parses a chunk for the outline, reusing the analyzer's parsed chunk when it holds one (the
 * same text was just analyzed), so a large file is not parsed twice.
 */
function sharedParser(analyzer: FileAnalyzer): ChunkParser {
  return (chunk) => analyzer.parsedChunk(chunk.text) ?? parseChunk(chunk);
}

const WARM_UP_POD = `apiVersion: v1
kind: Pod
metadata:
  name: warm-up
spec:
  containers:
  - name: app
    image: example/app:1.0
    ports:
    - containerPort: 8080
    readinessProbe:
      httpGet: {path: /ready, port: 8080}
`;

function warmUp(version: KubernetesVersion, logError: (where: string, error: unknown) => void): void {
  try {
    new FileAnalyzer().analyze(WARM_UP_POD, { kubernetesVersion: version });
  } catch (error) {
    logError('warm-up', error);
  }
}

export function startServer(connection: Connection): void {
  // Our own document model: clamps out-of-range changes and keeps `\r`/`\n` line ends right (synced-document.ts).
  const documents = new TextDocuments(syncedDocuments);
  const states = new Map<string, DocState>();
  let settings: WorkspaceSettings | undefined;
  /** Bumped on every settings/config/trust/folder change: cached analyses older than this are stale. */
  let stamp = 0;
  let clientSynchronizes = false;
  let canRegisterConfiguration = false;
  let canRegisterWatchers = false;
  let canWorkspaceFolders = false;
  let clientCapabilities: ClientCapabilities = {};
  let shuttingDown = false;
  const timing = process.env.PODWISE_TRACE_TIMING === '1';
  // Tests and measurements shrink the budget to exercise continued analyses on small files.
  const budgetOverride = Number(process.env.PODWISE_ANALYSIS_BUDGET_MS);
  const budgetMs = process.env.PODWISE_ANALYSIS_BUDGET_MS && Number.isFinite(budgetOverride) && budgetOverride >= 0 ? budgetOverride : ANALYSIS_BUDGET_MS;

  const log = (message: string): void => {
    try {
      connection.console.log(message);
    } catch {
      // The connection is gone; nothing to tell.
    }
  };
  const logError = (where: string, error: unknown): void => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    try {
      connection.console.error(`podwise: ${where} failed: ${detail}`);
    } catch {
      // ignore
    }
  };
  /** Wraps a handler so an exception is logged and answered with `fallback`. */
  const guard =
    <P extends unknown[], R>(where: string, handler: (...args: P) => R | Promise<R>, fallback: R) =>
    async (...args: P): Promise<R> => {
      try {
        return await handler(...args);
      } catch (error) {
        logError(where, error);
        return fallback;
      }
    };
  const guardSync =
    <P extends unknown[]>(where: string, handler: (...args: P) => void) =>
    (...args: P): void => {
      try {
        handler(...args);
      } catch (error) {
        logError(where, error);
      }
    };

  const isYaml = (document: TextDocument): boolean => YAML_LANGUAGES.has(document.languageId) || (/\.ya?ml$/i.test(document.uri) && document.languageId === 'plaintext');
  const isChecked = (document: TextDocument): boolean => isYaml(document) && !isConfigFile(document.uri);

  const stateFor = (uri: string): DocState => {
    let state = states.get(uri);
    if (!state) {
      const analyzer = new FileAnalyzer();
      const created: DocState = {
        analyzer,
        outliner: new Outliner(sharedParser(analyzer)),
        scheduler: new DocumentScheduler(() => void validate(uri)),
      };
      state = created;
      states.set(uri, created);
    }
    return state;
  };

  const analyze = (state: DocState, document: TextDocument, docSettings: DocumentSettings): Analysis => {
    const result = state.analyzer.analyze(document.getText(), {
      kubernetesVersion: docSettings.settings.kubernetesVersion,
      rules: docSettings.settings.rules,
      staticPodManifest: docSettings.staticPod,
      filePath: docSettings.filePath,
      // Past the budget the analysis stops and says so; validate() continues it (see limits.ts).
      budgetMs,
    });
    const analysis: Analysis = { document, version: document.version, result, docSettings };
    state.last = { ...analysis, stamp };
    return analysis;
  };

  const analysisFor = async (uri: string): Promise<Analysis | undefined> => {
    const document = documents.get(uri);
    if (!document || !settings || !isChecked(document)) return undefined;
    const state = stateFor(uri);
    // An unfinished analysis (over budget) is continued: each call checks more of the file.
    if (state.last && state.last.version === document.version && state.last.stamp === stamp && !state.last.result.unfinished) return state.last;
    const startStamp = stamp;
    const docSettings = await settings.resolve(uri);
    const current = documents.get(uri);
    if (!current) return undefined;
    if (docSettings.excluded) return { document: current, version: current.version, result: { findings: [], documents: [] }, docSettings };
    const analysis = analyze(state, current, docSettings);
    if (startStamp !== stamp && state.last) state.last.stamp = -1;
    return analysis;
  };

  const counts = (result: AnalysisResult): Record<Severity, number> => {
    const tally: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const finding of result.findings) tally[finding.severity] += 1;
    return tally;
  };

  const sendStatus = (document: TextDocument, docSettings: DocumentSettings, state: StatusParams['state'], result?: AnalysisResult): void => {
    const params: StatusParams = {
      uri: document.uri,
      version: document.version,
      kubernetesVersion: docSettings.settings.kubernetesVersion,
      versionSource: docSettings.versionSource,
      configFile: docSettings.configFile,
      counts: result ? counts(result) : { error: 0, warning: 0, info: 0, hint: 0 },
      state,
      staticPod: docSettings.staticPod,
    };
    void connection.sendNotification(StatusNotification, params);
  };

  /** Analyzes the current version of a document and publishes, unless a newer version arrived. */
  /** Analyses started and not yet published (they may wait for settings). */
  let validationsInFlight = 0;
  const validate = async (uri: string): Promise<void> => {
    validationsInFlight += 1;
    try {
      if (shuttingDown || !settings) return;
      const document = documents.get(uri);
      if (!document) return;
      if (isConfigFile(uri)) {
        publishConfigFile(document);
        return;
      }
      if (!isChecked(document)) {
        void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
        return;
      }
      const state = states.get(uri);
      if (!state) return;
      const version = document.version;
      const runStamp = stamp;
      const docSettings = await settings.resolve(uri);
      const current = documents.get(uri);
      // Dropped: the document changed or closed while settings were read; its own run follows.
      if (!current || current.version !== version || states.get(uri) !== state) return;
      if (docSettings.excluded) {
        sendStatus(current, docSettings, 'excluded');
        state.published = undefined;
        void connection.sendDiagnostics({ uri, version, diagnostics: [] });
        return;
      }
      const started = performance.now();
      const analysis = analyze(state, current, docSettings);
      if (runStamp !== stamp && state.last) state.last.stamp = -1; // settings changed meanwhile: a refresh is queued
      const shown = capFindings(analysis.result.findings, MAX_PUBLISHED_DIAGNOSTICS, current.getText(), docSettings.settings.rules);
      const diagnostics = shown.map((finding) => toDiagnostic(current, finding));
      const cost = performance.now() - started;
      state.scheduler.record(cost);
      if (timing) log(`podwise: analyzed ${uri} v${version} in ${cost.toFixed(2)} ms (${diagnostics.length} diagnostics)`);
      // Status first: whoever reacts to the diagnostics sees the matching status.
      const kubernetes = analysis.result.documents.some((doc) => doc.kind === 'kubernetes');
      sendStatus(current, docSettings, kubernetes ? 'checked' : 'not-kubernetes', analysis.result);
      // Identical diagnostics for the same version (a settings refresh or a continued analysis that
      // changed nothing) are not sent again: on a large file that is megabytes per publication.
      const published = `${version}\u0000${JSON.stringify(diagnostics)}`;
      if (state.published !== published) {
        state.published = published;
        void connection.sendDiagnostics({ uri, version, diagnostics });
      }
      // Over budget: what was checked is published; the rest follows after pending edits and
      // requests were handled (a newer version replaces this run, and starts from the cache).
      if (analysis.result.unfinished) state.scheduler.schedule('continue');
    } catch (error) {
      logError(`analysis of ${uri}`, error);
    } finally {
      validationsInFlight -= 1;
    }
  };

  const publishConfigFile = (document: TextDocument): void => {
    if (!settings) return;
    const findings = settings.configFindings(document.getText());
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: findings.map((finding) => toDiagnostic(document, finding)) });
  };

  const schedule = (uri: string, trigger: Trigger): void => {
    const document = documents.get(uri);
    if (!document) return;
    stateFor(uri).scheduler.schedule(trigger);
  };

  /** Settings changed: every open document is analyzed again, without reopening. */
  const revalidate = (filter?: (uri: string) => boolean): void => {
    stamp += 1;
    inlayHintRefresher.settingsChanged();
    for (const document of documents.all()) {
      if (isConfigFile(document.uri)) continue;
      if (filter && !filter(document.uri)) continue;
      schedule(document.uri, 'refresh');
    }
  };
  const inFolder = (folderPath: string) => (uri: string) => settings?.folderOf(uriToPath(uri))?.path === folderPath;

  /** A `.podwise.yaml` open in the editor applies live; its own problems are published on it. */
  const onConfigEditor = (document: TextDocument, open: boolean): void => {
    if (!settings) return;
    const filePath = uriToPath(document.uri);
    const folder = filePath ? settings.configFolderFor(filePath) : undefined;
    if (open) publishConfigFile(document);
    else void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    if (!folder) return;
    settings.setConfigEditorText(folder, open ? document.getText() : undefined);
    revalidate(inFolder(folder.path));
  };

  connection.onInitialize(
    (params: InitializeParams): InitializeResult => {
      const capabilities = params.capabilities;
      clientCapabilities = capabilities;
      const options = (params.initializationOptions ?? {}) as InitializationOptions;
      clientSynchronizes = options.clientSynchronizes === true;
      canRegisterConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
      canRegisterWatchers = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      canWorkspaceFolders = capabilities.workspace?.workspaceFolders === true;
      settings = new WorkspaceSettings(connection, capabilities.workspace?.configuration === true, options.workspaceTrusted !== false);
      const folders: WorkspaceFolder[] =
        params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: params.rootUri.split('/').pop() ?? 'root' }] : []);
      settings.setFolders(folders);
      // Warm up (validators for the likely version, parser and rules) while the client finishes
      // its own start-up; the first real analysis then runs warm.
      const hint = typeof options.kubernetesVersion === 'string' && isSupportedVersion(options.kubernetesVersion) ? options.kubernetesVersion : DEFAULT_SETTINGS.kubernetesVersion;
      setImmediate(() => warmUp(hint, logError));
      return {
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
          documentSymbolProvider: { label: 'Podwise' },
          foldingRangeProvider: true,
          completionProvider: { triggerCharacters: [':', ' ', '-'], resolveProvider: false },
          hoverProvider: true,
          inlayHintProvider: { resolveProvider: false },
          // Our own client opens docs itself; other clients get the command run here.
          ...(clientSynchronizes ? {} : { executeCommandProvider: { commands: [Commands.showRuleDocs] } }),
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
        serverInfo: { name: 'podwise-language-server', version: process.env.PODWISE_VERSION ?? '0.1.0' },
      };
    },
  );

  connection.onInitialized(
    guardSync('initialized', () => {
      if (!clientSynchronizes && canRegisterConfiguration) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
      }
      if (!clientSynchronizes && canRegisterWatchers) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] });
      }
      if (canWorkspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guardSync('workspace folders change', async () => {
            const folders = await connection.workspace.getWorkspaceFolders();
            settings?.setFolders(folders ?? []);
            revalidate();
          }),
        );
      }
    }),
  );

  documents.onDidChangeContent(
    guardSync('document change', ({ document }) => {
      if (isConfigFile(document.uri)) {
        onConfigEditor(document, true);
        return;
      }
      const opened = !states.has(document.uri);
      schedule(document.uri, opened ? 'open' : 'change');
    }),
  );

  documents.onDidClose(
    guardSync('document close', ({ document }) => {
      const state = states.get(document.uri);
      state?.scheduler.dispose();
      states.delete(document.uri);
      if (isConfigFile(document.uri)) {
        onConfigEditor(document, false);
        return;
      }
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    }),
  );

  connection.onDidChangeConfiguration(
    guardSync('configuration change', (params) => {
      settings?.invalidateEditorSettings(params.settings);
      revalidate();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guardSync('watched files change', (params) => {
      if (!settings) return;
      const touched = new Set<string>();
      for (const change of params.changes) {
        const filePath = uriToPath(change.uri);
        const folder = filePath ? settings.configFolderFor(filePath) : undefined;
        if (!folder) continue;
        if (change.type === FileChangeType.Deleted || change.type === FileChangeType.Created || change.type === FileChangeType.Changed) {
          settings.invalidateConfigFile(folder);
          touched.add(folder.path);
        }
      }
      for (const folderPath of touched) revalidate(inFolder(folderPath));
    }),
  );

  connection.onNotification(
    WorkspaceTrustNotification,
    guardSync('workspace trust change', (params: WorkspaceTrustParams) => {
      if (!settings) return;
      settings.setTrusted(params.trusted === true);
      for (const folder of settings.workspaceFolders) settings.invalidateConfigFile(folder);
      revalidate();
    }),
  );

  const context: ServerContext = {
    connection,
    documents,
    analysisFor,
    settingsFor: async (uri) => {
      const document = documents.get(uri);
      return document && settings && isChecked(document) ? settings.resolve(uri) : undefined;
    },
    get clientCapabilities() {
      return clientCapabilities;
    },
    outlinerFor: (uri) => {
      const document = documents.get(uri);
      return document && isChecked(document) ? stateFor(uri).outliner : undefined;
    },
    isChecked,
    log,
  };

  connection.onCodeAction(guard('code actions', (params) => provideCodeActions(context, params), []));
  connection.onDocumentSymbol(guard('document symbols', (params) => provideDocumentSymbols(context, params), []));
  connection.onFoldingRanges(guard('folding ranges', (params) => provideFoldingRanges(context, params), []));
  const inlayHintRefresher = new InlayHintRefresher(context, () => clientCapabilities.workspace?.inlayHint?.refreshSupport === true);
  connection.onCompletion(guard('completion', (params) => provideCompletion(context, params), { isIncomplete: false, items: [] }));
  connection.onHover(guard('hover', (params) => provideHover(context, params), null));
  connection.languages.inlayHint.on(guard('inlay hints', (params) => provideInlayHints(context, params, inlayHintRefresher), []));
  connection.onExecuteCommand(
    guard(
      'execute command',
      async (params) => {
        if (params.command !== Commands.showRuleDocs) return null;
        const ruleId = typeof params.arguments?.[0] === 'string' ? params.arguments[0] : undefined;
        if (!ruleId || !/^[a-z0-9-]+$/.test(ruleId)) return null;
        await connection.window.showDocument({ uri: docsUrl(ruleId), external: true });
        return null;
      },
      null,
    ),
  );

  if (process.env.PODWISE_DEBUG === '1') {
    // Diagnostics for measuring the server itself (scripts/measure-lsp.mjs); off by default.
    connection.onRequest('podwise/debug/memory', () => {
      // With `node --expose-gc`, measure what is live, not what the collector has not reached yet.
      (globalThis as { gc?: () => void }).gc?.();
      const { getHeapSpaceStatistics } = require('v8') as typeof import('v8');
      const spaces = Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, space.physical_space_size]));
      return { ...process.memoryUsage(), spaces, openDocuments: states.size };
    });
    // Answers once no analysis is scheduled or running: everything the server was going to
    // publish has been sent before this answer (one connection, in order). Tests use it to prove
    // that nothing more arrives, instead of sleeping.
    connection.onRequest('podwise/debug/idle', async () => {
      const busy = (): boolean => validationsInFlight > 0 || [...states.values()].some((state) => state.scheduler.pending);
      const deadline = performance.now() + 30_000;
      while (busy() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
      return { idle: !busy() };
    });
  }

  connection.onShutdown(() => {
    shuttingDown = true;
    for (const state of states.values()) state.scheduler.dispose();
  });

  process.on('uncaughtException', (error) => logError('uncaught exception', error));
  process.on('unhandledRejection', (error) => logError('unhandled rejection', error));

  documents.listen(connection);
  connection.listen();
}
