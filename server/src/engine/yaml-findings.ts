// YAML-level findings for one document: the first syntax error (later ones are usually its
// cascade), every duplicate key, a document flattened onto one line, and skipped aliases.
import { clipText, MESSAGE_LIMIT, quoted } from './k8s/phrasing';
import type { ParsedChunk, YamlProblem } from './parse';
import type { Finding, Severity } from './types';

/**
 * Problems parse.ts finds in well-formed YAML that go-yaml (kubectl) fails to decode (codes from
 * parse.ts and merge-keys.ts; spelled out here so this module does not pull in `yaml`).
 */
const DECODE_ERRORS = new Set(['UNRESOLVED_ALIAS', 'RECURSIVE_ALIAS', 'MERGE_NOT_MAPPING', 'VALUE_ERROR']);

/** A line with this many `key: value` pairs on it lost its line breaks. */
const FLATTENED_PAIRS_PER_LINE = 4;

export function yamlFindings(parsed: ParsedChunk): Finding[] {
  if (parsed.kind === 'template') return [];
  const findings: Finding[] = [];
  const duplicates = parsed.errors.filter((error) => error.code === 'DUPLICATE_KEY');
  const syntax = parsed.errors.filter((error) => error.code !== 'DUPLICATE_KEY');
  for (const duplicate of duplicates) {
    const key = parsed.text.slice(duplicate.start, duplicate.end).trim() || 'this key';
    findings.push(
      make(
        'yaml-duplicate-key',
        'error',
        `Duplicate key ${quoted(key)}: kubectl rejects the file`,
        duplicate,
        parsed.text.length,
        'YAML allows a key once per mapping, and kubectl rejects the file ("mapping key already defined"). Remove or merge one of them.',
      ),
    );
  }
  // Only a document that does not parse can have lost its line breaks: the scan is skipped otherwise.
  const flattened = syntax.length > 0 ? flattenedLine(parsed.text) : undefined;
  if (flattened) {
    findings.push(
      make(
        'yaml-flattened',
        'error',
        `This document is on one line (${flattened.pairs} "key: value" pairs): its line breaks were lost`,
        { code: 'FLATTENED', message: '', start: flattened.start, end: flattened.end },
        parsed.text.length,
        'Its line breaks and indentation were lost (often when copying from a web page). Put each key on its own line and indent nested fields under their parent.',
      ),
    );
  }
  if (syntax.length > 0) {
    const first = syntax[0];
    const more = syntax.length - 1;
    const tail = more > 0 ? `${more} more syntax error${more === 1 ? ' in this document is' : 's in this document are'} hidden: they usually follow from this one.` : undefined;
    // Alias and merge-key errors are well-formed YAML that kubectl cannot decode: not "syntax".
    const label = DECODE_ERRORS.has(first.code) ? 'YAML error' : 'YAML syntax error';
    const sentence = firstSentence(first.message);
    // The message keeps the sentence's first clause (what is wrong); the rest (kubectl's words,
    // the hidden-errors count) goes to the detail.
    const head = first.code === 'MERGE_NOT_MAPPING' ? 'the merge key "<<" needs a mapping or a list of mappings' : sentence.split('; ')[0];
    const message = clipText(`${label}: ${head}`, MESSAGE_LIMIT);
    const detail = [head !== sentence || message.endsWith('…') ? `${sentence}.` : '', tail ?? ''].filter(Boolean).join(' ');
    const finding = make('yaml-syntax', 'error', message, first, parsed.text.length, detail || undefined);
    // The separator's fix is plain text (no field path to resolve): the line becomes `---`.
    if (first.code === 'BAD_SEPARATOR')
      finding.fixes.push({ title: 'Write the separator as "---"', edits: [{ range: finding.range, newText: '---' }], preferred: true, safe: true });
    findings.push(finding);
  }
  if (parsed.valueError) {
    findings.push(
      make(
        'yaml-limit',
        'info',
        'This document was not checked: it expands more aliases than Podwise follows',
        parsed.valueError,
        parsed.text.length,
        'An "alias bomb" or a very large anchor reuse: expanding it would take more memory and time than checking is worth.',
      ),
    );
  }
  return findings;
}

/**
 * A finding on the problem's range, at least one character wide so editors show it, and inside the
 * document text: `yaml` puts an error at the very end (an unclosed `[`) one character past it.
 */
function make(ruleId: string, severity: Severity, message: string, problem: YamlProblem, length: number, detail?: string): Finding {
  const start = Math.min(Math.max(problem.start, 0), length);
  const end = Math.min(Math.max(problem.end, start + 1), length);
  return { ruleId, severity, message, ...(detail ? { detail } : {}), documentIndex: 0, path: [], range: { start, end }, fixes: [] };
}

function firstSentence(message: string): string {
  const line = message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
  return line.replace(/\.$/, '');
}

function flattenedLine(text: string): { start: number; end: number; pairs: number } | undefined {
  let offset = 0;
  for (const line of text.split('\n')) {
    const pairs = (line.match(/(?:^|\s)[A-Za-z_][\w.-]*:\s+\S/g) ?? []).length;
    if (pairs >= FLATTENED_PAIRS_PER_LINE && !/^\s*#/.test(line) && !/[{[]/.test(line.trimStart().charAt(0))) {
      // trimEnd, not `/\s+$/`: the regex retries from every blank of a long run (a 100 KB line: minutes).
      return { start: offset, end: offset + line.trimEnd().length, pairs };
    }
    offset += line.length + 1;
  }
  return undefined;
}
