// Drives one language server over stdio with the real LSP client library
// (vscode-languageserver-protocol/node), times what the editor would see, and watches the
// memory of the server's process tree. Everything is bounded by timeouts, and the process tree
// is killed when the session ends.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const protocol = require('vscode-languageserver-protocol/node');

const {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  ShutdownRequest,
  ExitNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidChangeConfigurationNotification,
  PublishDiagnosticsNotification,
  ConfigurationRequest,
  RegistrationRequest,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  TextDocumentSyncKind,
} = protocol;

/** Live server processes, killed on exit whatever happens. */
const live = new Set();
function killAll() {
  for (const server of live) server.kill();
}
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms: ${what}`)), ms);
    }),
  ]);
}

// ---- memory and CPU time of a process tree (Linux /proc) ----

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux

/** User + system CPU time of one process, in ms (0 if gone). */
function cpuTimeMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): utime is field 14, stime field 15.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function readStatus(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) => {
      const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
      return match ? Number(match[1]) : 0;
    };
    return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

function childrenOf(pid) {
  const out = [];
  let tasks = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    } catch {
      // the task ended meanwhile
    }
  }
  return out;
}

function processTree(root) {
  const seen = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift();
    if (seen.includes(pid)) continue;
    seen.push(pid);
    queue.push(...childrenOf(pid));
  }
  return seen;
}

/** Tracks the peak resident set of a process tree: the kernel's VmHWM per process, summed. */
class TreeMemory {
  constructor(rootPid, intervalMs = 200) {
    this.rootPid = rootPid;
    this.hwmKb = new Map();
    this.peakSumRssKb = 0;
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample() {
    let sumRss = 0;
    for (const pid of processTree(this.rootPid)) {
      const status = readStatus(pid);
      if (!status) continue;
      sumRss += status.rssKb;
      this.hwmKb.set(pid, Math.max(this.hwmKb.get(pid) ?? 0, status.hwmKb));
    }
    this.peakSumRssKb = Math.max(this.peakSumRssKb, sumRss);
  }

  stop() {
    this.sample();
    clearInterval(this.timer);
    let sumHwm = 0;
    for (const kb of this.hwmKb.values()) sumHwm += kb;
    return { processes: this.hwmKb.size, peakRssMb: sumHwm / 1024, peakSampledRssMb: this.peakSumRssKb / 1024 };
  }
}

// ---- the LSP session ----

export class LspSession {
  /**
   * @param {object} options
   * @param {string} options.name
   * @param {string[]} options.args node arguments (script and flags)
   * @param {(section: string|undefined) => unknown} options.configuration answers workspace/configuration
   * @param {object} options.settings pushed with didChangeConfiguration (for push-style servers)
   */
  constructor({ name, args, cwd, env, configuration, settings }) {
    this.name = name;
    this.args = args;
    this.cwd = cwd;
    this.env = env;
    this.configuration = configuration;
    this.settings = settings;
    this.stderr = '';
    this.waiters = new Set();
    this.lastDiagnostics = new Map();
    this.publishCount = 0;
    this.exited = false;
  }

  /** Spawns the server; returns the performance.now() at spawn. */
  start() {
    this.spawnedAt = performance.now();
    this.child = spawn(process.execPath, this.args, { cwd: this.cwd, env: this.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    live.add(this);
    this.exitPromise = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exited = true;
        live.delete(this);
        resolve({ code, signal });
      });
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk) => {
      this.stderr = (this.stderr + chunk).slice(-20000);
    });
    this.memory = new TreeMemory(this.child.pid);
    const connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection = connection;
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => this.configuration(item.section, item.scopeUri) ?? null));
    connection.onRequest(RegistrationRequest.type, () => null);
    connection.onRequest(UnregistrationRequest.type, () => null);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    connection.onRequest((method) => {
      // Anything else the server asks (workspace/workspaceFolders, window/showMessageRequest…).
      if (method === 'workspace/workspaceFolders') return this.workspaceFolders ?? null;
      return null;
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const at = performance.now();
      this.publishCount += 1;
      this.lastDiagnostics.set(params.uri, params);
      for (const waiter of [...this.waiters]) waiter(params, at);
    });
    this.logMessages = [];
    connection.onNotification((method, params) => {
      // window/logMessage kept (last 500) for --trace; telemetry/event, $/progress…: ignored.
      if (method === 'window/logMessage') {
        this.logMessages.push(params?.message);
        if (this.logMessages.length > 500) this.logMessages.shift();
      }
    });
    connection.onError(() => {});
    connection.onClose(() => {});
    connection.listen();
    return this.spawnedAt;
  }

  async initialize(rootPath, { timeoutMs = 20000 } = {}) {
    const rootUri = pathToUri(rootPath);
    this.workspaceFolders = [{ uri: rootUri, name: 'bench' }];
    const result = await withTimeout(
      this.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        clientInfo: { name: 'podwise-bench', version: '1' },
        rootUri,
        rootPath,
        workspaceFolders: this.workspaceFolders,
        initializationOptions: {},
        capabilities: {
          workspace: {
            configuration: true,
            didChangeConfiguration: { dynamicRegistration: true },
            workspaceFolders: true,
          },
          textDocument: {
            synchronization: { dynamicRegistration: false, didSave: true },
            publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          },
          window: { workDoneProgress: false },
        },
        trace: 'off',
      }),
      timeoutMs,
      `${this.name}: initialize`,
    );
    this.serverCapabilities = result.capabilities;
    const sync = result.capabilities.textDocumentSync;
    this.syncKind = typeof sync === 'number' ? sync : (sync?.change ?? TextDocumentSyncKind.None);
    await this.connection.sendNotification(InitializedNotification.type, {});
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: this.settings ?? null });
    return result;
  }

  open(uri, text, version = 1) {
    this.texts ??= new Map();
    this.texts.set(uri, text);
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  /** Replaces one character (an incremental change, or the whole text if the server wants full sync). */
  change(uri, version, position, newChar, fullText) {
    const contentChanges =
      this.syncKind === TextDocumentSyncKind.Full
        ? [{ text: fullText }]
        : [{ range: { start: position, end: { line: position.line, character: position.character + 1 } }, rangeLength: 1, text: newChar }];
    this.texts.set(uri, fullText);
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  close(uri) {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /**
   * Resolves with { at, params } for the first publishDiagnostics for `uri` accepted by `accept`.
   * Register before sending the change that should produce it.
   */
  waitForDiagnostics(uri, accept, timeoutMs, what) {
    let waiter;
    const promise = new Promise((resolve) => {
      waiter = (params, at) => {
        if (params.uri === uri && accept(params)) {
          this.waiters.delete(waiter);
          resolve({ at, params });
        }
      };
      this.waiters.add(waiter);
    });
    return withTimeout(promise, timeoutMs, `${this.name}: ${what}`).finally(() => this.waiters.delete(waiter));
  }

  /** CPU time (user + system) used so far by the live processes of the server's tree, in ms. */
  cpuTimeMs() {
    return processTree(this.child.pid).reduce((sum, pid) => sum + cpuTimeMs(pid), 0);
  }

  /** Peak RSS of the process tree so far, then stops sampling. */
  memoryReport() {
    return this.memory.stop();
  }

  async shutdown({ timeoutMs = 5000 } = {}) {
    if (this.exited) return;
    try {
      await withTimeout(this.connection.sendRequest(ShutdownRequest.type), timeoutMs, `${this.name}: shutdown`);
      await this.connection.sendNotification(ExitNotification.type);
      await withTimeout(this.exitPromise, timeoutMs, `${this.name}: exit`);
    } catch {
      // fall through to kill
    } finally {
      this.kill();
      this.connection.dispose();
    }
  }

  kill() {
    if (!this.child || this.exited) return;
    for (const pid of processTree(this.child.pid).reverse()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}

export function pathToUri(path) {
  return 'file://' + path.split('/').map(encodeURIComponent).join('/');
}
