// A small LSP client for protocol tests: starts `node bin/podwise-language-server.js --stdio` and
// talks to it with vscode-languageserver-protocol, as an editor would. It keeps each open
// document's text (edits are applied locally and sent incrementally), records every published
// diagnostic, and answers workspace/configuration from a settings object the test can change.
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER_BIN = join(ROOT, 'bin', 'podwise-language-server.js');
export const TEST_CODE_CACHE_DIR = join(tmpdir(), 'podwise-test-code-cache');

export const fileUri = (path) => pathToFileURL(path).href;

export class LspClient {
  /**
   * options: workspaceFolders ([{uri, name}] or paths), settings (the `podwise` section; or a
   * function (scopeUri) → section), configurationDelay (ms before answering
   * workspace/configuration), initializationOptions, capabilities (merged), env, args (after
   * --stdio), nodeArgs (node flags before the script).
   */
  static async start(options = {}) {
    const client = new LspClient(options);
    await client.initialize();
    return client;
  }

  constructor(options = {}) {
    this.options = options;
    this.settings = options.settings ?? {};
    this.configurationDelay = options.configurationDelay ?? 0;
    this.documents = new Map();
    /** Every publishDiagnostics, in arrival order: { uri, version, diagnostics, at }. */
    this.publications = [];
    this.statuses = [];
    this.logs = [];
    this.registrations = [];
    this.configurationRequests = 0;
    /** Number of workspace/inlayHint/refresh requests received. */
    this.inlayHintRefreshes = 0;
    this.waiters = new Set();
    this.stderr = '';
    this.startedAt = performance.now();
    this.process = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_BIN, '--stdio', ...(options.args ?? [])], {
      cwd: ROOT,
      // PODWISE_DEBUG=1 turns on the server's debug requests (memory, idle) that tests use.
      // One code cache for the servers of a test run, outside the home folder (node/code-cache.ts).
      env: { ...process.env, PODWISE_DEBUG: '1', PODWISE_CODE_CACHE_DIR: TEST_CODE_CACHE_DIR, ...(options.env ?? {}) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.process.stderr.on('data', (chunk) => {
      this.stderr += chunk.toString();
    });
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => resolve({ code, signal })));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      const publication = { ...params, at: performance.now() };
      this.publications.push(publication);
      for (const waiter of [...this.waiters]) waiter(publication);
    });
    this.connection.onNotification('podwise/status', (params) => this.statuses.push(params));
    this.connection.onNotification('window/logMessage', (params) => this.logs.push(params.message));
    this.connection.onRequest('workspace/configuration', async (params) => {
      this.configurationRequests += 1;
      if (this.configurationDelay > 0) await new Promise((resolve) => setTimeout(resolve, this.configurationDelay));
      return params.items.map((item) => (item.section === 'podwise' ? this.sectionFor(item.scopeUri) : null));
    });
    this.connection.onRequest('client/registerCapability', (params) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('window/showDocument', () => ({ success: true }));
    this.connection.onRequest('workspace/workspaceFolders', () => this.folders);
    this.connection.onRequest('workspace/inlayHint/refresh', () => {
      this.inlayHintRefreshes += 1;
      return null;
    });
    this.connection.listen();
  }

  sectionFor(scopeUri) {
    return typeof this.settings === 'function' ? this.settings(scopeUri) : this.settings;
  }

  get folders() {
    return (this.options.workspaceFolders ?? []).map((folder) => (typeof folder === 'string' ? { uri: fileUri(folder), name: folder.split('/').pop() } : folder));
  }

  async initialize() {
    const capabilities = {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true },
        applyEdit: true,
        inlayHint: { refreshSupport: true },
      },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll'] } },
          isPreferredSupport: true,
          dataSupport: true,
        },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        foldingRange: { lineFoldingOnly: true },
        completion: {
          completionItem: { snippetSupport: true, insertTextModeSupport: { valueSet: [1, 2] }, documentationFormat: ['markdown', 'plaintext'], labelDetailsSupport: true },
        },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        inlayHint: {},
      },
      window: { showDocument: { support: true } },
      ...(this.options.capabilities ?? {}),
    };
    const folders = this.folders;
    this.initializeResult = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders.length ? folders : null,
      capabilities,
      initializationOptions: this.options.initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return this.initializeResult;
  }

  /** Opens a document (version 1). */
  async open(uri, text, languageId = 'yaml') {
    const document = TextDocument.create(uri, languageId, 1, text);
    this.documents.set(uri, document);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return document;
  }

  async close(uri) {
    this.documents.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri) {
    return this.documents.get(uri).getText();
  }

  version(uri) {
    return this.documents.get(uri).version;
  }

  /**
   * Sends one didChange with incremental changes ({range, text}, applied in order, as LSP says)
   * and returns the new version.
   */
  async change(uri, changes) {
    const current = this.documents.get(uri);
    const version = current.version + 1;
    const next = TextDocument.update(current, changes, version);
    this.documents.set(uri, next);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Replaces the first occurrence of `search` (after `from` offset) with `replacement`. */
  async replace(uri, search, replacement, from = 0) {
    const document = this.documents.get(uri);
    const offset = document.getText().indexOf(search, from);
    if (offset < 0) throw new Error(`"${search}" not found in ${uri}`);
    const range = { start: document.positionAt(offset), end: document.positionAt(offset + search.length) };
    return this.change(uri, [{ range, text: replacement }]);
  }

  /** Applies a WorkspaceEdit from a code action to our copy and sends it as one didChange. */
  async applyWorkspaceEdit(edit) {
    const versions = {};
    for (const change of edit.documentChanges ?? []) {
      const { uri, version } = change.textDocument;
      const document = this.documents.get(uri);
      if (!document) throw new Error(`edit for unknown document ${uri}`);
      if (version !== null && version !== undefined && version !== document.version) {
        throw new Error(`edit for version ${version} of ${uri}, which is at version ${document.version}`);
      }
      // Applied last-to-first, so each range still refers to the text it was computed on.
      const sorted = [...change.edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
      versions[uri] = await this.change(
        uri,
        sorted.map((e) => ({ range: e.range, text: e.newText })),
      );
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      const document = this.documents.get(uri);
      const sorted = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
      versions[uri] = await this.change(
        uri,
        sorted.map((e) => ({ range: e.range, text: e.newText })),
      );
    }
    return versions;
  }

  /** Latest publication for a uri, or undefined. */
  latest(uri) {
    for (let i = this.publications.length - 1; i >= 0; i -= 1) if (this.publications[i].uri === uri) return this.publications[i];
    return undefined;
  }

  /**
   * Resolves with the first publication for `uri` that satisfies `predicate` — checking the
   * latest one already received first. options: version (only publications for exactly this
   * version), timeout (ms), since (index into this.publications: ignore older ones).
   */
  waitForDiagnostics(uri, predicate = () => true, { version, timeout = 10000, since } = {}) {
    const accepts = (publication) => publication.uri === uri && (version === undefined || publication.version === version) && predicate(publication.diagnostics, publication);
    if (since === undefined) {
      const latest = this.latest(uri);
      if (latest && accepts(latest)) return Promise.resolve(latest);
    } else {
      const found = this.publications.slice(since).find(accepts);
      if (found) return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const waiter = (publication) => {
        if (!accepts(publication)) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(publication);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const latest = this.latest(uri);
        reject(
          new Error(
            `timed out after ${timeout} ms waiting for diagnostics on ${uri}${version !== undefined ? ` v${version}` : ''}; latest: ${
              latest ? `v${latest.version} ${JSON.stringify(latest.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]))}` : 'none'
            }\nserver stderr: ${this.stderr.slice(-2000)}\nlogs: ${this.logs.slice(-10).join('\n')}`,
          ),
        );
      }, timeout);
      this.waiters.add(waiter);
    });
  }

  /** Diagnostics for the document's current version. */
  diagnosticsForCurrent(uri, options = {}) {
    return this.waitForDiagnostics(uri, options.predicate, { version: this.version(uri), timeout: options.timeout }).then((p) => p.diagnostics);
  }

  codeAction(uri, range, diagnostics = [], only) {
    return this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}), triggerKind: 1 },
    });
  }

  documentSymbol(uri) {
    return this.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  }

  foldingRange(uri) {
    return this.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
  }

  /** textDocument/completion at a position ({line, character}). */
  completion(uri, position, context) {
    return this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position, ...(context ? { context } : {}) });
  }

  hover(uri, position) {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  /** textDocument/inlayHint over `range` (default: the whole document). */
  inlayHints(uri, range) {
    const document = this.documents.get(uri);
    const whole = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
    return this.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: range ?? whole });
  }

  /** Replaces the `podwise` settings and tells the server, as VS Code does. */
  /**
   * Resolves once the server has nothing scheduled or running: every publication it was going to
   * make has arrived. The way to prove that nothing more arrives, without sleeping.
   */
  async idle() {
    const { idle } = await this.connection.sendRequest('podwise/debug/idle');
    if (!idle) throw new Error('the server stayed busy for 30 s');
  }

  async setSettings(settings) {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { podwise: typeof settings === 'function' ? null : settings },
    });
  }

  async didChangeWatchedFiles(changes) {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  async sendNotification(method, params) {
    await this.connection.sendNotification(method, params);
  }

  async shutdown() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server is already gone.
    }
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 3000);
    const result = await this.exited;
    clearTimeout(timer);
    this.connection.dispose();
    return result;
  }
}

