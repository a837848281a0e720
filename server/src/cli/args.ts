// Command-line arguments of `podwise`. Hand-rolled so every mistake gets a clear message (and a
// "did you mean") and exit code 2, never a stack trace.
import { closest, distance } from 'fastest-levenshtein';
import { ALL_RULES, isKnownRuleId } from '../engine/rules';
import type { KubernetesVersion } from '../engine/types';
import { SUPPORTED_VERSIONS, isSupportedVersion } from '../engine/versions';
import type { RuleSetting } from '../shared/settings';

export type OutputFormat = 'text' | 'json' | 'sarif';
export const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'hint', 'off'];

export interface CliOptions {
  command: 'check' | 'help' | 'version';
  paths: string[];
  format: OutputFormat;
  kubernetesVersion?: KubernetesVersion;
  staticPod: boolean;
  rules: Record<string, RuleSetting>;
  config?: string;
  noConfig: boolean;
  stdinFilename?: string;
  followSymlinks: boolean;
}

/** A mistake on the command line: printed with the usage hint, exit code 2. */
export class UsageError extends Error {}

const VALUE_OPTIONS = ['--format', '--kubernetes-version', '--rule', '--config', '--stdin-filename'] as const;
const FLAG_OPTIONS = ['--static-pod', '--no-config', '--follow-symlinks', '--help', '--version'] as const;
const SHORT: Record<string, string> = { '-f': '--format', '-k': '--kubernetes-version', '-c': '--config', '-h': '--help', '-V': '--version' };

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { command: 'check', paths: [], format: 'text', staticPod: false, rules: {}, noConfig: false, followSymlinks: false };
  let command: string | undefined;
  let help = false;
  let version = false;
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
    const rawName = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const name = SHORT[rawName] ?? rawName;
    let inline: string | undefined = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
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
  }
  if (version) return { ...options, command: 'version' };
  if (help) return { ...options, command: 'help' };
  if (command === undefined) throw new UsageError('Missing command: use "podwise check [paths…]".');
  if (command !== 'check') {
    const hint = distance(command, 'check') <= 2 ? ' Did you mean "check"?' : '';
    throw new UsageError(`Unknown command "${command}".${hint} The command is "podwise check [paths…]".`);
  }
  if (options.config && options.noConfig) throw new UsageError('--config and --no-config exclude each other.');
  return options;
}

function applyValue(options: CliOptions, name: string, value: string): void {
  switch (name) {
    case '--format':
      if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${value}".`);
      options.format = value as OutputFormat;
      return;
    case '--kubernetes-version': {
      const version = value.trim().replace(/^v/, '');
      if (!isSupportedVersion(version)) {
        throw new UsageError(`Kubernetes version "${value}" is not supported: use ${SUPPORTED_VERSIONS[0]} to ${SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1]}.`);
      }
      options.kubernetesVersion = version;
      return;
    }
    case '--rule': {
      const match = /^([^=]+)=(.*)$/.exec(value);
      if (!match) throw new UsageError(`--rule takes id=severity, for example --rule image-latest-tag=off (got "${value}").`);
      const id = match[1].trim();
      const setting = match[2].trim();
      if (!isKnownRuleId(id)) {
        const ids = ALL_RULES.map((rule) => rule.meta.id);
        const guess = ids.length ? closest(id, ids) : '';
        const hint = guess && distance(id, guess) <= Math.max(2, Math.floor(id.length / 3)) ? ` Did you mean "${guess}"?` : '';
        throw new UsageError(`Unknown rule "${id}" in --rule.${hint}`);
      }
      if (!(RULE_SETTINGS as readonly string[]).includes(setting)) {
        throw new UsageError(`--rule ${id}=${setting}: the severity must be one of ${RULE_SETTINGS.join(', ')}.`);
      }
      options.rules[id] = setting as RuleSetting;
      return;
    }
    case '--config':
      options.config = value;
      return;
    case '--stdin-filename':
      options.stdinFilename = value;
      return;
  }
}
