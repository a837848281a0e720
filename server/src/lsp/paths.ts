// URIs ↔ file paths and workspace-folder membership. Only `file:` URIs have a path; untitled
// documents have none (no static-Pod path detection, no excludes, no `.podwise.yaml`).
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { CONFIG_FILE_NAME } from '../shared/settings';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/** Normalized URI for map keys (VS Code and other clients differ in percent-encoding). */
export function normalizeUri(uri: string): string {
  const filePath = uriToPath(uri);
  return filePath === undefined ? uri : pathToUri(filePath);
}

/** `a/b/c.yaml` (posix separators) when `filePath` lies inside `folder`, else undefined. */
export function relativeInside(folder: string, filePath: string): string | undefined {
  const relative = path.relative(folder, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/** The path used for globs of a file outside every workspace folder: absolute, without the root. */
export function globPathOutsideWorkspace(filePath: string): string {
  return filePath
    .split(path.sep)
    .join('/')
    .replace(/^[A-Za-z]:/, '')
    .replace(/^\/+/, '');
}

export function isConfigFile(uri: string): boolean {
  const filePath = uriToPath(uri);
  return filePath !== undefined && path.basename(filePath) === CONFIG_FILE_NAME;
}
