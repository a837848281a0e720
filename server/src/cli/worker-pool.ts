// The worker threads `podwise check` analyses files on (one file per worker at a time), with the
// guards that keep a run from hanging: a worker that dies fails only the file it was checking
// (an `internal error` for that file, exit code 2) and is replaced; a file that runs far past the
// time limit is stopped by a watchdog the same way. Workers that cannot even start (the bundle is
// missing or broken) are not retried: the files run in-process instead, so the result is the same.
// https://nodejs.org/api/worker_threads.html
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkText, type LoadedText } from './check';
import type { CliFinding } from './report';
import { WATCHDOG_ENV, WORKER_BUNDLE, type AnalysisRequest, type WorkerMessage } from './worker-protocol';

export interface PoolOptions {
  /** Workers to start. */
  size: number;
  /** A file whose analysis takes longer than this (ms) is stopped; undefined: no watchdog. */
  watchdogMs?: number;
  /** The worker bundle; default: cli-worker.js next to the running bundle. */
  workerFile?: string;
}

interface Job {
  loaded: LoadedText;
  request: AnalysisRequest;
  /** The run's objects of this file's options (AnalysisRequest.runObjects). */
  runObjects: AnalysisRequest['runObjects'];
  resolve: (findings: CliFinding[]) => void;
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
  /** The run's objects this worker holds (sent once, not with every file). */
  runObjects?: AnalysisRequest['runObjects'];
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

export class AnalysisPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closing = false;
  /** No worker can run: queued and later files are checked in-process. */
  private inProcess = false;

  constructor(private readonly options: PoolOptions & { workerFile: string }) {
    for (let i = 0; i < options.size; i += 1) this.spawn();
  }

  get size(): number {
    return this.options.size;
  }

  /** A TextHandler: the file's findings, from whichever worker is free first. */
  readonly analyze = (loaded: LoadedText): Promise<CliFinding[]> => {
    if (this.inProcess) return checkText(loaded);
    return new Promise<CliFinding[]>((resolve, reject) => {
      const { runObjects, ...options } = loaded.analyzeOptions;
      this.queue.push({ loaded, runObjects, request: { id: this.nextId++, name: loaded.name, text: loaded.text, options }, resolve, reject });
      this.pump();
    });
  };

  async close(): Promise<void> {
    this.closing = true;
    const slots = [...this.slots];
    this.slots.clear();
    for (const slot of slots) clearTimeout(slot.timer);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): void {
    const worker = new Worker(this.options.workerFile);
    const slot: Slot = { worker, ready: false };
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
        if (message.kind === 'done') job.resolve(message.findings);
        else job.reject(new Error(message.message));
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
      for (const job of this.queue.splice(0)) checkText(job.loaded).then(job.resolve, job.reject);
      return;
    }
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.job !== undefined) continue;
      const job = this.queue.shift() as Job;
      slot.job = job;
      if (this.options.watchdogMs !== undefined) {
        slot.timer = setTimeout(() => {
          slot.hung = true;
          void slot.worker.terminate();
        }, this.options.watchdogMs);
      }
      try {
        // The run's objects are the same array for every file of a run: each worker gets them once.
        const sendObjects = job.runObjects !== slot.runObjects;
        slot.worker.postMessage(sendObjects ? { ...job.request, runObjects: job.runObjects ?? null } : job.request);
        slot.runObjects = job.runObjects;
      } catch {
        // Options that cannot cross to a worker (a function, say): this file is checked here instead.
        clearTimeout(slot.timer);
        slot.job = undefined;
        checkText(job.loaded).then(job.resolve, job.reject);
      }
    }
  }
}
