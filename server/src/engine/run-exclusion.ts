// Which run an array of run objects was cut from (run-objects.ts `runObjectsExcept`), kept apart
// from run-objects.ts so the rules' lookups (k8s/run-lookup.ts, k8s/run-pod-labels.ts) can ask
// without importing the parser. Generic over the element type, so it imports nothing.

/** A run without one file's objects: its whole run and the test it applied. */
export interface RunExclusion<T> {
  base: readonly T[];
  keeps: (object: T) => boolean;
}

const exclusions = new WeakMap<readonly object[], RunExclusion<never>>();

/** Records that `filtered` is `exclusion.base` less what `exclusion.keeps` refuses. */
export function noteRunExclusion<T extends object>(filtered: readonly T[], exclusion: RunExclusion<T>): void {
  exclusions.set(filtered, exclusion as unknown as RunExclusion<never>);
}

/**
 * The whole run behind an array runObjectsExcept made (undefined for any other array), so what is
 * derived from a run (indexes by name, workloads by label) is built once per run and filtered per
 * file, not rebuilt for each of a CLI run's files.
 */
export function runExclusion<T extends object>(objects: readonly T[]): RunExclusion<T> | undefined {
  return exclusions.get(objects) as RunExclusion<T> | undefined;
}
