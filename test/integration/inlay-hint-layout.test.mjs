// Inlay hints fit and stay out of the way, over the examples and (when it is beside the clone)
// the shared corpus: every label fits VS Code's default `editor.inlayHints.maximumLength` (43: a
// longer label is cut with "…"), and no hint sits before a trailing `# comment` on its line (the
// hint is inserted text: it would push the comment right). Comments are found with yaml's own
// lexer, independently of the engine's check.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Lexer } from 'yaml';
import { inlayHints } from '../../dist/server/engine.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = process.env.PODWISE_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');
const MAX_LABEL = 43;

function yamlFiles(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yamlFiles(path, out);
    else if (/\.ya?ml$/i.test(name) && statSync(path).size < 2 * 1024 * 1024) out.push(path);
  }
  return out;
}

/** Start offsets of the comments of `text`, by yaml's lexer (its control tokens take no source). */
export function commentStarts(text) {
  const starts = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token.length === 1 && token < ' ' && !'\t\n\r'.includes(token)) continue;
    if (token.startsWith('#')) starts.push(offset);
    offset += token.length;
  }
  return starts;
}

const folders = [join(ROOT, 'examples'), ...['valid', 'fixtures', 'legacy'].map((folder) => join(CORPUS, folder))];

test('commentStarts finds trailing comments and skips # inside scalars (the oracle itself)', () => {
  const text = 'a: b # one\nc: "x # y"\nd: e#f\n# whole line\n';
  assert.deepEqual(
    commentStarts(text).map((at) => text.slice(at, text.indexOf('\n', at))),
    ['# one', '# whole line'],
  );
});

test('every inlay hint label fits 43 characters and no hint precedes a comment on its line (examples and corpus)', (t) => {
  let files = 0;
  let hints = 0;
  let longest = '';
  const problems = [];
  for (const folder of folders) {
    for (const file of yamlFiles(folder)) {
      const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
      const found = inlayHints(text);
      if (found.length === 0) continue;
      files += 1;
      hints += found.length;
      const comments = commentStarts(text);
      for (const hint of found) {
        if (hint.label.length > longest.length) longest = hint.label;
        if (hint.label.length > MAX_LABEL) problems.push(`${file}: label of ${hint.label.length} characters: ${hint.label}`);
        const lineEnd = text.indexOf('\n', hint.offset) === -1 ? text.length : text.indexOf('\n', hint.offset);
        if (comments.some((at) => at >= hint.offset && at < lineEnd)) {
          problems.push(`${file}: hint "${hint.label}" before a comment: ${text.slice(text.lastIndexOf('\n', hint.offset - 1) + 1, lineEnd)}`);
        }
      }
    }
  }
  t.diagnostic(`${hints} hints in ${files} files; longest label (${longest.length}): ${longest}`);
  assert.ok(hints > 0, 'the examples have hints');
  assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems`);
});