/** Offset → position for a text (for computing expected ranges in tests). */
export function positionOf(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The range of the `nth` occurrence (0-based) of `search` in `text`, after `from`. */
export function rangeOf(text, search, { from = 0, nth = 0 } = {}) {
  let offset = from - 1;
  for (let i = 0; i <= nth; i += 1) {
    offset = text.indexOf(search, offset + 1);
    if (offset < 0) throw new Error(`"${search}" (#${nth}) not found`);
  }
  return { start: positionOf(text, offset), end: positionOf(text, offset + search.length) };
}

/** A realistic Pod manifest (~50 lines) with probes, a preStop hook and comments. */
export function podManifest(index, { name = `web-${index}`, extraContainerYaml = '', envValue = '"8080"' } = {}) {
  return `# Pod ${index}: the web frontend
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: shop
  labels:
    app: web
    tier: frontend # routed by the web Service
spec:
  terminationGracePeriodSeconds: 45
  containers:
  - name: app
    image: registry.example.com/web:1.${index}.0
    ports:
    - name: http
      containerPort: 8080
    env:
    - name: PORT
      value: ${envValue}
    - name: LOG_LEVEL
      value: info
    resources:
      requests:
        cpu: 100m
        memory: 128Mi
      limits:
        memory: 256Mi
    startupProbe:
      httpGet:
        path: /healthz
        port: http
      failureThreshold: 30
      periodSeconds: 2
    readinessProbe:
      httpGet:
        path: /ready
        port: http
      periodSeconds: 5
    livenessProbe:
      httpGet:
        path: /healthz
        port: http
      periodSeconds: 10
      failureThreshold: 3
${extraContainerYaml}    lifecycle:
      preStop:
        exec:
          command: ["sh", "-c", "sleep 10"]
`;
}

/** `count` Pod documents joined with `---`; `plant(index)` returns podManifest options per document. */
export function multiDocument(count, plant = () => ({})) {
  return Array.from({ length: count }, (_, index) => podManifest(index, plant(index))).join('---\n');
}
