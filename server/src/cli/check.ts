// Runs the engine over every input (`analyzeText` per file, in-process or on a worker: see
// worker-pool.ts) and collects placed findings in input order, whatever order the files finish
// in. A file that cannot be read, is too large, or trips an engine bug never stops the run: it is
// reported and the next file is checked.
import * as path from 'node:path';
import { analyzeText, type AnalyzeOptions } from '../engine/analyze';
import { collectRunObjects, type RunObject } from '../engine/run-objects';
import { decodeText, encodingLabel, type TextEncoding } from '../engine/decode-text';
import { formatMegabytes, MAX_FILE_SIZE } from '../engine/limits';
import { classifyFile, type FileClass } from '../engine/config/classify-file';
import { applyRuleOverrides } from '../engine/config/resolve-settings';
import type { Finding } from '../engine/types';
import { CRD_KIND } from '../engine/crd/crd-lookup';
import { readFileBounded, type BoundedBytes } from '../shared/read-bounded';
import { readRegularFileSync } from './read-sync';
import type { PodwiseSettings } from '../shared/settings';
import { cliFileProbe } from './helm';
import { display, ioMessage, relativeTo, type InputFile } from './inputs';
import { placeFindings, type CheckReport, type CliFinding } from './report';
import type { CheckBackend } from './check-backend';
import { kustomizeGraphFor, kustomizeOptions } from './kustomize-inputs';

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
  /** Files in progress at once (read ahead and handed to the handler); 1, the default: one after the other. */
  concurrency?: number;
  /** Each checked file's findings, in input order, as soon as every file before it is done (streamed output). */
  onFile?: (findings: readonly CliFinding[]) => void;
  /** Services and Namespaces of every file of the run (collectRun); set by checkFiles. */
  runObjects?: readonly RunObject[];
  /** `--crd`: files read for their CustomResourceDefinitions, which join the run's objects; never checked (checkFilesOnce). */
  crdFiles?: readonly InputFile[];
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

/** What became of one input; reported in input order. */
interface Outcome {
  /** Notes to print when the file's turn comes (none when they were printed as they came). */
  notes: string[];
  /** Undefined: not checked (skipped, or failed). */
  findings?: CliFinding[];
  helmTemplate?: boolean;
  failure?: string;
}

export async function checkFiles(inputs: readonly InputFile[], given: CheckOptions, handle: TextHandler = checkText): Promise<CheckReport> {
  const options: CheckOptions = { ...given, runObjects: await collectRun(inputs, given) };
  const { report, record } = reporter(options);
  const lanes = Math.max(1, Math.min(options.concurrency ?? 1, inputs.length));
  // Outcomes that finished before an earlier file did wait here for their turn.
  const finished = new Map<number, Outcome>();
  let next = 0;
  let reported = 0;
  const lane = async () => {
    while (next < inputs.length) {
      const index = next++;
      // One lane: notes go out as they come, so a fix handler's own notes keep their place among
      // them. More: each file's notes wait for its turn, and stderr reads the same either way.
      finished.set(index, await checkInput(inputs[index], options, handle, lanes === 1 ? options.note : undefined));
      for (let outcome = finished.get(reported); outcome !== undefined; outcome = finished.get(reported)) {
        finished.delete(reported);
        reported += 1;
        record(outcome);
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return report;
}

/** The report of a run, and how one input's outcome goes into it (in input order). */
function reporter(options: CheckOptions): { report: CheckReport; record: (outcome: Outcome) => void } {
  const report: CheckReport = { findings: [], filesChecked: 0, helmTemplatesSkipped: 0, failures: [] };
  const record = (outcome: Outcome) => {
    for (const message of outcome.notes) options.note(message);
    if (outcome.helmTemplate) report.helmTemplatesSkipped += 1;
    if (outcome.failure !== undefined) report.failures.push(outcome.failure);
    else if (outcome.findings !== undefined) {
      report.filesChecked += 1;
      report.findings.push(...outcome.findings);
      options.onFile?.(outcome.findings);
    }
  };
  return { report, record };
}

/**
 * `podwise check`: the same report as checkFiles with checkText, with each file read once and
 * parsed once (check-backend.ts). Phase one reads every input as checkFiles does (classified, read,
 * decoded; notes kept for the file's turn) and has the backend prepare it; phase two checks the
 * prepared files with the run's objects and reports every outcome in input order, each file as
 * soon as those before it are done.
 */
export async function checkFilesOnce(inputs: readonly InputFile[], options: CheckOptions, backend: CheckBackend): Promise<CheckReport> {
  const { report, record } = reporter(options);
  const crdFiles = options.crdFiles ?? [];
  // One file (or standard input alone) and no CRDs: nothing to share, as in collectRun.
  const shareRun = inputs.filter((input) => !input.stdin && input.absolute !== undefined).length >= 2 || crdFiles.length > 0;
  const loadedFiles = new Map<number, LoadedText>();
  const crdsRead: number[] = [];
  const outcomes: Outcome[] = new Array(inputs.length);
  let next = 0;
  const lane = async () => {
    while (next < inputs.length) {
      const index = next++;
      const prepare: TextHandler = async (loaded) => {
        await backend.prepare(index, loaded, shareRun && !loaded.stdin);
        loadedFiles.set(index, loaded);
        return [];
      };
      outcomes[index] = await checkInput(inputs[index], options, prepare, undefined);
    }
    // Then the CRD files, numbered after the inputs.
    while (next < inputs.length + crdFiles.length) {
      const index = next++;
      const failure = await readCrdFile(crdFiles[index - inputs.length], index, options, backend);
      if (failure === undefined) crdsRead.push(index);
      else report.failures.push(failure);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 1, inputs.length + crdFiles.length)) }, lane));
  // The run's objects in input order, then the CRD files' (a CRD among the files checked comes first).
  backend.share(shareRun ? [...loadedFiles.keys(), ...crdsRead].sort((a, b) => a - b) : undefined);
  const check = (index: number): Promise<Outcome> => {
    const loaded = loadedFiles.get(index);
    const outcome = outcomes[index];
    if (loaded === undefined || outcome.findings === undefined) return Promise.resolve(outcome);
    loadedFiles.delete(index);
    return backend.check(index, loaded).then(
      (findings) => ({ ...outcome, findings }),
      (error: unknown) => ({ notes: outcome.notes, failure: `${loaded.name}: internal error: ${(error as Error)?.message ?? String(error)}` }),
    );
  };
  // Workers take every file at once and finish in any order; in-process, one after the other.
  const pending = backend.parallel ? inputs.map((_, index) => check(index)) : undefined;
  for (let index = 0; index < inputs.length; index += 1) record(await (pending?.[index] ?? check(index)));
  return report;
}

