// `podwise check [paths…]`: the CLI front end over the engine. bin/podwise.js calls `main`.
// Exit codes: 0 no error-severity finding, 1 errors found, 2 usage or I/O failure.
import { version as packageVersion } from '../../../package.json';
import { mergeSettings } from '../engine/config/resolve-settings';
import { DEFAULT_SETTINGS, type PodwiseSettings } from '../shared/settings';
import { parseArgs, UsageError, type CliOptions } from './args';
import { checkFiles, withOverrides } from './check';
import { ConfigLoadError, loadConfig, type LoadedConfig } from './config';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText, summarize } from './format-text';
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
  readStdin: () => Promise<string>;
}

export { isHelmChartTemplate } from './helm';

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`podwise: ${error.message}\nRun "podwise --help" for usage.\n`);
      return EXIT_FAILURE;
    }
    if (error instanceof ConfigLoadError) {
      io.stderr(`podwise: ${error.message}\n`);
      return EXIT_FAILURE;
    }
    io.stderr(`podwise: internal error: ${(error as Error)?.message ?? String(error)}\n`);
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
  const config = await loadConfig(io.cwd, options.config, options.noConfig);
  const settings = resolveSettings(config, options);
  const paths = options.paths.length > 0 ? options.paths : ['.'];
  const inputs = await collectInputs(paths, io.cwd);
  for (const problem of inputs.problems) io.stderr(`podwise: ${problem}\n`);

  const configFindings: CliFinding[] = config ? placeFindings(display(config.file, io.cwd), config.text, withOverrides(config.findings, settings)) : [];
  const report = await checkFiles(inputs.files, {
    cwd: io.cwd,
    root: config?.root ?? io.cwd,
    settings,
    staticPod: options.staticPod,
    stdinFilename: options.stdinFilename,
    readStdin: io.readStdin,
    note: (message) => io.stderr(`podwise: ${message}\n`),
  });
  for (const failure of report.failures) io.stderr(`podwise: ${failure}\n`);
  const findings = [...configFindings, ...report.findings];
  const failures = [...inputs.problems, ...report.failures];

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
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
