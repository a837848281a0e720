// Splits a YAML stream into documents by line, so each document can be parsed and cached on
// its own: an edit in one document of a 100-document file re-parses only that document.
//
// This is exact for YAML: a line starting with `---` or `...` followed by white space or the end
// of the line is a document marker wherever it appears (YAML 1.2 §9.1.2, "c-forbidden"); block
// and multi-line flow scalars may not contain one.

export interface DocumentChunk {
  /** Offset of the chunk in the whole text. */
  start: number;
  /** Text of the chunk, including its leading `---` line if any. */
  text: string;
  /** 0-based line in the whole text where the chunk starts. */
  startLine: number;
}

const MARKER = /^(---|\.\.\.)(?=[ \t\r\n]|$)/;

/**
 * A line of dashes and blanks at column 0 that is not `---`: a document separator typed wrong
 * (`----`, `--- -`, `-- -`). kubectl's document reader stops at it ("invalid Yaml document
 * separator") or YAML reads it as a stray scalar, and every later key cascades into errors. It
 * is split on like `---` and reported once (parse.ts), so the documents around it are checked.
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/object-management/
 */
const MALFORMED_SEPARATOR = /^--[ \t-]*$/;
const VALID_SEPARATOR = /^---[ \t]*$/;

/** The separator-like part of a line (without its line break) when it is a malformed separator. */
export function malformedSeparator(line: string): string | undefined {
  const content = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (!MALFORMED_SEPARATOR.test(content) || VALID_SEPARATOR.test(content)) return undefined;
  return content.trimEnd();
}

export function splitDocuments(text: string): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  let chunkStart = 0;
  let chunkLine = 0;
  let sawContent = false;
  let lineStart = 0;
  let line = 0;
  // A `---` opens a new document; `...` closes the current one (what follows until the next
  // `---` belongs to the next document). Directives (`%YAML`) stay with the document they precede.
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    // Only a line that starts with `-` or `.` can be a marker (most lines are not: no slice for them).
    const first = text.charCodeAt(lineStart);
    const marker = first === DASH || first === DOT ? markerOf(text.slice(lineStart, lineEnd)) : undefined;
    if (marker && marker[1] === '---' && sawContent) {
      chunks.push({ start: chunkStart, text: text.slice(chunkStart, lineStart), startLine: chunkLine });
      chunkStart = lineStart;
      chunkLine = line;
      sawContent = false;
    }
    if (marker && marker[1] === '---') {
      sawContent = true;
    } else if (marker && marker[1] === '...') {
      chunks.push({ start: chunkStart, text: text.slice(chunkStart, lineEnd), startLine: chunkLine });
      chunkStart = lineEnd;
      chunkLine = line + 1;
      sawContent = false;
    } else if (!sawContent) {
      const lineText = text.slice(lineStart, lineEnd);
      if (!isBlankOrComment(lineText)) sawContent = !lineText.startsWith('%');
    }
    if (newline === -1) break;
    lineStart = lineEnd;
    line += 1;
  }
  if (chunkStart < text.length || chunks.length === 0) {
    const rest = text.slice(chunkStart);
    // A trailing chunk of only comments/blank lines belongs to the previous document.
    if (chunks.length > 0 && isBlankOrCommentBlock(rest)) {
      const last = chunks[chunks.length - 1];
      chunks[chunks.length - 1] = { ...last, text: last.text + rest };
      return chunks;
    }
    if (rest.length > 0 || chunks.length === 0) chunks.push({ start: chunkStart, text: rest, startLine: chunkLine });
  }
  return chunks;
}

const DASH = 0x2d;
const DOT = 0x2e;

/** `---` or `...` when the line is a document marker (a malformed separator counts as `---`). */
function markerOf(lineText: string): readonly string[] | null {
  const bad = malformedSeparator(lineText.endsWith('\n') ? lineText.slice(0, -1) : lineText) !== undefined;
  return bad ? ['---', '---'] : MARKER.exec(lineText);
}

function isBlankOrComment(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

function isBlankOrCommentBlock(text: string): boolean {
  return text.split('\n').every(isBlankOrComment);
}
