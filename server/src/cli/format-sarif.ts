// SARIF 2.1.0 output (code scanning): one run, the rules that fired in tool.driver.rules with a
// helpUri to their page as installed with the CLI (a `file://` URI: it opens offline, at the
// version that made the log; omitted when the pages are not installed), one result per finding
// with a 1-based region.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleMeta } from '../engine/rules';
import type { Severity } from '../engine/types';
import { installedRuleDocsBase } from '../node/rule-docs-location';
import { ruleDocsLink } from '../shared/rule-docs';
import { stringifyTerminalSafe } from './format-json';
import type { CliFinding } from './report';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

export interface SarifOptions {
  version: string;
  cwd: string;
  /** Files that could not be checked; reported as tool notifications. */
  failures: readonly string[];
}

type Level = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): Level {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

export function formatSarif(findings: readonly CliFinding[], options: SarifOptions): string {
  const ruleIds = [...new Set(findings.map((finding) => finding.rule))].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const docsBase = installedRuleDocsBase();
  const rules = ruleIds.map((id) => {
    const meta = ruleMeta(id);
    return {
      id,
      name: pascalCase(id),
      shortDescription: { text: meta?.summary ?? id },
      ...(docsBase === undefined ? {} : { helpUri: ruleDocsLink(docsBase, id) }),
      defaultConfiguration: { level: sarifLevel(meta?.defaultSeverity ?? 'warning') },
      properties: { category: meta?.category ?? 'other' },
    };
  });
  const results = findings.map((finding) => ({
    ruleId: finding.rule,
    ruleIndex: ruleIndex.get(finding.rule) as number,
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(finding.file),
          region: {
            startLine: finding.range.start.line + 1,
            startColumn: finding.range.start.character + 1,
            endLine: finding.range.end.line + 1,
            endColumn: finding.range.end.character + 1,
          },
        },
      },
    ],
    properties: { severity: finding.severity },
  }));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Podwise',
            version: options.version,
            semanticVersion: options.version,
            rules,
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(options.cwd) } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: options.failures.length === 0,
            toolExecutionNotifications: options.failures.map((failure) => ({ level: 'error', message: { text: failure } })),
          },
        ],
        results,
      },
    ],
  };
  return `${stringifyTerminalSafe(log)}\n`;
}

function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function directoryUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function pascalCase(id: string): string {
  return id
    .split(/[^a-z0-9]+/i)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}
