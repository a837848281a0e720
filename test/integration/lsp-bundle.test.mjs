// The built bundles are one-byte text. V8 keeps a script's source in memory for as long as the
// script lives, as a one-byte string when every character is Latin-1 and as a two-byte string
// otherwise: a single `↔` that esbuild leaves in a kept comment (it does, on class getters)
// doubled the language server's 1.3 MB source to 2.6 MB of heap, in every server process.
// (esbuild escapes non-ASCII characters in strings, regexes and identifiers, not in comments.)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

for (const bundle of ['dist/server/server.js', 'dist/server/cli.js', 'dist/server/engine.js', 'dist/server/cli-worker.js']) {
  test(`${bundle} has no character beyond Latin-1 (its source stays a one-byte string)`, () => {
    const source = readFileSync(join(ROOT, bundle), 'utf8');
    const wide = [];
    const lines = source.split('\n');
    lines.forEach((line, index) => {
      if (/[^\u0000-\u00ff]/.test(line)) wide.push(`${bundle}:${index + 1}: ${line.trim().slice(0, 120)}`);
    });
    assert.deepEqual(wide, [], 'characters beyond U+00FF (write them as ASCII in comments the bundle keeps)');
  });
}

// esbuild copies a CommonJS package's whole export object once per module that imports a value
// from it; vscode-languageserver's has hundreds of properties. With nine copies at start-up V8
// optimized the copy helper at once and the server started 5 MB bigger (VmRSS 52.7 → 58.1 MB):
// values come from lsp/protocol-values.ts, types from anywhere.
test('LSP modules import vscode-languageserver values through protocol-values.ts only', () => {
  const dir = join(ROOT, 'server', 'src', 'lsp');
  // workspace-settings.ts: two values, its own copy (the settings helper's module, left as it is).
  const allowed = new Set(['protocol-values.ts', 'workspace-settings.ts']);
  const offenders = [];
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts'))) {
    const source = readFileSync(join(dir, name), 'utf8');
    for (const match of source.matchAll(/^import (type )?\{([^}]*)\} from 'vscode-languageserver(?:\/node)?';/gm)) {
      const values = match[1]
        ? []
        : match[2]
            .split(',')
            .map((item) => item.trim())
            .filter((item) => item && !item.startsWith('type '));
      if (values.length > 0 && !allowed.has(name)) offenders.push(`${name}: ${values.join(', ')}`);
    }
  }
  assert.deepEqual(offenders, []);
});