/** How an input is named in the output. */
export function inputName(input: InputFile, options: Pick<CheckOptions, 'cwd' | 'stdinFilename'>): string {
  return input.stdin ? (options.stdinFilename ?? STDIN_NAME) : display(input.absolute as string, options.cwd);
}

/** One input, classified, read and handled; never throws (a failure is part of the outcome). */
async function checkInput(input: InputFile, options: CheckOptions, handle: TextHandler, noteNow: ((message: string) => void) | undefined): Promise<Outcome> {
  const notes: string[] = [];
  const note = noteNow ?? ((message: string) => void notes.push(message));
  const name = inputName(input, options);
  try {
    const absolute = input.stdin ? (options.stdinFilename ? resolveLike(options.cwd, options.stdinFilename) : undefined) : input.absolute;
    const fileClass = classify(input, absolute, options);
    if (fileClass === 'helm-template') {
      if (input.explicit) note(`${name}: skipped (a Helm chart template: render it with "helm template" and check the output)`);
      return { notes, helmTemplate: true };
    }
    if (fileClass === 'excluded') {
      if (input.explicit) note(`${name}: skipped (excluded by the config's exclude globs)`);
      return { notes };
    }
    return { notes, findings: await checkOne(input, name, absolute, fileClass === 'static-pod', options, handle, note) };
  } catch (error) {
    return {
      notes,
      failure: `${name}: ${input.stdin || isIoError(error) || error instanceof InputError ? ioMessage(error) : `internal error: ${(error as Error)?.message ?? String(error)}`}`,
    };
  }
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
  return classifyFile({
    relativePath,
    absolutePath: absolute,
    settings: options.settings,
    probe: cliFileProbe,
    forceStaticPod: options.staticPod,
    kustomize: kustomizeGraphFor(absolute),
  });
}

