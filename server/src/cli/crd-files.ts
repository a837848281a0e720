// The CustomResourceDefinition files of a `podwise check` run: `--crd PATH` (a file, or a folder
// walked for YAML and JSON files) and the config's `crds` setting (paths or globs; relative ones
// from the config's folder, `~/` from the home folder). They are read for their CRDs only, which
// join the run's objects so custom resources are validated against them; they are never checked
// themselves. https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { display, ioMessage, isManifestName, type InputFile } from './inputs';

/** At most this many CRD files are read (as the `crds` setting says), and folder entries looked at. */
export const MAX_CRD_FILES = 500;
const MAX_ENTRIES = 20_000;
const MAX_DEPTH = 12;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface CrdFiles {
  files: InputFile[];
  /** A `--crd` path that cannot be read: exit code 2. */
  problems: string[];
  /** Not failures: a config entry that matches nothing, a limit reached. */
  notes: string[];
}

/** `flagPaths` from the command line (relative to `cwd`), then `configPaths` (relative to `configRoot`). */
export async function collectCrdFiles(flagPaths: readonly string[], configPaths: readonly string[], cwd: string, configRoot: string): Promise<CrdFiles> {
  const result: CrdFiles = { files: [], problems: [], notes: [] };
  const seen = new Set<string>();
  const budget = { entries: 0 };
  let overflow = false;
  const add = (absolute: string, explicit: boolean) => {
    if (seen.has(absolute)) return;
    if (seen.size >= MAX_CRD_FILES) {
      overflow = true;
      return;
    }
    seen.add(absolute);
    result.files.push({ absolute, explicit });
  };
  const walk = async (folder: string, depth: number, matches?: (file: string) => boolean): Promise<void> => {
    if (depth > MAX_DEPTH) return;
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (overflow || ++budget.entries > MAX_ENTRIES) return;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) await walk(full, depth + 1, matches);
      else if (entry.isFile() && isManifestName(entry.name) && (matches === undefined || matches(full.split(path.sep).join('/')))) add(full, false);
    }
  };
  for (const given of flagPaths) {
    const absolute = path.resolve(cwd, given);
    try {
      const stat = await fs.stat(absolute);
      if (stat.isDirectory()) await walk(absolute, 0);
      else add(absolute, true);
    } catch (error) {
      result.problems.push(`--crd ${given}: ${ioMessage(error)}`);
    }
  }
  for (const entry of configPaths) {
    const expanded = entry.startsWith('~/') ? path.join(os.homedir(), entry.slice(2)) : entry;
    const absolute = path.resolve(configRoot, expanded);
    const parts = absolute.split(/[\\/]/);
    const firstGlob = parts.findIndex((part) => /[*?[\]{}]/.test(part));
    if (firstGlob >= 0) {
      const base = parts.slice(0, firstGlob).join(path.sep) || path.sep;
      await walk(base, 0, picomatch(parts.join('/'), { dot: false }));
      continue;
    }
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (stat?.isDirectory()) await walk(absolute, 0);
    else if (stat) add(absolute, false);
    else result.notes.push(`crds: ${display(absolute, cwd)} does not exist; its CRDs are not known to this run`);
  }
  if (overflow) result.notes.push(`crds: only the first ${MAX_CRD_FILES} CRD files are read`);
  return result;
}
