// What the CLI's main thread and its analysis workers (analysis-worker.ts) say to each other.
// Everything here crosses a worker_threads message port, so it is plain data (structured clone).
import type { AnalyzeOptions } from '../engine/analyze';
import type { CliFinding } from './report';

/** The bundle the workers run: next to cli.js in dist/server (scripts/build.mjs). */
export const WORKER_BUNDLE = 'cli-worker.js';

/** One file to analyse: its name in the output, its decoded text and the engine options. */
export interface AnalysisRequest {
  id: number;
  name: string;
  text: string;
  /** The engine options, without runObjects (sent apart: see below). */
  options: AnalyzeOptions;
  /**
   * The Services and Namespaces of the run, sent to a worker with its first file and again only
   * when they change (null: none); a request without the field uses the ones the worker holds.
   */
  runObjects?: AnalyzeOptions['runObjects'] | null;
}

export type WorkerMessage =
  /** Sent once the worker has loaded the engine: from then on a failure is about a file, not the set-up. */
  | { kind: 'ready' }
  | { kind: 'done'; id: number; findings: CliFinding[] }
  /** The engine threw: the same `internal error` the in-process run reports. */
  | { kind: 'failed'; id: number; message: string };

/**
 * Test hooks, read by the worker only: `PODWISE_TEST_WORKER_FAULT=crash:<suffix>` or
 * `hang:<suffix>` makes the worker crash or spin on a file whose name ends with the suffix, and
 * `PODWISE_TEST_WORKER_WATCHDOG_MS` shortens the watchdog, so the recovery paths can be tested.
 */
export const FAULT_ENV = 'PODWISE_TEST_WORKER_FAULT';
export const WATCHDOG_ENV = 'PODWISE_TEST_WORKER_WATCHDOG_MS';
