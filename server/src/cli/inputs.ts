// Turns the paths on the command line into the list of files to check: files as given, folders
// recursed (YAML and JSON files; node_modules, .git and other VCS folders skipped), `-` for stdin.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../shared/settings';

export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface InputFile {
  /** Absolute path; undefined for stdin. */
  absolute?: string;
  stdin?: boolean;
  /** True when named on the command line (not found by recursing a folder). */
  explicit: boolean;
}

export interface CollectResult {
  files: InputFile[];
  /** Paths that do not exist or cannot be listed: exit code 2. */
  problems: string[];
}

export async function collectInputs(paths: readonly string[], cwd: string): Promise<CollectResult> {
  const files: InputFile[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const visitedFolders = new Set<string>();
  let stdinSeen = false;

  const addFile = (absolute: string, explicit: boolean) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push({ absolute, explicit });
  };

  const walk = async (folder: string): Promise<void> => {
    let real: string;
    try {
      real = await fs.realpath(folder);
    } catch {
      real = folder;
    }
    if (visitedFolders.has(real)) return; // a symlink loop
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
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const stat = await fs.stat(full);
          isDirectory = stat.isDirectory();
          isFile = stat.isFile();
        } catch {
          continue; // a dangling link inside a folder is not worth failing the run
        }
      }
      if (isDirectory) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await walk(full);
      } else if (isFile && isManifestName(entry.name)) {
        addFile(full, false);
      }
    }
  };

  for (const given of paths) {
    if (given === '-') {
      if (!stdinSeen) files.push({ stdin: true, explicit: true });
      stdinSeen = true;
      continue;
    }
    const absolute = path.resolve(cwd, given);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (error) {
      problems.push(`${given}: ${ioMessage(error)}`);
      continue;
    }
    if (stat.isDirectory()) await walk(absolute);
    else addFile(absolute, true);
  }
  return { files, problems };
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
