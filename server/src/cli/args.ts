// Command-line arguments of `podwise`. Hand-rolled so every mistake gets a clear message (and a
// "did you mean") and exit code 2, never a stack trace.
import { closest, distance } from 'fastest-levenshtein';
import { normalizeSettings } from '../engine/config/normalize-settings';
import { CLI_TIME_LIMIT_MS } from '../engine/limits';
import type { KubernetesVersion, Severity } from '../engine/types';
import type { PodSecurityLevel, RuleSetting } from '../shared/settings';

/** `text`: grouped by file (like eslint's stylish); `compact`: `file:line:col severity rule message`. */
export type OutputFormat = 'text' | 'compact' | 'json' | 'sarif';
export const FORMATS: readonly OutputFormat[] = ['text', 'compact', 'json', 'sarif'];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
const COMMANDS = ['check', 'fix'] as const;

export interface CliOptions {
  command: 'check' | 'fix' | 'help' | 'version';
  paths: string[];
  format: OutputFormat;
  /** Report (and fix) only findings at or above this severity; `--quiet` is `error`. */
  minSeverity: Severity;
  /** `--max-warnings N`: exit code 1 when more warnings than this are found. */
  maxWarnings?: number;
  /** `podwise fix --dry-run`: print a unified diff, write nothing. */
  dryRun: boolean;
  /** `--color` / `--no-color`; undefined: decide from the terminal and NO_COLOR / FORCE_COLOR. */
  color?: boolean;
  kubernetesVersion?: KubernetesVersion;
  /** `--pod-security off|baseline|restricted`: the Pod Security Standard to check against. */
  podSecurity?: PodSecurityLevel;
  staticPod: boolean;
  rules: Record<string, RuleSetting>;
  config?: string;
  noConfig: boolean;
  stdinFilename?: string;
  followSymlinks: boolean;
  /** `--time-limit SECONDS`: wall-clock budget per file; undefined: none (`--time-limit 0`). */
  timeLimitMs?: number;
  /** `--jobs N`: files checked at once, by the main thread and N - 1 workers (1: in-process); undefined: decided per run (jobs.ts). */
  jobs?: number;
  /** `--crd PATH` (repeatable): files or folders of CustomResourceDefinitions, read for the run, not checked. */
  crds: string[];
  /** `--workspace-complete`: the files checked hold every object they refer to (setting `workspaceIsComplete`). */
  workspaceIsComplete?: boolean;
}

/** A mistake on the command line: printed with the usage hint, exit code 2. */
export class UsageError extends Error {}

const VALUE_OPTIONS = [
  '--format',
  '--kubernetes-version',
  '--pod-security',
  '--rule',
  '--config',
  '--stdin-filename',
  '--max-warnings',
  '--min-severity',
  '--time-limit',
  '--jobs',
  '--crd',
] as const;
const FLAG_OPTIONS = [
  '--static-pod',
  '--no-config',
  '--follow-symlinks',
  '--help',
  '--version',
  '--quiet',
  '--fix',
  '--dry-run',
  '--color',
  '--no-color',
  '--workspace-complete',
] as const;
const SHORT: Record<string, string> = { '-f': '--format', '-k': '--kubernetes-version', '-c': '--config', '-h': '--help', '-V': '--version', '-q': '--quiet' };

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    command: 'check',
    paths: [],
    format: 'text',
    minSeverity: 'hint',
    dryRun: false,
    staticPod: false,
    rules: {},
    crds: [],
    noConfig: false,
    followSymlinks: false,
    timeLimitMs: CLI_TIME_LIMIT_MS,
  };
  let command: string | undefined;
  let help = false;
  let version = false;
  let quiet = false;
  let fix = false;
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      if (command === undefined) command = arg;
      else options.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = arg.indexOf('=');
    let rawName = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    let inline: string | undefined = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    // `-k1.33` (and `-k=1.33`): a short value option with its value attached, as getopt reads it.
    if (!arg.startsWith('--') && arg.length > 2 && (VALUE_OPTIONS as readonly string[]).includes(SHORT[arg.slice(0, 2)] ?? '')) {
      rawName = arg.slice(0, 2);
      inline = arg.slice(2).replace(/^=/, '');
    }
    const name = SHORT[rawName] ?? rawName;
    if ((VALUE_OPTIONS as readonly string[]).includes(name)) {
      if (inline === undefined) {
        i += 1;
        if (i >= argv.length) throw new UsageError(`${name} needs a value.`);
        inline = argv[i];
      }
      applyValue(options, name, inline);
      continue;
    }
    if (!(FLAG_OPTIONS as readonly string[]).includes(name)) {
      const known = [...VALUE_OPTIONS, ...FLAG_OPTIONS];
      const guess = closest(name, known);
      const hint = distance(name, guess) <= 3 ? ` Did you mean ${guess}?` : '';
      throw new UsageError(`Unknown option ${rawName}.${hint}`);
    }
    if (inline !== undefined) throw new UsageError(`${name} takes no value.`);
    if (name === '--help') help = true;
    else if (name === '--version') version = true;
    else if (name === '--static-pod') options.staticPod = true;
    else if (name === '--no-config') options.noConfig = true;
    else if (name === '--follow-symlinks') options.followSymlinks = true;
    else if (name === '--quiet') quiet = true;
    else if (name === '--fix') fix = true;
    else if (name === '--dry-run') options.dryRun = true;
    else if (name === '--color') options.color = true;
    else if (name === '--no-color') options.color = false;
    else if (name === '--workspace-complete') options.workspaceIsComplete = true;
  }
  if (version) return { ...options, command: 'version' };
  if (help) return { ...options, command: 'help' };
  if (command === undefined) throw new UsageError('Missing command: use "podwise check [paths…]" or "podwise fix [paths…]".');
  if (!(COMMANDS as readonly string[]).includes(command)) {
    const guess = closest(command, [...COMMANDS]);
    const hint = distance(command, guess) <= 2 ? ` Did you mean "${guess}"?` : '';
    throw new UsageError(`Unknown command "${command}".${hint} The commands are "podwise check [paths…]" and "podwise fix [paths…]".`);
  }
  // `podwise check --fix` is `podwise fix`, as in eslint.
  options.command = command === 'fix' || fix ? 'fix' : 'check';
  if (options.dryRun && options.command !== 'fix') throw new UsageError('--dry-run goes with "podwise fix" (or "podwise check --fix").');
  if (quiet) options.minSeverity = 'error';
  if (options.config && options.noConfig) throw new UsageError('--config and --no-config exclude each other.');
  return options;
}

