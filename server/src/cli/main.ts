// `podwise check [paths…]` and `podwise fix [paths…]`: the CLI front end over the engine.
// bin/podwise.js calls `main`. Exit codes: 0 no error-severity finding (for fix: none left),
// 1 errors found (or more warnings than --max-warnings), 2 usage or I/O failure.
import * as path from 'node:path';
import { version as packageVersion } from '../../../package.json';
import { mergeSettings } from '../engine/config/resolve-settings';
import { readStreamBounded, type BoundedBytes } from '../shared/read-bounded';
import { DEFAULT_SETTINGS, type PodwiseSettings } from '../shared/settings';
import { atOrAbove, parseArgs, UsageError, type CliOptions } from './args';
import { checkFiles, checkFilesOnce, inputName, withOverrides, type CheckOptions } from './check';
import { InProcessBackend } from './check-backend';
import { colorEnabled, palette } from './colors';
import { ConfigLoadError, loadConfig, type LoadedConfig } from './config';
import { fixHandler, type FixTally } from './fix-files';
import { formatSarif } from './format-sarif';
import { stylishSummary } from './format-stylish';
import { summarize, terminalSafe } from './format-text';
import { usage } from './help';
import { installSchemaFiles } from '../node/schema-files';
import { collectCrdFiles } from './crd-files';
import { collectInputs, display, type InputFile } from './inputs';
import { workerCount } from './jobs';
import { placeFindings, type CliFinding } from './report';
import { ReportWriter } from './report-writer';
import { AnalysisPool, defaultWorkerFile, mainThreadMayWork, watchdogFor } from './worker-pool';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_FAILURE = 2;

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input, read up to `limit` bytes (see readStreamBounded). */
  readStdin: (limit: number) => Promise<BoundedBytes>;
  /** Bytes to stdout as they are (`podwise fix -` keeps the input's encoding); default: as UTF-8 text. */
  stdoutBytes?: (bytes: Uint8Array) => void;
  /** For colour: NO_COLOR, FORCE_COLOR, TERM. Default: none set. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Which streams are terminals (colour, escaped diffs). Default: neither. */
  isTTY?: { stdout: boolean; stderr: boolean };
  /** The terminal's width, when the report goes to one. */
  columns?: number;
}

