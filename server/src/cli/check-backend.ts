// Where `podwise check` prepares and checks its files: in-process (`--jobs 1`, small runs) or on
// worker threads and the CLI's own thread together (worker-pool.ts). Either way a file is read once on the main thread, then
// prepared (parsed once, its run objects collected) and, when every file is prepared, checked
// with the run's objects from its kept parses (prepared-file.ts).
import type { AnalyzeOptions } from '../engine/analyze';
import type { RunObject } from '../engine/run-objects';
import { analyzePrepared, PreparedStore } from './prepared-file';
import { placeFindings, type CliFinding } from './report';

/** What a backend needs of one input's text (check.ts's LoadedText). */
export interface LoadedInput {
  /** How the file is named in the output. */
  name: string;
  text: string;
  /** The file's absolute path (its run objects are filed under it); undefined for standard input. */
  absolute?: string;
  /** The engine options, but for the run's objects (the backend adds them). */
  analyzeOptions: AnalyzeOptions;
}

export interface CheckBackend {
  /**
   * Phase one for input `file`: parse it; with `collect`, collect its run objects for the run
   * (with `only`, those of that kind alone: a `--crd` file, which is never checked).
   */
  prepare(file: number, loaded: LoadedInput, collect: boolean, only?: string): Promise<void>;
  /** Between the phases: the run's objects are those of these files, in this order (undefined: the run shares none). */
  share(files: readonly number[] | undefined): void;
  /** Phase two: the file's findings, analysed with the run's objects. */
  check(file: number, loaded: LoadedInput): Promise<CliFinding[]>;
  /** True when every check may be asked for at once (workers); false: one after the other. */
  readonly parallel: boolean;
}

/** Both phases in this thread. */
export class InProcessBackend implements CheckBackend {
  readonly parallel = false;
  private readonly store = new PreparedStore();
  private readonly collected = new Map<number, RunObject[]>();
  private runObjects: RunObject[] | undefined;

  async prepare(file: number, loaded: LoadedInput, collect: boolean, only?: string): Promise<void> {
    try {
      const prepared = this.store.prepare(file, loaded.text, collect ? loaded.absolute : undefined, only);
      if (collect) this.collected.set(file, prepared.runObjects);
    } catch {
      // Nothing collected; checking the file reports what went wrong.
    }
  }

  share(files: readonly number[] | undefined): void {
    this.runObjects = files?.flatMap((file) => this.collected.get(file) ?? []);
    this.collected.clear();
  }

  async check(file: number, loaded: LoadedInput): Promise<CliFinding[]> {
    const result = analyzePrepared(loaded.text, this.store.take(file), { ...loaded.analyzeOptions, runObjects: this.runObjects });
    return placeFindings(loaded.name, loaded.text, result.findings);
  }
}
