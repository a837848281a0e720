// What the CLI's main thread and its analysis workers (analysis-worker.ts) say to each other.
// Everything here crosses a worker_threads message port, so it is plain data (structured clone).
// A check runs in two phases (prepared-file.ts): every file is first prepared (parsed, its run
// objects collected) on some worker, then checked, preferably on the worker that kept its parses.
import type { AnalyzeOptions } from '../engine/analyze';
import type { CliFinding } from './report';

/** The bundle the workers run: next to cli.js in dist/server (scripts/build.mjs). */
export const WORKER_BUNDLE = 'cli-worker.js';

export type WorkerRequest =
  /**
   * Phase one: parse the file (keeping the parses for phase two when they fit) and, when
   * `filePath` is set, collect its run objects (with `only`, those of that kind alone: a `--crd`
   * file, never checked, nothing kept). `file` names the file in both phases.
   */
  | { kind: 'prepare'; id: number; file: number; name: string; text: string; filePath?: string; only?: string }
  /**
   * The run's objects, between the phases: one v8-serialized RunObject[] per file, in input
   * order (null: the files do not share objects). The main thread passes them on without
   * reading them; each worker deserializes them once for all its files.
   */
  | { kind: 'run-objects'; files: Uint8Array[] | null }
  /** Phase two: analyse the file (with its kept parses when this worker has them). `options` without runObjects. */
  | { kind: 'check'; id: number; file: number; name: string; text: string; options: AnalyzeOptions };

export type WorkerMessage =
  /** Sent once the worker has loaded the engine: from then on a failure is about a file, not the set-up. */
  | { kind: 'ready' }
  /** Phase one done: the file's run objects, v8-serialized (null when not collected). */
  | { kind: 'prepared'; id: number; runObjects: Uint8Array | null }
  | { kind: 'done'; id: number; findings: CliFinding[] }
  /** The engine threw: the same `internal error` the in-process run reports. */
  | { kind: 'failed'; id: number; message: string };

/**
 * Test hooks, read by the worker only: `PODWISE_TEST_WORKER_FAULT=crash:<suffix>` or
 * `hang:<suffix>` makes the worker crash or spin when it checks a file whose name ends with the
 * suffix, and `PODWISE_TEST_WORKER_WATCHDOG_MS` shortens the watchdog, so the recovery paths can be tested.
 */
export const FAULT_ENV = 'PODWISE_TEST_WORKER_FAULT';
export const WATCHDOG_ENV = 'PODWISE_TEST_WORKER_WATCHDOG_MS';
