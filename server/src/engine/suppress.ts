// Suppressions: `# podwise-disable-next-line rule-a, rule-b`, a file-level
// `# podwise-disable rule-a`, and the object annotation `podwise.io/disable: "rule-a, rule-b"`.
// A suppression naming an unknown rule is itself reported, so typos do not hide silently.
import type { DocumentChunk } from './document-split';
import { asString, getIn, isObject } from './json';
import { isListObject } from './list-items';
import { LineIndex } from './line-index';
import { rangeForPath } from './locate';
import type { ParsedChunk } from './parse';
import { quoted } from './k8s/phrasing';
import { isKnownRuleId } from './rules';
import type { FieldPath, Finding } from './types';

export const DISABLE_ANNOTATION = 'podwise.io/disable';
const COMMENT = /#\s*podwise-disable(-next-line)?\b[ \t]*([^\n#]*)/g;
const ALL = '*';

export function applySuppressions(text: string, findings: Finding[], documents: { chunk: DocumentChunk; parsed: ParsedChunk }[]): Finding[] {
  const hasComments = text.includes('podwise-disable');
  const hasAnnotations = text.includes(DISABLE_ANNOTATION);
  if (!hasComments && !hasAnnotations) return findings;
  const lines = new LineIndex(text);
  const fileScope = { rules: new Set<string>() };
  const lineScopes = new Map<number, Set<string>>();
  const problems: Finding[] = [];
  if (hasComments) {
    for (const match of text.matchAll(COMMENT)) {
      const start = match.index ?? 0;
      const ids = parseIds(match[2]);
      const idsStart = start + match[0].length - match[2].length;
      const line = lines.positionAt(start).line;
      const documentIndex = documentAt(documents, start);
      const target = match[1] ? lineScope(lineScopes, line + 1) : fileScope.rules;
      if (ids.length === 0) target.add(ALL);
      for (const id of ids) {
        target.add(id);
        if (!isKnownRuleId(id)) problems.push(unknownRule(id, idsStart + match[2].indexOf(id), documentIndex));
      }
    }
  }
  // Keyed by document, and for the items of a List (list-items.ts) by document and item: an
  // annotation on an item silences that item's findings only.
  const objectScopes = new Map<string, Set<string>>();
  const readAnnotation = (documentIndex: number, parsed: ParsedChunk, root: FieldPath, key: string): void => {
    const annotation = asString(getIn(parsed.value, [...root, 'metadata', 'annotations', DISABLE_ANNOTATION]));
    if (annotation === undefined) return;
    const ids = parseIds(annotation);
    objectScopes.set(key, new Set(ids.length ? ids : [ALL]));
    const range = rangeForPath(parsed.document, parsed.text, [...root, 'metadata', 'annotations', DISABLE_ANNOTATION], 'value');
    for (const id of ids.filter((candidate) => !isKnownRuleId(candidate))) {
      problems.push(unknownRule(id, range.start + documents[documentIndex].chunk.start, documentIndex, range.end - range.start));
    }
  };
  if (hasAnnotations) {
    documents.forEach(({ parsed }, documentIndex) => {
      readAnnotation(documentIndex, parsed, [], `${documentIndex}`);
      const value = parsed.value;
      if (isObject(value) && typeof value.kind === 'string' && isListObject(value.kind, value) && Array.isArray(value.items)) {
        value.items.forEach((_item, index) => readAnnotation(documentIndex, parsed, ['items', index], `${documentIndex}/${index}`));
      }
    });
  }
  const silencedBy = (scope: Set<string> | undefined, ruleId: string): boolean => scope !== undefined && (scope.has(ALL) || scope.has(ruleId));
  const kept = findings.filter((finding) => {
    const byFile = fileScope.rules.has(ALL) || fileScope.rules.has(finding.ruleId);
    const lineSet = lineScopes.get(lines.positionAt(finding.range.start).line);
    const byLine = lineSet !== undefined && (lineSet.has(ALL) || lineSet.has(finding.ruleId));
    const item = finding.path[0] === 'items' && typeof finding.path[1] === 'number' ? objectScopes.get(`${finding.documentIndex}/${finding.path[1]}`) : undefined;
    const byObject = silencedBy(objectScopes.get(`${finding.documentIndex}`), finding.ruleId) || silencedBy(item, finding.ruleId);
    return !(byFile || byLine || byObject);
  });
  return [...kept, ...problems];
}

function parseIds(list: string): string[] {
  return list
    .split(/[,\s]+/)
    .map((id) => id.trim())
    .filter((id) => id.length > 0 && id !== '--');
}

function lineScope(scopes: Map<number, Set<string>>, line: number): Set<string> {
  let scope = scopes.get(line);
  if (!scope) {
    scope = new Set();
    scopes.set(line, scope);
  }
  return scope;
}

function documentAt(documents: { chunk: DocumentChunk }[], offset: number): number {
  let index = 0;
  documents.forEach(({ chunk }, i) => {
    if (chunk.start <= offset) index = i;
  });
  return index;
}

function unknownRule(id: string, start: number, documentIndex: number, length = id.length): Finding {
  return {
    ruleId: 'suppression-unknown-rule',
    severity: 'warning',
    message: `Unknown rule ${quoted(id)} in a podwise suppression; it suppresses nothing`,
    detail: 'Nothing is suppressed by it. Check the id against the rule list (docs/rules).',
    documentIndex,
    path: [],
    range: { start, end: start + length },
    fixes: [],
  };
}