/** True when `severity` is at or above `minimum` (error > warning > info > hint). */
export function atOrAbove(severity: Severity, minimum: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(minimum);
}

function applyValue(options: CliOptions, name: string, value: string): void {
  switch (name) {
    case '--format':
      if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${value}".`);
      options.format = value as OutputFormat;
      return;
    case '--kubernetes-version': {
      // The same check, and the same words, as for editor settings and `.podwise.yaml`.
      const { settings, problems } = normalizeSettings('cli', { kubernetesVersion: value });
      if (problems.length > 0 || settings.kubernetesVersion === undefined) throw new UsageError(`--kubernetes-version: ${problems[0]?.message ?? 'not a version'}`);
      options.kubernetesVersion = settings.kubernetesVersion;
      return;
    }
    case '--pod-security': {
      const { settings, problems } = normalizeSettings('cli', { podSecurity: value });
      if (problems.length > 0 || settings.podSecurity === undefined) throw new UsageError(`--pod-security: ${problems[0]?.message ?? 'not a level'}`);
      options.podSecurity = settings.podSecurity;
      return;
    }
    case '--rule': {
      const match = /^([^=]+)=(.*)$/.exec(value);
      if (!match) throw new UsageError(`--rule takes id=severity, for example --rule image-latest-tag=off (got "${value}").`);
      const id = match[1].trim();
      const { settings, problems } = normalizeSettings('cli', { rules: { [id]: match[2].trim() } });
      if (problems.length > 0) throw new UsageError(`--rule ${id}: ${problems[0].message}`);
      Object.assign(options.rules, settings.rules);
      return;
    }
    case '--config':
      options.config = value;
      return;
    case '--crd':
      if (value.trim() === '') throw new UsageError('--crd takes a file or folder of CustomResourceDefinitions.');
      options.crds.push(value);
      return;
    case '--stdin-filename':
      options.stdinFilename = value;
      return;
    case '--max-warnings': {
      // -1 is eslint's "no limit", accepted so scripts written for it work.
      if (!/^(?:\d{1,9}|-1)$/.test(value.trim())) throw new UsageError(`--max-warnings takes a whole number (0 or more), not "${value}".`);
      const limit = Number(value.trim());
      options.maxWarnings = limit < 0 ? undefined : limit;
      return;
    }
    case '--time-limit': {
      if (!/^\d{1,6}(?:\.\d{1,3})?$/.test(value.trim())) throw new UsageError(`--time-limit takes seconds (0 for no limit), not "${value}".`);
      const seconds = Number(value.trim());
      options.timeLimitMs = seconds === 0 ? undefined : seconds * 1000;
      return;
    }
    case '--jobs': {
      if (!/^\d{1,3}$/.test(value.trim()) || Number(value.trim()) < 1) throw new UsageError(`--jobs takes a whole number (1 or more), not "${value}".`);
      options.jobs = Number(value.trim());
      return;
    }
    case '--min-severity':
      if (!(SEVERITIES as readonly string[]).includes(value)) throw new UsageError(`--min-severity must be one of ${SEVERITIES.join(', ')}, not "${value}".`);
      options.minSeverity = value as Severity;
      return;
  }
}
