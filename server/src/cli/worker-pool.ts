// The worker threads `podwise check` prepares and checks files on (the two phases are in
// prepared-file.ts), with the guards that keep a run from hanging: a worker that dies fails only
// the file it was working on (an `internal error` for that file, exit code 2) and is replaced; a
// file that runs far past the time limit is stopped by a watchdog the same way. Workers that
// cannot even start (the bundle is missing or broken) are not retried: the files run in-process
// instead, so the result is the same.
//
// The CLI's own thread works too (`mainThread`): it reads the files and writes the report anyway,
// and between two of its own files it hands out work, so one worker fewer is started (on two
// cores: one worker, and no third thread fighting the two busy ones for a core). It takes one
// file at a time from the queue (setImmediate, so worker replies and reads go on in between);
// each worker has several files in flight (PIPELINE_CHARS), so it does not wait for a reply to be
// read while this thread is busy with a file of its own, and this thread leaves large files to the
// workers unless they have as much waiting. A file the main thread works on has no watchdog (as
// with `--jobs 1`); the worker fault hooks (worker-protocol.ts) keep every file on the workers.
//
// A file is checked where it was prepared, which kept its parses. A thread with nothing of its
// own left to check takes the last waiting file of a thread that has two or more waiting:
// parsing it again costs less than waiting. Run objects go from the workers to the main thread
// v8-serialized and back to every worker as they came.
// https://nodejs.org/api/worker_threads.html
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { RunObject } from '../engine/run-objects';
import type { CheckBackend, LoadedInput } from './check-backend';
import { analyzePrepared, PreparedStore } from './prepared-file';
import { placeFindings, type CliFinding } from './report';
import { FAULT_ENV, WATCHDOG_ENV, WORKER_BUNDLE, type WorkerMessage, type WorkerRequest } from './worker-protocol';

export interface PoolOptions {
  /** Workers to start. */
  size: number;
  /** The main thread prepares and checks files too (between handing out the others). */
  mainThread?: boolean;
  /** A file whose analysis takes longer than this (ms) is stopped; undefined: no watchdog. */
  watchdogMs?: number;
  /** The worker bundle; default: cli-worker.js next to the running bundle. */
  workerFile?: string;
}

/**
 * What one worker has in flight (the first file running, the others waiting in its port): files
 * are sent until it has PIPELINE_CHARS characters of text or PIPELINE_FILES files, so that it
 * never waits for the main thread, which is busy with a file of its own between two replies.
 */
export const PIPELINE_CHARS = 256 * 1024;
export const PIPELINE_FILES = 24;
/**
 * The main thread takes a file only when every worker has at least as much text in flight (it
 * hands out no work while it is busy), or when the file is at most this small.
 */
export const MAIN_THREAD_SMALL_CHARS = 32 * 1024;

type Reply = Extract<WorkerMessage, { kind: 'prepared' | 'done' }>;

/** Where a job runs: a worker, or the main thread. */
type Owner = Slot | typeof MAIN;
const MAIN = 'main';

interface Job {
  request: Extract<WorkerRequest, { kind: 'prepare' | 'check' }>;
  /** The thread that kept this file's parses (phase two). */
  preferred?: Owner;
  /** The same work in this thread. */
  local: () => Promise<void>;
  resolve: (reply: Reply, slot: Slot) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Sent and not answered yet, in the order sent (the worker answers in that order). */
  jobs: Job[];
  /** The watchdog of the first job in flight. */
  timer?: NodeJS.Timeout;
  /** Set when the watchdog stopped the worker. */
  hung?: boolean;
  error?: Error;
  /** The generation of the run's objects this worker holds (sent once, not with every file). */
  shared: number;
}

/** The watchdog for a per-file time limit: far past it, since the first document of a file is always checked whole. */
export function watchdogFor(timeLimitMs: number | undefined): number | undefined {
  const override = Number(process.env[WATCHDOG_ENV]);
  if (Number.isFinite(override) && override > 0) return override;
  return timeLimitMs === undefined ? undefined : Math.max(60_000, timeLimitMs * 10);
}

/** The worker bundle next to this one (dist/server), or undefined when it is not there (then: in-process). */
export function defaultWorkerFile(): string | undefined {
  if (typeof __dirname !== 'string') return undefined;
  const file = path.join(__dirname, WORKER_BUNDLE);
  return existsSync(file) ? file : undefined;
}

/**
 * Whether the main thread may work beside the workers: not while the worker fault hooks are set
 * (worker-protocol.ts), whose tests need every file on a worker.
 */
export function mainThreadMayWork(): boolean {
  return !process.env[FAULT_ENV];
}

export class AnalysisPool implements CheckBackend {
  readonly parallel = true;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closing = false;
  /** No worker can run: queued and later files are prepared and checked in-process. */
  private inProcess = false;
  /** A main-thread turn is scheduled (setImmediate) or running. */
  private mainTurn = false;
  /** Per prepared file: the thread that kept its parses, and its run objects (v8-serialized). */
  private readonly prepared = new Map<number, { owner?: Owner; runObjects: Uint8Array | null }>();
  /** The run's objects as sent to the workers; `shared` counts the times they were set. */
  private runObjectFiles: Uint8Array[] | null = null;
  private shared = 0;
  /** The main thread's kept parses and, once needed, the run's objects deserialized. */
  private readonly localStore = new PreparedStore();
  private localRunObjects: RunObject[] | undefined;

