// Kustomize awareness for `podwise check`/`podwise fix` (engine/kustomize/*): each file gets its
// role (a kustomization with the state of its entries, a patch, a resource its kustomizations
// label) from the kustomizations above it and those among the run's inputs (an overlay listing a
// base in another folder), read once per run (node/kustomize-files.ts).
//
// The files a run reads are read once (the answers are kept for the whole run), so the graph of a
// file depends only on its folder: it is built once per folder, not twice per file (classifying
// and analysing each file walked every parent folder again).
import * as path from 'node:path';
import type { AnalyzeOptions } from '../engine/analyze';
import { KUSTOMIZATION_FILE_NAMES, kustomizeRoleOf, type KustomizeGraph } from '../engine/kustomize';
import { createKustomizeFiles, type KustomizeFiles } from '../node/kustomize-files';

let files: KustomizeFiles = createKustomizeFiles();
let runKustomizations: readonly string[] = [];
/** The graph per folder of this run. */
let graphs = new Map<string, KustomizeGraph>();

/** A new run (collectInputs): answers of the last one are dropped, and its kustomization inputs noted. */
export function noteRunInputs(inputs: readonly { absolute?: string; stdin?: boolean }[]): void {
  files = createKustomizeFiles();
  graphs = new Map();
  runKustomizations = inputs
    .filter((input) => !input.stdin && input.absolute !== undefined && KUSTOMIZATION_FILE_NAMES.includes(path.basename(input.absolute)))
    .map((input) => input.absolute as string);
}

/** The `kustomize` analysis option for a file of the run (nothing for standard input). */
export function kustomizeOptions(absolute: string | undefined, text: string, stdin: boolean): Pick<AnalyzeOptions, 'kustomize'> {
  if (stdin || absolute === undefined) return {};
  // A kustomization's role comes from its own text (KustomizeFiles.roleFor); any other file's from the graph.
  const role = KUSTOMIZATION_FILE_NAMES.includes(path.basename(absolute))
    ? files.roleFor(absolute, text, runKustomizations)
    : kustomizeRoleOf(kustomizeGraphFor(absolute), absolute);
  return role ? { kustomize: role } : {};
}

/** The graph classifyFile sees for a file of the run (the same kustomizations as its role). */
export function kustomizeGraphFor(absolute: string | undefined): KustomizeGraph | undefined {
  if (absolute === undefined) return undefined;
  const folder = path.dirname(path.resolve(absolute));
  let graph = graphs.get(folder);
  if (graph === undefined) {
    graph = files.graphFor(absolute, runKustomizations);
    graphs.set(folder, graph);
  }
  return graph;
}
