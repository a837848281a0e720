// The worker threads `podwise check` prepares and checks files on (one file per worker at a time;
// the two phases are in prepared-file.ts), with the guards that keep a run from hanging: a worker
// that dies fails only the file it was working on (an `internal error` for that file, exit code 2)
// and is replaced; a file that runs far past the time limit is stopped by a watchdog the same way.
// Workers that cannot even start (the bundle is missing or broken) are not retried: the files run
// in-process instead, so the result is the same.
//
// A file is checked on the worker that prepared it, which kept its parses. A worker with nothing
// of its own left to check takes the last waiting file of a worker that has two or more waiting:
// parsing it again costs less than waiting. The main thread never parses: the run objects come
// from the workers v8-serialized and go back to every worker as they came.
// https://nodejs.org/api/worker_threads.html
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { RunObject } from '../engine/run-objects';
import type { CheckBackend, LoadedInput } from './check-backend';
import { analyzePrepared, PreparedStore } from './prepared-file';
import { placeFindings, type CliFinding } from './report';
import { WATCHDOG_ENV, WORKER_BUNDLE, type WorkerMessage, type WorkerRequest } from './worker-protocol';

export interface PoolOptions {
  /** Workers to start. */
  size: number;
  /** A file whose analysis takes longer than this (ms) is stopped; undefined: no watchdog. */
  watchdogMs?: number;
  /** The worker bundle; default: cli-worker.js next to the running bundle. */
  workerFile?: string;
}

type Reply = Extract<WorkerMessage, { kind: 'prepared' | 'done' }>;

interface Job {
  request: Extract<WorkerRequest, { kind: 'prepare' | 'check' }>;
  /** The worker that kept this file's parses (phase two). */
  preferred?: Slot;
  /** The same work in this thread: when no worker can run it. */
  local: () => Promise<void>;
  resolve: (reply: Reply, slot: Slot) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
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

export class AnalysisPool implements CheckBackend {
  readonly parallel = true;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closing = false;
  /** No worker can run: queued and later files are prepared and checked in-process. */
  private inProcess = false;
  /** Per prepared file: the worker that kept its parses, and its run objects (v8-serialized). */
  private readonly prepared = new Map<number, { slot?: Slot; runObjects: Uint8Array | null }>();
  /** The run's objects as sent to the workers; `shared` counts the times they were set. */
  private runObjectFiles: Uint8Array[] | null = null;
  private shared = 0;
  /** In-process fallback: its kept parses and, once needed, the run's objects deserialized. */
  private readonly localStore = new PreparedStore();
  private localRunObjects: RunObject[] | undefined;

  constructor(private readonly options: PoolOptions & { workerFile: string }) {
    for (let i = 0; i < options.size; i += 1) this.spawn();
  }

  get size(): number {
    return this.options.size;
  }

  prepare(file: number, loaded: LoadedInput, collect: boolean, only?: string): Promise<void> {
    const filePath = collect ? loaded.absolute : undefined;
    return new Promise<void>((resolve, reject) => {
      const id = this.nextId++;
      this.submit({
        request: { kind: 'prepare', id, file, name: loaded.name, text: loaded.text, ...(filePath !== undefined ? { filePath } : {}), ...(only !== undefined ? { only } : {}) },
        local: async () => {
          this.prepared.set(file, { runObjects: this.prepareLocally(file, loaded.text, filePath, only) });
          resolve();
        },
        resolve: (reply, slot) => {
          this.prepared.set(file, { slot, runObjects: reply.kind === 'prepared' ? reply.runObjects : null });
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
    const preferred = this.prepared.get(file)?.slot;
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
    const slot: Slot = { worker, ready: false, shared: 0 };
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
      const job = slot.job;
      clearTimeout(slot.timer);
      slot.job = undefined;
      if (job !== undefined && job.request.id === message.id) {
        if (message.kind === 'failed') job.reject(new Error(message.message));
        else job.resolve(message, slot);
      }
    }
    this.pump();
  }

  private onExit(slot: Slot, code: number): void {
    if (this.closing || !this.slots.delete(slot)) return;
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = undefined;
    if (job !== undefined) {
      const why = slot.hung
        ? `checking it took longer than ${Math.round((this.options.watchdogMs ?? 0) / 1000)} s, so its worker was stopped`
        : `the worker checking it stopped (${slot.error?.message ?? `exit code ${code}`})`;
      job.reject(new Error(why));
    }
    // A worker that died before it was ready will not do better next time: no respawn.
    if (slot.ready) this.spawn();
    else if (this.slots.size === 0) this.inProcess = true;
    this.pump();
  }

  private pump(): void {
    if (this.inProcess) {
      for (const job of this.queue.splice(0)) this.runLocally(job);
      return;
    }
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.job !== undefined) continue;
      const index = this.pick(slot);
      if (index === -1) continue;
      const [job] = this.queue.splice(index, 1);
      slot.job = job;
      if (this.options.watchdogMs !== undefined) {
        slot.timer = setTimeout(() => {
          slot.hung = true;
          void slot.worker.terminate();
        }, this.options.watchdogMs);
      }
      try {
        // The run's objects go to each worker once, before its first check.
        if (job.request.kind === 'check' && slot.shared !== this.shared) {
          slot.worker.postMessage({ kind: 'run-objects', files: this.runObjectFiles } satisfies WorkerRequest);
          slot.shared = this.shared;
        }
        slot.worker.postMessage(job.request satisfies WorkerRequest);
      } catch {
        // Data that cannot cross to a worker: this file is done here instead.
        clearTimeout(slot.timer);
        slot.job = undefined;
        this.runLocally(job);
      }
    }
  }

  /**
   * The next job for an idle worker: the first one that is its own or nobody's (or whose worker
   * is gone); else the last one of a worker with two or more waiting; else none (-1).
   */
  private pick(slot: Slot): number {
    const waiting = new Map<Slot, number>();
    for (let index = 0; index < this.queue.length; index += 1) {
      const preferred = this.queue[index].preferred;
      if (preferred === undefined || preferred === slot || !this.slots.has(preferred)) return index;
      waiting.set(preferred, (waiting.get(preferred) ?? 0) + 1);
    }
    for (let index = this.queue.length - 1; index >= 0; index -= 1) {
      const preferred = this.queue[index].preferred;
      if (preferred !== undefined && (waiting.get(preferred) ?? 0) >= 2) return index;
    }
    return -1;
  }
}
