// Kustomize awareness for `podwise check`/`podwise fix` (engine/kustomize/*): each file gets its
// role (a kustomization with the state of its entries, a patch, a resource its kustomizations
// label) from the kustomizations above it and those among the run's inputs (an overlay listing a
// base in another folder), read once per run (node/kustomize-files.ts).
import * as path from 'node:path';
import type { AnalyzeOptions } from '../engine/analyze';
import { KUSTOMIZATION_FILE_NAMES } from '../engine/kustomize';
import { createKustomizeFiles, type KustomizeFiles } from '../node/kustomize-files';

let files: KustomizeFiles = createKustomizeFiles();
let runKustomizations: readonly string[] = [];

/** A new run (collectInputs): answers of the last one are dropped, and its kustomization inputs noted. */
export function noteRunInputs(inputs: readonly { absolute?: string; stdin?: boolean }[]): void {
  files = createKustomizeFiles();
  runKustomizations = inputs
    .filter((input) => !input.stdin && input.absolute !== undefined && KUSTOMIZATION_FILE_NAMES.includes(path.basename(input.absolute)))
    .map((input) => input.absolute as string);
}

/** The `kustomize` analysis option for a file of the run (nothing for standard input). */
export function kustomizeOptions(absolute: string | undefined, text: string, stdin: boolean): Pick<AnalyzeOptions, 'kustomize'> {
  if (stdin || absolute === undefined) return {};
  const role = files.roleFor(absolute, text, runKustomizations);
  return role ? { kustomize: role } : {};
}

/** The graph classifyFile sees for a file of the run (the same kustomizations as its role). */
export function kustomizeGraphFor(absolute: string | undefined): ReturnType<KustomizeFiles['graphFor']> | undefined {
  return absolute === undefined ? undefined : files.graphFor(absolute, runKustomizations);
}