export { isHelmChartTemplate } from './helm';
// For unit tests of the pieces that have no engine export.
export { decodeText } from '../engine/decode-text';
export { terminalSafe } from './format-text';
export { unifiedDiff } from './unified-diff';
export { colorEnabled, palette } from './colors';
// The formatters, so tests can hold the streamed output against what they write all at once.
export { formatJson } from './format-json';
export { formatStylish } from './format-stylish';
export { formatCompact } from './format-text';

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  installSchemaFiles();
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`podwise: ${terminalSafe(error.message)}\nRun "podwise --help" for usage.\n`);
      return EXIT_FAILURE;
    }
    if (error instanceof ConfigLoadError) {
      io.stderr(`podwise: ${terminalSafe(error.message)}\n`);
      return EXIT_FAILURE;
    }
    io.stderr(`podwise: internal error: ${terminalSafe((error as Error)?.message ?? String(error))}\n`);
    if (process.env.PODWISE_DEBUG) io.stderr(`${(error as Error)?.stack ?? ''}\n`);
    return EXIT_FAILURE;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseArgs(argv);
  if (options.command === 'help') {
    // dist/server/cli.js → the package root, where docs/ ships.
    io.stdout(usage(typeof __dirname === 'string' ? path.resolve(__dirname, '..', '..') : undefined));
    return EXIT_OK;
  }
  if (options.command === 'version') {
    io.stdout(`${packageVersion}\n`);
    return EXIT_OK;
  }
  const { config, problem: configProblem } = await loadConfig(io.cwd, options.config, options.noConfig);
  const settings = resolveSettings(config, options);
  const paths = options.paths.length > 0 ? options.paths : ['.'];
  // Notes and failures name files and quote arguments: escaped like the text output.
  const note = (message: string) => io.stderr(`podwise: ${terminalSafe(message)}\n`);
  if (configProblem !== undefined) note(configProblem);
  const crds = await collectCrdFiles(options.crds, settings.crds, io.cwd, config?.root ?? io.cwd);
  for (const message of [...crds.problems, ...crds.notes]) note(message);
  const inputs = await collectInputs(paths, io.cwd, { followSymlinks: options.followSymlinks });
  for (const problem of inputs.problems) note(problem);
  if (inputs.linksNotFollowed > 0) {
    const count = inputs.linksNotFollowed;
    const links = count === 1 ? '1 symbolic link that leads' : `${count} symbolic links that lead`;
    note(`${links} outside the folders named ${count === 1 ? 'was' : 'were'} not followed (--follow-symlinks follows them).`);
  }

  const configFindings: CliFinding[] = config ? placeFindings(display(config.file, io.cwd), config.text, withOverrides(config.findings, settings)) : [];
  const fixing = options.command === 'fix';
  const stdinUsed = inputs.files.some((file) => file.stdin);
  // stdout carries the diff (--dry-run) or the fixed standard input: the report goes to stderr.
  const reportOnStderr = fixing && (options.dryRun || stdinUsed);
  const reportOut = reportOnStderr ? io.stderr : io.stdout;
  const tty = io.isTTY ?? { stdout: false, stderr: false };
  const colors = palette(colorEnabled({ flag: options.color, env: io.env ?? {}, isTTY: reportOnStderr ? tty.stderr : tty.stdout }));
  const tally: FixTally = { problems: 0, files: 0 };
  const shows = (finding: CliFinding) => atOrAbove(finding.severity, options.minSeverity);
  // `podwise fix` stays in one thread: it rewrites files and prints diffs and fixed text as it goes,
  // in input order, and re-analyses each file until it is stable; fix runs are small next to checks.
  const pool = fixing ? undefined : await startPool(inputs.files, options.jobs, options.timeLimitMs);
  const writer = new ReportWriter({
    format: options.format,
    write: reportOut,
    colors,
    columns: io.columns,
    stream: !fixing,
    distinctNames: distinctNames(inputs.files, io.cwd, options.stdinFilename, config === undefined ? undefined : display(config.file, io.cwd)),
  });
  writer.add(configFindings.filter(shows));
  const checkOptions: CheckOptions = {
    cwd: io.cwd,
    root: config?.root ?? io.cwd,
    settings,
    staticPod: options.staticPod,
    stdinFilename: options.stdinFilename,
    readStdin: io.readStdin,
    note,
    inPlace: fixing && !options.dryRun,
    timeLimitMs: fixing ? undefined : options.timeLimitMs,
    // Files read ahead of the workers, so none waits for the disk (they go to the first worker free).
    // In one thread the next file is read while this one is prepared; `fix` keeps one file at a time
    // (its notes are printed as they come).
    concurrency: pool ? pool.readAhead : fixing ? 1 : 2,
    onFile: (fileFindings) => writer.add(fileFindings.filter(shows)),
    crdFiles: crds.files,
  };
  const report = await (
    fixing
      ? checkFiles(
          inputs.files,
          checkOptions,
          fixHandler(
            {
              dryRun: options.dryRun,
              minSeverity: options.minSeverity,
              output: io.stdout,
              outputBytes: io.stdoutBytes ?? ((bytes) => io.stdout(Buffer.from(bytes).toString('utf8'))),
              note,
              diffColors: palette(colorEnabled({ flag: options.color, env: io.env ?? {}, isTTY: tty.stdout })),
              escapeDiff: tty.stdout,
            },
            tally,
          ),
        )
      : checkFilesOnce(inputs.files, checkOptions, pool ?? new InProcessBackend())
  ).finally(() => pool?.close());
  for (const failure of report.failures) note(failure);
  const findings = [...configFindings, ...report.findings];
  const failures = [...(configProblem !== undefined ? [configProblem] : []), ...crds.problems, ...inputs.problems, ...report.failures];
  // --quiet / --min-severity: errors always pass, since error is the top severity.
  const shown = findings.filter(shows);
  const noFiles = inputs.files.length === 0 && inputs.problems.length === 0;

  switch (options.format) {
    case 'json':
      writer.end();
      break;
    case 'sarif':
      reportOut(formatSarif(shown, { version: packageVersion, cwd: io.cwd, failures }));
      break;
    case 'compact':
      writer.end();
      if (noFiles) io.stderr('podwise: no YAML or JSON files found.\n');
      else io.stderr(summarize(shown, report.filesChecked, report.helmTemplatesSkipped));
      break;
    default:
      writer.end();
      if (noFiles) io.stderr('podwise: no YAML or JSON files found.\n');
      else {
        const facts = {
          filesChecked: report.filesChecked,
          helmTemplatesSkipped: report.helmTemplatesSkipped,
          hidden: findings.length - shown.length,
          minSeverity: options.minSeverity,
        };
        reportOut(stylishSummary(shown, facts, colors));
      }
  }
  if (fixing) {
    // The text format's report stream gets this line; machine formats keep their stream clean.
    const line = fixSummary(tally, options.dryRun);
    if (options.format === 'text') reportOut(`${line}\n`);
    else io.stderr(`podwise: ${line}\n`);
  }
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  // As eslint: hidden warnings (--quiet) still count against --max-warnings.
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings) note(`${warnings} warning${warnings === 1 ? '' : 's'} found, more than --max-warnings ${options.maxWarnings} allows.`);
  if (failures.length > 0) return EXIT_FAILURE;
  return findings.some((finding) => finding.severity === 'error') || tooManyWarnings ? EXIT_ERRORS : EXIT_OK;
}

