// Runs the engine over every input, one file at a time (`analyzeText` per file), and collects
// placed findings. A file that cannot be read, is too large, or trips an engine bug never stops
// the run: it is reported and the next file is checked.
import * as path from 'node:path';
import { analyzeText, type AnalyzeOptions } from '../engine/analyze';
import { decodeText, encodingLabel, type TextEncoding } from '../engine/decode-text';
import { formatMegabytes, MAX_FILE_SIZE } from '../engine/limits';
import { classifyFile, type FileClass } from '../engine/config/classify-file';
import { applyRuleOverrides } from '../engine/config/resolve-settings';
import type { Finding } from '../engine/types';
import { readFileBounded, type BoundedBytes } from '../shared/read-bounded';
import type { PodwiseSettings } from '../shared/settings';
import { cliFileProbe } from './helm';
import { display, ioMessage, relativeTo, type InputFile } from './inputs';
import { placeFindings, type CheckReport, type CliFinding } from './report';

/** Files larger than this are not read or analysed; a `yaml-limit` info says so (the engine's limit). */
export const MAX_FILE_BYTES = MAX_FILE_SIZE;
export const STDIN_NAME = '<stdin>';

export interface CheckOptions {
  cwd: string;
  /** Folder globs are relative to: the config file's folder, else the cwd. */
  root: string;
  settings: PodwiseSettings;
  /** `--static-pod`: every input is a static-Pod manifest. */
  staticPod: boolean;
  stdinFilename?: string;
  /** Reads standard input up to `limit` bytes (and one more, to know it is too large). */
  readStdin: (limit: number) => Promise<BoundedBytes>;
  /** Notes that are not failures (an explicitly named file that the config excludes). */
  note: (message: string) => void;
  /**
   * `podwise fix`: files are to be written back, so a file named on the command line must be a
   * regular file too (a FIFO or `<(…)` cannot be fixed in place).
   */
  inPlace?: boolean;
  /** Wall-clock budget per file in ms (`--time-limit`); undefined: none. */
  timeLimitMs?: number;
}

/** One input's text, ready for the engine. */
export interface LoadedText {
  /** How the file is named in the output. */
  name: string;
  text: string;
  encoding: TextEncoding;
  /** Some bytes were not valid in the encoding and were read as U+FFFD. */
  replaced: boolean;
  /** The bytes read, to notice a file that changed before it is written back. */
  bytes: Buffer;
  /** The file's absolute path; undefined for standard input. */
  absolute?: string;
  stdin: boolean;
  analyzeOptions: AnalyzeOptions;
}

/** What is done with each input's text: checked (the default) or fixed. Returns its findings. */
export type TextHandler = (loaded: LoadedText) => Promise<CliFinding[]>;

export const checkText: TextHandler = async (loaded) => placeFindings(loaded.name, loaded.text, analyzeText(loaded.text, loaded.analyzeOptions).findings);

export async function checkFiles(inputs: readonly InputFile[], options: CheckOptions, handle: TextHandler = checkText): Promise<CheckReport> {
  const report: CheckReport = { findings: [], filesChecked: 0, helmTemplatesSkipped: 0, failures: [] };
  for (const input of inputs) {
    const name = input.stdin ? (options.stdinFilename ?? STDIN_NAME) : display(input.absolute as string, options.cwd);
    try {
      const absolute = input.stdin ? (options.stdinFilename ? resolveLike(options.cwd, options.stdinFilename) : undefined) : input.absolute;
      const fileClass = classify(input, absolute, options);
      if (fileClass === 'helm-template') {
        report.helmTemplatesSkipped += 1;
        if (input.explicit) options.note(`${name}: skipped (a Helm chart template: render it with "helm template" and check the output)`);
        continue;
      }
      if (fileClass === 'excluded') {
        if (input.explicit) options.note(`${name}: skipped (excluded by the config's exclude globs)`);
        continue;
      }
      if (fileClass === 'kustomization') {
        if (input.explicit) options.note(`${name}: skipped (a kustomization file, not a manifest: Podwise does not validate it yet)`);
        continue;
      }
      const findings = await checkOne(input, name, absolute, fileClass === 'static-pod', options, handle);
      if (findings === undefined) continue;
      report.filesChecked += 1;
      report.findings.push(...findings);
    } catch (error) {
      report.failures.push(
        `${name}: ${input.stdin || isIoError(error) || error instanceof InputError ? ioMessage(error) : `internal error: ${(error as Error)?.message ?? String(error)}`}`,
      );
    }
  }
  return report;
}

/**
 * The file's class (classifyFile: the same rule as the language server's). Standard input is
 * always checked, whatever `--stdin-filename` says: piped text is what the user asked about, and
 * `helm template … | podwise check -` is rendered output, so only the static-Pod globs apply.
 */
