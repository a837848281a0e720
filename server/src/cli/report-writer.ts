// Writes the report's findings as each file's turn comes (`podwise check` prints a file's
// findings once every file before it is done), in exactly the bytes the formatters write for the
// whole list at once. What cannot be written early is held to the end: SARIF (its rule table comes
// before the results), the text format when two parts of the report share a file name (they form
// one group), and `podwise fix`'s report, which follows its diffs.
import type { OutputFormat } from './args';
import type { Palette } from './colors';
import { formatJson, JsonArrayWriter } from './format-json';
import { formatStylish } from './format-stylish';
import { formatCompact } from './format-text';
import type { CliFinding } from './report';

export interface ReportWriterOptions {
  format: OutputFormat;
  write: (text: string) => void;
  colors: Palette;
  columns?: number;
  /** Write findings as they come; false: everything at the end. */
  stream: boolean;
  /** No file name occurs in two parts of the report (the config's findings, each input's). */
  distinctNames: boolean;
}

export class ReportWriter {
  private readonly held: CliFinding[] = [];
  private readonly json: JsonArrayWriter | undefined;
  private readonly streaming: boolean;

  constructor(private readonly options: ReportWriterOptions) {
    const streamable = options.format === 'json' || options.format === 'compact' || (options.format === 'text' && options.distinctNames);
    this.streaming = options.stream && streamable;
    this.json = this.streaming && options.format === 'json' ? new JsonArrayWriter(options.write) : undefined;
  }

  /** The shown findings of one part of the report (one file's, or the config's), in report order. */
  add(findings: readonly CliFinding[]): void {
    if (!this.streaming) {
      this.held.push(...findings);
      return;
    }
    if (this.json) this.json.add(findings);
    else if (findings.length > 0) this.options.write(this.format(findings));
  }

  /** Writes what is left of the findings (the text format's summary line and SARIF are the caller's). */
  end(): void {
    if (this.options.format === 'sarif') return;
    if (this.json) this.json.end();
    else if (!this.streaming) this.options.write(this.options.format === 'json' ? formatJson(this.held) : this.format(this.held));
  }

  private format(findings: readonly CliFinding[]): string {
    return this.options.format === 'compact' ? formatCompact(findings) : formatStylish(findings, this.options.colors, this.options.columns);
  }
}
