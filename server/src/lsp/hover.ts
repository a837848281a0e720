// Hover: on a Podwise finding's range, its message, explanation, fixes and docs link (finding first); then the
// engine's field note and computed facts (probe and shutdown timelines, the mirror Pod of a static
// Pod, a removed apiVersion's replacement) for the document's target version.
import type { Hover, HoverParams } from 'vscode-languageserver/node';
import { MarkupKind } from './protocol-values';
import { findingHoverMarkdown, hoverAt } from '../engine/editor';
import type { Finding, OffsetRange } from '../engine/types';
import { docsUrl } from './convert';
import type { ServerContext } from './server-context';

export function registerHover(context: ServerContext): void {
  context.connection.onHover(context.guard('hover', (params) => provideHover(context, params), null));
}

export async function provideHover(context: ServerContext, params: HoverParams): Promise<Hover | null> {
  const document = context.documents.get(params.textDocument.uri);
  if (!document || !context.isChecked(document)) return null;
  // TextDocuments updates documents in place: answer for the version the request was made on.
  const version = document.version;
  const analysis = await context.snapshotFor(document.uri);
  if (!analysis || analysis.docSettings.excluded || analysis.version !== version || document.version !== version) return null;
  const { snapshot } = analysis;
  const lines = snapshot.lines;
  const offset = lines.offsetAt(params.position);

  const sections: string[] = [];
  const findings = findingsAt(snapshot.findings, offset);
  const seen = new Set<string>();
  for (const finding of findings) {
    if (seen.has(finding.ruleId)) continue;
    seen.add(finding.ruleId);
    sections.push(findingHoverMarkdown(finding, docsUrl(finding.ruleId)));
  }
  const field = hoverAt(snapshot, offset, { version: analysis.docSettings.settings.kubernetesVersion, staticPod: analysis.docSettings.staticPod });
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
  return findings.filter((finding) => finding.range.start <= offset && offset <= finding.range.end).sort((a, b) => a.range.end - a.range.start - (b.range.end - b.range.start));
}

function smallest(findings: readonly Finding[]): OffsetRange {
  return findings[0].range;
}