function classify(input: InputFile, absolute: string | undefined, options: CheckOptions): FileClass {
  const relativePath = absolute !== undefined ? relativeTo(options.root, absolute) : undefined;
  if (input.stdin) {
    const staticPod = classifyFile({
      relativePath,
      absolutePath: absolute,
      settings: { exclude: [], staticPodPaths: options.settings.staticPodPaths },
      forceStaticPod: options.staticPod,
    });
    return staticPod === 'static-pod' ? 'static-pod' : 'manifest';
  }
  return classifyFile({ relativePath, absolutePath: absolute, settings: options.settings, probe: cliFileProbe, forceStaticPod: options.staticPod });
}

async function checkOne(
  input: InputFile,
  name: string,
  absolute: string | undefined,
  staticPod: boolean,
  options: CheckOptions,
  handle: TextHandler,
): Promise<CliFinding[] | undefined> {
  const read = await readInput(input, absolute, options);
  if (read.kind === 'skip') return undefined;
  if (read.kind === 'too-large') return [tooLarge(name, read.size, options)].filter(isDefined);
  const decoded = decodeText(read.bytes);
  if (decoded.replaced) options.note(`${name}: not valid ${encodingLabel(decoded.encoding)}; the invalid bytes were read as U+FFFD`);
  const text = decoded.text;
  const analyzeOptions: AnalyzeOptions = {
    kubernetesVersion: options.settings.kubernetesVersion,
    rules: options.settings.rules,
    staticPodManifest: staticPod,
    filePath: absolute ?? name,
    // `podwise fix` must see every finding of what it rewrites, so only `check` has a budget.
    ...(options.timeLimitMs !== undefined && !options.inPlace ? { budgetMs: options.timeLimitMs, budgetNote: 'Run with --time-limit 0 to check everything.' } : {}),
  };
  return handle({
    name,
    text,
    encoding: decoded.encoding,
    replaced: decoded.replaced,
    bytes: read.bytes,
    absolute: input.stdin ? undefined : absolute,
    stdin: input.stdin === true,
    analyzeOptions,
  });
}

type InputRead = { kind: 'read'; bytes: Buffer } | { kind: 'too-large'; size: number | undefined } | { kind: 'skip' };

/**
 * The bytes of one input, never more than MAX_FILE_BYTES + 1 of them. Files found in folders are
 * opened without waiting (O_NONBLOCK) and read only when regular: one swapped for a FIFO after the
 * folder was listed is skipped. Files named on the command line are read as `cat` would, FIFOs
 * and devices included (`podwise check <(helm template .)`), up to the limit.
 */
async function readInput(input: InputFile, absolute: string | undefined, options: CheckOptions): Promise<InputRead> {
  if (input.stdin) {
    const { bytes, overLimit } = await options.readStdin(MAX_FILE_BYTES);
    return overLimit ? { kind: 'too-large', size: undefined } : { kind: 'read', bytes };
  }
  const read = await readFileBounded(absolute as string, MAX_FILE_BYTES, { regularOnly: !input.explicit || options.inPlace === true });
  if (read.kind === 'not-regular') {
    if (input.explicit && options.inPlace) throw new InputError(`cannot fix ${read.what} in place (pipe it through "podwise fix -" instead)`);
    if (input.explicit) throw new InputError(`cannot read ${read.what}`);
    return { kind: 'skip' };
  }
  return read;
}

/** An input that cannot be read for a reason of ours (not an errno): exit code 2. */
export class InputError extends Error {}

/** `size` undefined: a stream or device that went past the limit, so only a lower bound is known. */
function tooLarge(name: string, size: number | undefined, options: CheckOptions): CliFinding | undefined {
  const setting = options.settings.rules['yaml-limit'];
  if (setting === 'off') return undefined;
  return {
    file: name,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: setting ?? 'info',
    rule: 'yaml-limit',
    message: `This file was not checked: it is ${size === undefined ? `over ${formatMegabytes(MAX_FILE_BYTES)}` : formatMegabytes(size)} and Podwise checks files up to ${formatMegabytes(MAX_FILE_BYTES)}.`,
  };
}

/** Applies the rule overrides to findings made outside the engine (the config file's own), as the server does. */
export function withOverrides(findings: readonly Finding[], settings: PodwiseSettings): Finding[] {
  return applyRuleOverrides(findings, settings.rules);
}

/** `--stdin-filename` is a path relative to the cwd, as in other linters. */
function resolveLike(cwd: string, file: string): string {
  return path.resolve(cwd, file);
}

function isIoError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