async function checkOne(
  input: InputFile,
  name: string,
  absolute: string | undefined,
  staticPod: boolean,
  options: CheckOptions,
  handle: TextHandler,
  note: (message: string) => void,
): Promise<CliFinding[] | undefined> {
  const read = await readInput(input, absolute, options);
  if (read.kind === 'skip') return undefined;
  if (read.kind === 'too-large') return [tooLarge(name, read.size, options)].filter(isDefined);
  const decoded = decodeText(read.bytes);
  if (decoded.replaced) note(`${name}: not valid ${encodingLabel(decoded.encoding)}; the invalid bytes were read as U+FFFD`);
  const text = decoded.text;
  const analyzeOptions: AnalyzeOptions = {
    kubernetesVersion: options.settings.kubernetesVersion,
    podSecurity: options.settings.podSecurity,
    workspaceIsComplete: options.settings.workspaceIsComplete,
    rules: options.settings.rules,
    runObjects: options.runObjects,
    staticPodManifest: staticPod,
    filePath: absolute ?? name,
    ...kustomizeOptions(absolute, text, input.stdin === true),
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
  // Found in a folder: a regular file, read without the thread pool's round trips (read-sync.ts).
  const read = input.explicit
    ? await readFileBounded(absolute as string, MAX_FILE_BYTES, { regularOnly: options.inPlace === true })
    : readRegularFileSync(absolute as string, MAX_FILE_BYTES);
  if (read.kind === 'not-regular') {
    if (input.explicit && options.inPlace) throw new InputError(`cannot fix ${read.what} in place (pipe it through "podwise fix -" instead)`);
    if (input.explicit) throw new InputError(`cannot read ${read.what}`);
    return { kind: 'skip' };
  }
  return read;
}

/**
 * The Services and Namespaces the files of this run define, so that a StatefulSet's governing
 * Service or a Pod's Namespace in a sibling file counts (run-objects.ts). Only regular files the
 * run checks are read, and only documents naming one of those kinds are parsed; a file that cannot
 * be read here is reported by the check itself. One file (or standard input alone): nothing to share.
 */
async function collectRun(inputs: readonly InputFile[], options: CheckOptions): Promise<RunObject[] | undefined> {
  const files = inputs.filter((input) => !input.stdin && input.absolute !== undefined);
  const crdFiles = options.crdFiles ?? [];
  if (files.length < 2 && crdFiles.length === 0) return undefined;
  const perFile: RunObject[][] = new Array(files.length);
  // Reads overlap (one await per file in a row left the CPU idle for a second over a thousand files);
  // the objects keep the input order.
  let next = 0;
  const reader = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const input = files[index];
      const absolute = input.absolute as string;
      perFile[index] = [];
      try {
        const fileClass = classify(input, absolute, options);
        if (fileClass !== 'manifest' && fileClass !== 'static-pod') continue;
        const read = await readFileBounded(absolute, MAX_FILE_BYTES, { regularOnly: true });
        if (read.kind !== 'read') continue;
        perFile[index] = collectRunObjects(absolute, decodeText(read.bytes).text);
      } catch {
        // Unreadable here: the check of that file says why.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(RUN_READERS, files.length) }, reader));
  // `--crd` files: their CRDs only, after the inputs' objects (as checkFilesOnce orders them).
  for (const input of crdFiles) {
    const read = await readFileBounded(input.absolute as string, MAX_FILE_BYTES, { regularOnly: !input.explicit }).catch(() => undefined);
    if (read?.kind === 'read') perFile.push(collectRunObjects(input.absolute as string, decodeText(read.bytes).text).filter((object) => object.kind === CRD_KIND));
  }
  return perFile.flat();
}

/**
 * One `--crd` file read and handed to the backend for its CustomResourceDefinitions; a failure
 * message when it cannot be read (the run then exits with code 2, as for an input).
 */
async function readCrdFile(input: InputFile, index: number, options: CheckOptions, backend: CheckBackend): Promise<string | undefined> {
  const absolute = input.absolute as string;
  const name = `--crd ${display(absolute, options.cwd)}`;
  try {
    const read = await readFileBounded(absolute, MAX_FILE_BYTES, { regularOnly: !input.explicit });
    if (read.kind === 'not-regular') return input.explicit ? `${name}: cannot read ${read.what}` : undefined;
    if (read.kind === 'too-large')
      return `${name}: not read: it is ${read.size === undefined ? `over ${formatMegabytes(MAX_FILE_BYTES)}` : formatMegabytes(read.size)} (the limit is ${formatMegabytes(MAX_FILE_BYTES)})`;
    const text = decodeText(read.bytes).text;
    await backend.prepare(index, { name, text, absolute, analyzeOptions: { kubernetesVersion: options.settings.kubernetesVersion } }, true, CRD_KIND);
    return undefined;
  } catch (error) {
    return `${name}: ${ioMessage(error)}`;
  }
}

/** Files read at once by collectRun. */
const RUN_READERS = 16;

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