  constructor(private readonly options: PoolOptions & { workerFile: string }) {
    for (let i = 0; i < options.size; i += 1) this.spawn();
  }

  /** Threads that prepare and check files (the workers, and the main thread when it works too). */
  get size(): number {
    return this.options.size + (this.options.mainThread ? 1 : 0);
  }

  /**
   * Files to read ahead so that no thread waits for one: every worker's pipeline full, and a few
   * more for each thread (the main thread takes a file only when the workers' pipelines are full).
   */
  get readAhead(): number {
    return this.options.size * PIPELINE_FILES + this.size * 4;
  }

  prepare(file: number, loaded: LoadedInput, collect: boolean, only?: string): Promise<void> {
    const filePath = collect ? loaded.absolute : undefined;
    return new Promise<void>((resolve, reject) => {
      const id = this.nextId++;
      this.submit({
        request: { kind: 'prepare', id, file, name: loaded.name, text: loaded.text, ...(filePath !== undefined ? { filePath } : {}), ...(only !== undefined ? { only } : {}) },
        local: async () => {
          this.prepared.set(file, { owner: MAIN, runObjects: this.prepareLocally(file, loaded.text, filePath, only) });
          resolve();
        },
        resolve: (reply, slot) => {
          this.prepared.set(file, { owner: slot, runObjects: reply.kind === 'prepared' ? reply.runObjects : null });
          resolve();
        },
        reject,
      });
    });
  }

  share(files: readonly number[] | undefined): void {
    this.runObjectFiles = files === undefined ? null : files.flatMap((file) => this.prepared.get(file)?.runObjects ?? []);
    this.localRunObjects = undefined;
    this.shared += 1;
  }

