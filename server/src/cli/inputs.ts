// Turns the paths on the command line into the list of files to check: files as given, folders
// recursed (YAML and JSON files; node_modules, .git and other VCS folders skipped), `-` for stdin.
// What a walk follows and skips: see collectInputs.
import { promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../shared/settings';
import { noteRunInputs } from './kustomize-inputs';

export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface InputFile {
  /** Absolute path; undefined for stdin. */
  absolute?: string;
  stdin?: boolean;
  /** True when named on the command line (not found by recursing a folder). */
  explicit: boolean;
}

export interface CollectOptions {
  /** `--follow-symlinks`: follow links found in folders wherever they lead. */
  followSymlinks: boolean;
}

export interface CollectResult {
  files: InputFile[];
  /** Paths that do not exist or cannot be listed: exit code 2. */
  problems: string[];
  /** Symbolic links found in folders that lead outside every folder named, and were not followed. */
  linksNotFollowed: number;
}

/**
 * Folders are walked in sorted order. Inside them only regular files are taken: a FIFO, socket or
 * device named `*.yaml` is skipped without a word (as `grep -r` skips devices), because opening a
 * FIFO waits for a writer that may never come. A symbolic link is followed when its target is
 * inside one of the folders named on the command line (a link within the tree), else only with
 * `--follow-symlinks`: `check .` must not read `/usr` through a stray `outside -> /usr` link.
 * Each real folder is walked once, so a link loop ends. Paths named on the command line are
 * always read, links or not.
 */
export async function collectInputs(paths: readonly string[], cwd: string, options: CollectOptions = { followSymlinks: false }): Promise<CollectResult> {
  const files: InputFile[] = [];
  const problems: string[] = [];
  /** Real paths of the files taken, so a file reached through a link is checked once. */
  const seen = new Set<string>();
  const visitedFolders = new Set<string>();
  let linksNotFollowed = 0;
  let stdinSeen = false;

  const addFile = (absolute: string, real: string, explicit: boolean) => {
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ absolute, explicit });
  };

  const named: { given: string; absolute: string; stat?: Stats; real?: string }[] = [];
  for (const given of paths) {
    if (given === '-') {
      named.push({ given, absolute: '-' });
      continue;
    }
    const absolute = path.resolve(cwd, given);
    try {
      const stat = await fs.stat(absolute);
      // /dev/fd/63 (bash's `<(…)`) has no real path: its link names "pipe:[…]".
      const real = await fs.realpath(absolute).catch(() => absolute);
      named.push({ given, absolute, stat, real });
    } catch (error) {
      problems.push(`${given}: ${ioMessage(error)}`);
    }
  }
  const roots = named.filter((item) => item.stat?.isDirectory()).map((item) => item.real as string);
  const insideRoots = (real: string) => roots.some((root) => relativeTo(root, real) !== undefined);

  const walk = async (folder: string, real: string): Promise<void> => {
    if (visitedFolders.has(real)) return; // a link loop, or a folder reached twice
    visitedFolders.add(real);
    let entries;
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
      problems.push(`cannot read folder ${display(folder, cwd)}: ${ioMessage(error)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      let entryReal = path.join(real, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          entryReal = await fs.realpath(full);
          if (!options.followSymlinks && !insideRoots(entryReal)) {
            linksNotFollowed += 1;
            continue;
          }
          const stat = await fs.stat(entryReal);
          isDirectory = stat.isDirectory();
          isFile = stat.isFile();
        } catch {
          continue; // a dangling link or a link loop inside a folder is not worth failing the run
        }
      }
      if (isDirectory) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await walk(full, entryReal);
      } else if (isFile && isManifestName(entry.name)) {
        addFile(full, entryReal, false);
      }
    }
  };

  for (const item of named) {
    if (item.absolute === '-') {
      if (!stdinSeen) files.push({ stdin: true, explicit: true });
      stdinSeen = true;
    } else if (item.stat?.isDirectory()) {
      await walk(item.absolute, item.real as string);
    } else {
      addFile(item.absolute, item.real as string, true);
    }
  }
  noteRunInputs(files);
  return { files, problems, linksNotFollowed };
}

export function isManifestName(name: string): boolean {
  if (name === CONFIG_FILE_NAME) return false;
  const lower = name.toLowerCase();
  return MANIFEST_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** How a file is named in the output: relative to the cwd when inside it, absolute otherwise. */
export function display(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  if (relative === '') return '.';
  if (relative.startsWith('..') || path.isAbsolute(relative)) return absolute.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}

/** Path relative to `root` with `/` separators, or undefined when outside it. */
export function relativeTo(root: string, absolute: string): string | undefined {
  const relative = path.relative(root, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

export function ioMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return (error as Error | undefined)?.message?.split('\n')[0] ?? String(error);
  }
}
