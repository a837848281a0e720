// Hover: on a Podwise finding's range, the rule's summary and docs link (finding first); then the
// engine's field note and computed facts (probe and shutdown timelines, the mirror Pod of a static
// Pod, a removed apiVersion's replacement) for the document's target version.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { hoverAt, ruleHoverMarkdown } from '../engine/editor';
import { LineIndex, toLineFeeds } from '../engine/line-index';
import type { Finding, OffsetRange } from '../engine/types';
import { docsUrl } from './convert';
import type { ServerContext } from './server';

export async function provideHover(context: ServerContext, params: HoverParams): Promise<Hover | null> {
  const document = context.documents.get(params.textDocument.uri);
  if (!document || !context.isChecked(document)) return null;
  // TextDocuments updates documents in place: answer for the text the request was made on.
  const version = document.version;
  const text = document.getText();
  const analysis = await context.analysisFor(document.uri);
  if (!analysis || analysis.docSettings.excluded || analysis.version !== version || document.version !== version) return null;
  const lines = new LineIndex(text);
  const offset = lines.offsetAt(params.position);

  const sections: string[] = [];
  const findings = findingsAt(analysis.result.findings, offset);
  const seen = new Set<string>();
  for (const finding of findings) {
    if (seen.has(finding.ruleId)) continue;
    seen.add(finding.ruleId);
    sections.push(ruleHoverMarkdown(finding.ruleId) ?? `**${finding.ruleId}**\n\n[Documentation](${docsUrl(finding.ruleId)})`);
  }
  // The engine reads a lone CR as the line break it is only in its LF copy (same offsets).
  const field = hoverAt(toLineFeeds(text), offset, { version: analysis.docSettings.settings.kubernetesVersion, staticPod: analysis.docSettings.staticPod });
  if (field) sections.push(field.markdown);
  if (sections.length === 0) return null;
  const range: OffsetRange = field?.range ?? smallest(findings);
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') },
    range: lines.rangeOf(range),
  };
}

/** Findings whose range holds `offset` (end included, so a hover on the last character counts), narrowest first. */
function findingsAt(findings: readonly Finding[], offset: number): Finding[] {
  return findings
    .filter((finding) => finding.range.start <= offset && offset <= finding.range.end)
    .sort((a, b) => a.range.end - a.range.start - (b.range.end - b.range.start));
}

function smallest(findings: readonly Finding[]): OffsetRange {
  return findings[0].range;
}
