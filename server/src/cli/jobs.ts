// How many threads `podwise check` uses (`--jobs`: the CLI's own and N - 1 workers, worker-pool.ts).
// Starting a worker costs about as much as checking a few small files (each loads the engine and
// its validators), so a small run stays in-process; a large one gets one thread per core, at least
// 2 and at most 4 by default.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import type { InputFile } from './inputs';

/** Runs with fewer files than this, or fewer bytes in all, are checked in-process by default. */
export const MIN_FILES_FOR_WORKERS = 8;
export const MIN_BYTES_FOR_WORKERS = 256 * 1024;
export const MAX_DEFAULT_JOBS = 4;

/** `--jobs` when not given: the cores Node may use, between 2 and MAX_DEFAULT_JOBS. */
export function defaultJobs(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.min(MAX_DEFAULT_JOBS, Math.max(2, cores));
}

/**
 * Workers for this run; 0: check in-process. An explicit `--jobs N` is taken as asked (never more
 * workers than files, and one file gains nothing from a worker); without it, small runs stay in-process.
 */
export async function workerCount(files: readonly InputFile[], jobs: number | undefined): Promise<number> {
  const wanted = jobs ?? defaultJobs();
  const count = Math.min(wanted, files.length);
  if (count < 2) return 0;
  if (jobs === undefined && (files.length < MIN_FILES_FOR_WORKERS || (await totalBytesBelow(files, MIN_BYTES_FOR_WORKERS)))) return 0;
  return count;
}

/** Whether the files add up to fewer than `limit` bytes (stops at the limit; unreadable and stdin count 0). */
async function totalBytesBelow(files: readonly InputFile[], limit: number): Promise<boolean> {
  let total = 0;
  for (const file of files) {
    if (file.absolute === undefined) continue;
    total += await fs.stat(file.absolute).then(
      (stat) => (stat.isFile() ? stat.size : 0),
      () => 0,
    );
    if (total >= limit) return false;
  }
  return true;
}
