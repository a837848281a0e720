// Runs the engine over every input, one file at a time (`analyzeText` per file), and collects
// placed findings. A file that cannot be read, is too large, or trips an engine bug never stops
// the run: it is reported and the next file is checked.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../engine/analyze';
import { formatMegabytes, MAX_FILE_SIZE } from '../engine/limits';
import { isExcluded, isStaticPodPath, normalizePath } from '../engine/config/resolve-settings';
import type { Finding } from '../engine/types';
import type { PodwiseSettings } from '../shared/settings';
import { isHelmChartTemplate } from './helm';
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
  readStdin: () => Promise<string>;
  /** Notes that are not failures (an explicitly named file that the config excludes). */
  note: (message: string) => void;
}

export async function checkFiles(inputs: readonly InputFile[], options: CheckOptions): Promise<CheckReport> {
  const report: CheckReport = { findings: [], filesChecked: 0, helmTemplatesSkipped: 0, failures: [] };
  for (const input of inputs) {
    const name = input.stdin ? options.stdinFilename ?? STDIN_NAME : display(input.absolute as string, options.cwd);
    try {
      if (input.absolute !== undefined && isHelmChartTemplate(input.absolute)) {
        report.helmTemplatesSkipped += 1;
        if (input.explicit) options.note(`${name}: skipped (a Helm chart template: render it with "helm template" and check the output)`);
        continue;
      }
      const findings = await checkOne(input, name, options);
      if (findings === undefined) continue;
      report.filesChecked += 1;
      report.findings.push(...findings);
    } catch (error) {
      report.failures.push(`${name}: ${input.stdin || isIoError(error) ? ioMessage(error) : `internal error: ${(error as Error)?.message ?? String(error)}`}`);
    }
  }
  return report;
}

async function checkOne(input: InputFile, name: string, options: CheckOptions): Promise<CliFinding[] | undefined> {
  const absolute = input.stdin ? (options.stdinFilename ? resolveLike(options.cwd, options.stdinFilename) : undefined) : input.absolute;
  const fromRoot = absolute !== undefined ? relativeTo(options.root, absolute) : undefined;
  if (fromRoot !== undefined && isExcluded(fromRoot, options.settings)) {
    if (input.explicit && !input.stdin) options.note(`${name}: skipped (excluded by the config's exclude globs)`);
    if (!input.stdin) return undefined;
  }
  let text: string;
  if (input.stdin) {
    text = await options.readStdin();
    if (Buffer.byteLength(text) > MAX_FILE_BYTES) return [tooLarge(name, Buffer.byteLength(text), options)].filter(isDefined);
  } else {
    const stat = await fs.stat(absolute as string);
    if (stat.size > MAX_FILE_BYTES) return [tooLarge(name, stat.size, options)].filter(isDefined);
    text = await fs.readFile(absolute as string, 'utf8');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const staticPod =
    options.staticPod ||
    (fromRoot !== undefined && isStaticPodPath(fromRoot, options.settings)) ||
    (absolute !== undefined && isStaticPodPath(normalizePath(absolute), options.settings));
  const result = analyzeText(text, {
    kubernetesVersion: options.settings.kubernetesVersion,
    rules: options.settings.rules,
    staticPodManifest: staticPod,
    filePath: absolute ?? name,
  });
  return placeFindings(name, text, result.findings);
}

function tooLarge(name: string, bytes: number, options: CheckOptions): CliFinding | undefined {
  const setting = options.settings.rules['yaml-limit'];
  if (setting === 'off') return undefined;
  return {
    file: name,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: setting ?? 'info',
    rule: 'yaml-limit',
    message: `This file was not checked: it is ${formatMegabytes(bytes)} and Podwise checks files up to ${formatMegabytes(MAX_FILE_BYTES)}.`,
  };
}

/** Applies the rule overrides to findings made outside the engine (the config file's own). */
export function withOverrides(findings: readonly Finding[], settings: PodwiseSettings): Finding[] {
  const result: Finding[] = [];
  for (const finding of findings) {
    const setting = settings.rules[finding.ruleId];
    if (setting === 'off') continue;
    result.push(setting ? { ...finding, severity: setting } : finding);
  }
  return result;
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