  check(file: number, loaded: LoadedInput): Promise<CliFinding[]> {
    // The run's objects went to the workers once (share); the rest of the options go with each file.
    const options = { ...loaded.analyzeOptions };
    delete options.runObjects;
    const preferred = this.prepared.get(file)?.owner;
    this.prepared.delete(file);
    return new Promise<CliFinding[]>((resolve, reject) => {
      const id = this.nextId++;
      this.submit({
        request: { kind: 'check', id, file, name: loaded.name, text: loaded.text, options },
        preferred,
        local: async () => resolve(this.checkLocally(file, loaded)),
        resolve: (reply) => resolve(reply.kind === 'done' ? reply.findings : []),
        reject,
      });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    const slots = [...this.slots];
    this.slots.clear();
    for (const slot of slots) clearTimeout(slot.timer);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private submit(job: Job): void {
    if (this.inProcess) this.runLocally(job);
    else {
      this.queue.push(job);
      this.pump();
    }
  }

  private runLocally(job: Job): void {
    job.local().catch((error: unknown) => job.reject(error instanceof Error ? error : new Error(String(error))));
  }

  private prepareLocally(file: number, text: string, filePath: string | undefined, only: string | undefined): Uint8Array | null {
    try {
      const prepared = this.localStore.prepare(file, text, filePath, only);
      return filePath === undefined ? null : v8.serialize(prepared.runObjects);
    } catch {
      // Nothing collected; checking the file reports what went wrong.
      return null;
    }
  }

  private checkLocally(file: number, loaded: LoadedInput): CliFinding[] {
    this.localRunObjects ??= this.runObjectFiles?.flatMap((bytes) => v8.deserialize(bytes) as RunObject[]);
    const result = analyzePrepared(loaded.text, this.localStore.take(file), { ...loaded.analyzeOptions, runObjects: this.localRunObjects });
    return placeFindings(loaded.name, loaded.text, result.findings);
  }

  private spawn(): void {
    const worker = new Worker(this.options.workerFile);
    const slot: Slot = { worker, ready: false, jobs: [], shared: 0 };
    this.slots.add(slot);
    worker.on('message', (message: WorkerMessage) => this.onMessage(slot, message));
    worker.on('error', (error) => {
      slot.error = error;
    });
    worker.on('exit', (code) => this.onExit(slot, code));
  }

  private onMessage(slot: Slot, message: WorkerMessage): void {
    if (message.kind === 'ready') {
      slot.ready = true;
    } else {
      const job = slot.jobs[0];
      if (job !== undefined && job.request.id === message.id) {
        slot.jobs.shift();
        this.watch(slot);
        if (message.kind === 'failed') job.reject(new Error(message.message));
        else job.resolve(message, slot);
      }
    }
    this.pump();
  }

  private onExit(slot: Slot, code: number): void {
    if (this.closing || !this.slots.delete(slot)) return;
    clearTimeout(slot.timer);
    // The worker was running the first job in flight; the others never started and go back to the queue.
    const [job, ...waiting] = slot.jobs;
    slot.jobs = [];
    this.queue.unshift(...waiting);
    if (job !== undefined) {
      const why = slot.hung
        ? `checking it took longer than ${Math.round((this.options.watchdogMs ?? 0) / 1000)} s, so its worker was stopped`
        : `the worker checking it stopped (${slot.error?.message ?? `exit code ${code}`})`;
      job.reject(new Error(why));
    }
    // A worker that died before it was ready will not do better next time: no respawn.
    if (slot.ready) this.spawn();
    else if (this.slots.size === 0 && !this.options.mainThread) this.inProcess = true;
    this.pump();
  }

  /** The watchdog for the job the worker runs now (the first in flight), if any. */
  private watch(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    if (this.options.watchdogMs === undefined || slot.jobs.length === 0) return;
    slot.timer = setTimeout(() => {
      slot.hung = true;
      void slot.worker.terminate();
    }, this.options.watchdogMs);
  }

  private pump(): void {
    if (this.inProcess) {
      for (const job of this.queue.splice(0)) this.runLocally(job);
      return;
    }
    // Workers first, one file at a time each in turn, until their pipelines are full.
    for (let sent = true; sent && this.queue.length > 0;) {
      sent = false;
      for (const slot of this.slots) {
        if (!slot.ready || !roomFor(slot)) continue;
        // Another thread's file is parsed again: taken only by a worker about to run out of work.
        const index = this.pick(slot, Infinity, slot.jobs.length <= 1);
        if (index === -1) continue;
        this.send(slot, this.queue.splice(index, 1)[0]);
        sent = true;
      }
    }
    // With no worker left (none could start), the main thread does all the work.
    if (this.queue.length > 0 && !this.mainTurn && (this.options.mainThread || this.slots.size === 0)) {
      this.mainTurn = true;
      setImmediate(() => this.mainThreadTurn());
    }
  }

  private send(slot: Slot, job: Job): void {
    slot.jobs.push(job);
    if (slot.jobs.length === 1) this.watch(slot);
    try {
      // The run's objects go to each worker once, before its first check.
      if (job.request.kind === 'check' && slot.shared !== this.shared) {
        slot.worker.postMessage({ kind: 'run-objects', files: this.runObjectFiles } satisfies WorkerRequest);
        slot.shared = this.shared;
      }
      slot.worker.postMessage(job.request satisfies WorkerRequest);
    } catch {
      // Data that cannot cross to a worker: this file is done here instead.
      slot.jobs.pop();
      if (slot.jobs.length === 0) this.watch(slot);
      this.runLocally(job);
    }
  }

  /** One file on the main thread (the next it may take), then back to the event loop. */
  private mainThreadTurn(): void {
    const index = this.queue.length === 0 || this.closing ? -1 : this.pick(MAIN, this.mainThreadLimit());
    if (index !== -1) this.runLocally(this.queue.splice(index, 1)[0]);
    this.mainTurn = false;
    if (index !== -1) this.pump();
  }

  /** The largest file the main thread takes now (MAIN_THREAD_SMALL_CHARS). */
  private mainThreadLimit(): number {
    let limit = Infinity;
    for (const slot of this.slots) limit = Math.min(limit, slot.ready ? charsInFlight(slot) : 0);
    return Math.max(limit, MAIN_THREAD_SMALL_CHARS);
  }

  /**
   * The next job for a thread with room: the first one that is its own, or nobody's (or whose
   * thread is gone) of at most `maxChars` characters; else, with `steal`, the last one of at most
   * `maxChars` of a thread with two or more waiting; else none (-1).
   */
  private pick(owner: Owner, maxChars: number, steal = true): number {
    const waiting = new Map<Owner, number>();
    for (let index = 0; index < this.queue.length; index += 1) {
      const { preferred, request } = this.queue[index];
      // A thread's own file is taken whatever its size (no other thread takes it without stealing).
      if (preferred === owner) return index;
      if (preferred === undefined || this.gone(preferred)) {
        if (request.text.length <= maxChars) return index;
        continue;
      }
      waiting.set(preferred, (waiting.get(preferred) ?? 0) + 1);
    }
    for (let index = steal ? this.queue.length - 1 : -1; index >= 0; index -= 1) {
      const { preferred, request } = this.queue[index];
      if (preferred !== undefined && (waiting.get(preferred) ?? 0) >= 2 && request.text.length <= maxChars) return index;
    }
    return -1;
  }

  /** A thread that takes no more work: a worker that stopped, or the main thread when it does not work. */
  private gone(owner: Owner): boolean {
    return owner === MAIN ? !this.options.mainThread : !this.slots.has(owner);
  }
}

/** Characters of text a worker has in flight. */
function charsInFlight(slot: Slot): number {
  let chars = 0;
  for (const job of slot.jobs) chars += job.request.text.length;
  return chars;
}

/** Whether a worker takes another file now (PIPELINE_CHARS, PIPELINE_FILES; an idle one always does). */
function roomFor(slot: Slot): boolean {
  return slot.jobs.length === 0 || (slot.jobs.length < PIPELINE_FILES && charsInFlight(slot) < PIPELINE_CHARS);
}
