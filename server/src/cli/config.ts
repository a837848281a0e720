// Finds and reads the workspace config for the CLI: `--config FILE`, or the nearest
// `.podwise.yaml` walking up from the current folder. The parsing itself is the engine's.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseConfigFile } from '../engine/config/config-file';
import { decodeText } from '../engine/decode-text';
import { formatMegabytes } from '../engine/limits';
import type { Finding } from '../engine/types';
import { MAX_CONFIG_FILE_BYTES, readFileBounded } from '../shared/read-bounded';
import { CONFIG_FILE_NAME, type PodwiseSettings } from '../shared/settings';
import { display, ioMessage } from './inputs';

export interface LoadedConfig {
  /** Absolute path of the config file. */
  file: string;
  /** Folder the config's globs are relative to. */
  root: string;
  text: string;
  settings: Partial<PodwiseSettings>;
  findings: Finding[];
}

/** A config named with `--config` cannot be used: exit code 2 before anything is checked. */
export class ConfigLoadError extends Error {}

export interface ConfigResult {
  config?: LoadedConfig;
  /**
   * The nearest `.podwise.yaml` exists but cannot be used (not a regular file, too large,
   * unreadable): the run goes on with the defaults, says why on stderr and exits with code 2.
   */
  problem?: string;
}

export async function loadConfig(cwd: string, explicit: string | undefined, disabled: boolean): Promise<ConfigResult> {
  if (disabled) return {};
  const file = explicit !== undefined ? path.resolve(cwd, explicit) : await findConfig(cwd);
  if (file === undefined) return {};
  const read = await readConfig(file);
  if (typeof read === 'string') {
    if (explicit !== undefined) throw new ConfigLoadError(`cannot read config ${explicit}: ${read}`);
    return { problem: `ignoring config ${display(file, cwd)}: ${read}; the defaults apply` };
  }
  const { text } = decodeText(read);
  const { settings, findings } = parseConfigFile(text);
  return { config: { file, root: path.dirname(file), text, settings, findings } };
}

/** The bytes of a config file, or why it cannot be used. */
async function readConfig(file: string): Promise<Buffer | string> {
  let read;
  try {
    // Regular files only, opened without waiting: a FIFO named .podwise.yaml never blocks the run.
    read = await readFileBounded(file, MAX_CONFIG_FILE_BYTES, { regularOnly: true });
  } catch (error) {
    return ioMessage(error);
  }
  if (read.kind === 'not-regular') return `it is ${read.what}, not a regular file`;
  if (read.kind === 'too-large') {
    const size = read.size === undefined ? `over ${formatMegabytes(MAX_CONFIG_FILE_BYTES)}` : formatMegabytes(read.size);
    return `it is ${size} and Podwise reads config files up to ${formatMegabytes(MAX_CONFIG_FILE_BYTES)}`;
  }
  return read.bytes;
}

/**
 * The nearest `.podwise.yaml`, walking up. Anything by that name but a folder stops the walk: a
 * FIFO or socket there is reported by loadConfig rather than silently replaced by a parent's config.
 */
async function findConfig(start: string): Promise<string | undefined> {
  let folder = path.resolve(start);
  for (;;) {
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    try {
      const stat = await fs.stat(candidate);
      if (!stat.isDirectory()) return candidate;
    } catch {
      // not here; go up
    }
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}
