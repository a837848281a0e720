import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitDocuments } from '../../../dist/server/engine.js';

test('splits a stream on --- markers and keeps exact offsets', () => {
  const text = 'a: 1\n---\nb: 2\n--- # comment\nc: 3\n';
  const chunks = splitDocuments(text);
  assert.deepEqual(
    chunks.map((c) => c.text),
    ['a: 1\n', '---\nb: 2\n', '--- # comment\nc: 3\n'],
  );
  for (const chunk of chunks) assert.equal(text.slice(chunk.start, chunk.start + chunk.text.length), chunk.text);
  assert.deepEqual(
    chunks.map((c) => c.startLine),
    [0, 1, 3],
  );
});

test('leading comments and a first --- stay in the first document', () => {
  const chunks = splitDocuments('# header\n---\na: 1\n');
  assert.equal(chunks.length, 1);
});

test('---- and ---x are not document markers', () => {
  assert.equal(splitDocuments('a: |\n  ---\nb: ----\n---x: 1\n').length, 1);
});

test('a trailing comment block joins the last document', () => {
  const chunks = splitDocuments('a: 1\n---\nb: 2\n---\n# only a comment\n');
  assert.equal(chunks.length, 3);
  assert.equal(chunks[2].text, '---\n# only a comment\n');
});

test('CRLF line endings split the same way', () => {
  const chunks = splitDocuments('a: 1\r\n---\r\nb: 2\r\n');
  assert.deepEqual(
    chunks.map((c) => c.text),
    ['a: 1\r\n', '---\r\nb: 2\r\n'],
  );
});

test('empty text is one empty document', () => {
  assert.deepEqual(
    splitDocuments('').map((c) => c.text),
    [''],
  );
});
