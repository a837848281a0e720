// `podwise check [paths…]`: the CLI front end over the engine. bin/podwise.js calls `main`.
// Exit codes: 0 no error-severity finding, 1 errors found, 2 usage or I/O failure.
import { version as packageVersion } from '../../../package.json';
import { mergeSettings } from '../engine/config/resolve-settings';
import { readStreamBounded, type BoundedBytes } from '../shared/read-bounded';
import { DEFAULT_SETTINGS, type PodwiseSettings } from '../shared/settings';
import { parseArgs, UsageError, type CliOptions } from './args';
import { checkFiles, withOverrides } from './check';
import { ConfigLoadError, loadConfig, type LoadedConfig } from './config';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText, summarize, terminalSafe } from './format-text';
import { USAGE } from './help';
import { collectInputs, display } from './inputs';
import { placeFindings, type CliFinding } from './report';

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
}

export { isHelmChartTemplate } from './helm';
// For unit tests of the pieces that have no engine export.
export { decodeText } from '../engine/decode-text';
export { terminalSafe } from './format-text';

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
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
    io.stdout(USAGE);
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
  const inputs = await collectInputs(paths, io.cwd, { followSymlinks: options.followSymlinks });
  for (const problem of inputs.problems) note(problem);
  if (inputs.linksNotFollowed > 0) {
    const count = inputs.linksNotFollowed;
    const links = count === 1 ? '1 symbolic link that leads' : `${count} symbolic links that lead`;
    note(`${links} outside the folders named ${count === 1 ? 'was' : 'were'} not followed (--follow-symlinks follows them).`);
  }

  const configFindings: CliFinding[] = config ? placeFindings(display(config.file, io.cwd), config.text, withOverrides(config.findings, settings)) : [];
  const report = await checkFiles(inputs.files, {
    cwd: io.cwd,
    root: config?.root ?? io.cwd,
    settings,
    staticPod: options.staticPod,
    stdinFilename: options.stdinFilename,
    readStdin: io.readStdin,
    note,
  });
  for (const failure of report.failures) note(failure);
  const findings = [...configFindings, ...report.findings];
  const failures = [...(configProblem !== undefined ? [configProblem] : []), ...inputs.problems, ...report.failures];

  switch (options.format) {
    case 'json':
      io.stdout(formatJson(findings));
      break;
    case 'sarif':
      io.stdout(formatSarif(findings, { version: packageVersion, cwd: io.cwd, failures }));
      break;
    default:
      io.stdout(formatText(findings));
      if (inputs.files.length === 0 && inputs.problems.length === 0) io.stderr('podwise: no YAML or JSON files found.\n');
      else io.stderr(summarize(findings, report.filesChecked, report.helmTemplatesSkipped));
  }
  if (failures.length > 0) return EXIT_FAILURE;
  return findings.some((finding) => finding.severity === 'error') ? EXIT_ERRORS : EXIT_OK;
}

/** Built-in defaults < `.podwise.yaml` < command-line flags (the editor layer is the server's). */
export function resolveSettings(config: LoadedConfig | undefined, options: CliOptions): PodwiseSettings {
  const flags: Partial<PodwiseSettings> = { rules: options.rules };
  if (options.kubernetesVersion) flags.kubernetesVersion = options.kubernetesVersion;
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
  };
}
