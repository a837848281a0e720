// Bytes → text for manifests and `.podwise.yaml` (engine/decode-text.ts), and the escaping of
// terminal control characters in the CLI's text output (cli/format-text.ts).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';

// Neither has its own bundle entry: the CLI bundle re-exports them for tests.
const { decodeText, terminalSafe } = createRequire(import.meta.url)('../../../dist/server/cli.js');

const TEXT = 'apiVersion: v1\nkind: Pod # é ✓ 😀\n';
const utf16le = (text) => Buffer.from(text, 'utf16le');
const utf16be = (text) => utf16le(text).swap16();
const bytes = (...parts) => Buffer.concat(parts.map((part) => (Array.isArray(part) ? Buffer.from(part) : Buffer.isBuffer(part) ? part : Buffer.from(part))));

describe('decodeText', () => {
  test('UTF-8, UTF-8 with BOM, UTF-16 LE and BE with BOM give the same text, without the BOM', () => {
    const cases = [
      ['utf-8', bytes(TEXT)],
      ['utf-8-bom', bytes([0xef, 0xbb, 0xbf], TEXT)],
      ['utf-16le', bytes([0xff, 0xfe], utf16le(TEXT))],
      ['utf-16be', bytes([0xfe, 0xff], utf16be(TEXT))],
    ];
    for (const [encoding, input] of cases) assert.deepEqual(decodeText(input), { text: TEXT, encoding, replaced: false }, encoding);
  });

  test('only the first BOM is taken off: a second U+FEFF is content and keeps its offset', () => {
    assert.equal(decodeText(bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'a')).text, '\uFEFFa');
    assert.equal(decodeText(bytes([0xff, 0xfe], utf16le('\uFEFFa'))).text, '\uFEFFa');
  });

  test('empty input and a lone BOM are empty text', () => {
    assert.equal(decodeText(Buffer.alloc(0)).text, '');
    assert.equal(decodeText(bytes([0xef, 0xbb, 0xbf])).text, '');
    assert.equal(decodeText(bytes([0xff, 0xfe])).text, '');
  });

  test('invalid UTF-8 becomes U+FFFD and is flagged', () => {
    const result = decodeText(bytes('caf', [0xe9], '\nok: 1\n'));
    assert.deepEqual(result, { text: 'caf\uFFFD\nok: 1\n', encoding: 'utf-8', replaced: true });
  });

  test('broken UTF-16 (odd length, lone surrogate) is flagged too', () => {
    assert.equal(decodeText(bytes([0xff, 0xfe], utf16le('ab'), [0x63])).replaced, true);
    assert.equal(decodeText(bytes([0xff, 0xfe], [0x00, 0xd8, 0x61, 0x00])).text, '\uFFFDa');
  });

  test('without a BOM the bytes are UTF-8, as go-yaml reads them (no guessing from NUL bytes)', () => {
    assert.deepEqual(decodeText(utf16le('a:')), { text: 'a\u0000:\u0000', encoding: 'utf-8', replaced: false });
  });
});

describe('terminalSafe', () => {
  test('C0 controls but the tab, DEL and C1 controls become \\xHH', () => {
    assert.equal(terminalSafe('a\u001b[31mb\u0007c\rd\ne\u0000f\u007fg\u009bh\u0085'), 'a\\x1b[31mb\\x07c\\x0dd\\x0ae\\x00f\\x7fg\\x9bh\\x85');
    assert.equal(terminalSafe('tab\there'), 'tab\there');
  });

  test('bidi embeddings, overrides and isolates become \\uHHHH', () => {
    const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
    assert.equal(terminalSafe(bidi.join('')), '\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069');
  });

  test('printable text, non-ASCII letters and emoji are left alone', () => {
    const text = 'Container "wéb-ü" 日本 😀 \\x1b (a real backslash), and a right-to-left mark (not an override): \u200f';
    assert.equal(terminalSafe(text), text);
  });
});
