// Finds and reads the workspace config for the CLI: `--config FILE`, or the nearest
// `.podwise.yaml` walking up from the current folder. The parsing itself is the engine's.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseConfigFile } from '../engine/config/config-file';
import type { Finding } from '../engine/types';
import { CONFIG_FILE_NAME, type PodwiseSettings } from '../shared/settings';
import { ioMessage } from './inputs';

export interface LoadedConfig {
  /** Absolute path of the config file. */
  file: string;
  /** Folder the config's globs are relative to. */
  root: string;
  text: string;
  settings: Partial<PodwiseSettings>;
  findings: Finding[];
}

export class ConfigLoadError extends Error {}

export async function loadConfig(cwd: string, explicit: string | undefined, disabled: boolean): Promise<LoadedConfig | undefined> {
  if (disabled) return undefined;
  const file = explicit !== undefined ? path.resolve(cwd, explicit) : await findConfig(cwd);
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigLoadError(`cannot read config ${explicit ?? file}: ${ioMessage(error)}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const { settings, findings } = parseConfigFile(text);
  return { file, root: path.dirname(file), text, settings, findings };
}

async function findConfig(start: string): Promise<string | undefined> {
  let folder = path.resolve(start);
  for (;;) {
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    try {
      const stat = await fs.stat(candidate);
      if (stat.isFile()) return candidate;
    } catch {
      // not here; go up
    }
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}