function fixSummary(tally: FixTally, dryRun: boolean): string {
  if (tally.problems === 0) return dryRun ? 'nothing to fix' : 'nothing to fix: no file changed';
  const problems = `${tally.problems} problem${tally.problems === 1 ? '' : 's'}`;
  const files = `${tally.files} file${tally.files === 1 ? '' : 's'}`;
  return dryRun ? `would fix ${problems} in ${files} (dry run: nothing written)` : `fixed ${problems} in ${files}`;
}

/** The worker pool for this run, or undefined to check in-process (few or small files, `--jobs 1`, no worker bundle). */
async function startPool(files: readonly InputFile[], jobs: number | undefined, timeLimitMs: number | undefined): Promise<AnalysisPool | undefined> {
  const workerFile = defaultWorkerFile();
  const threads = workerFile === undefined ? 0 : await workerCount(files, jobs);
  if (workerFile === undefined || threads === 0) return undefined;
  // The CLI's own thread is one of them (worker-pool.ts).
  const mainThread = mainThreadMayWork();
  return new AnalysisPool({ size: mainThread ? threads - 1 : threads, mainThread, workerFile, watchdogMs: watchdogFor(timeLimitMs) });
}

/** Whether every part of the report has its own file name (then the text format can print file by file). */
function distinctNames(files: readonly InputFile[], cwd: string, stdinFilename: string | undefined, configName: string | undefined): boolean {
  const names = new Set<string>(configName === undefined ? [] : [configName]);
  for (const file of files) {
    const name = inputName(file, { cwd, stdinFilename });
    if (names.has(name)) return false;
    names.add(name);
  }
  return true;
}

/** Built-in defaults < `.podwise.yaml` < command-line flags (the editor layer is the server's). */
export function resolveSettings(config: LoadedConfig | undefined, options: CliOptions): PodwiseSettings {
  const flags: Partial<PodwiseSettings> = { rules: options.rules };
  if (options.kubernetesVersion) flags.kubernetesVersion = options.kubernetesVersion;
  if (options.podSecurity) flags.podSecurity = options.podSecurity;
  if (options.workspaceIsComplete) flags.workspaceIsComplete = true;
  return mergeSettings(DEFAULT_SETTINGS, config?.settings, flags);
}

function processIo(): CliIo {
  // `podwise check . | head` closes stdout early: stop writing quietly instead of crashing.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return {
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    // Incremental and bounded: `yes | podwise check -` stops at the limit instead of filling memory.
    readStdin: (limit) => readStreamBounded(process.stdin, limit),
    stdoutBytes: (bytes) => void process.stdout.write(bytes),
    env: process.env,
    isTTY: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
    columns: process.stdout.columns || process.stderr.columns || undefined,
  };
}
