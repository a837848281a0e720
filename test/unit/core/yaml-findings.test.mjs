// YAML findings (engine/yaml-findings.ts): every range lies inside the document text, even for
// an error `yaml` places one character past its end. yamlFindings is internal, so it is bundled
// from source here (esbuild, as the build does) and fed documents parsed by the built engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { analyzeText, parseChunk } from '../../../dist/server/engine.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

async function loadYamlFindings() {
  const dir = mkdtempSync(join(tmpdir(), 'podwise-yaml-findings-'));
  try {
    const outfile = join(dir, 'yaml-findings.mjs');
    buildSync({ entryPoints: [join(ROOT, 'server/src/engine/yaml-findings.ts')], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'silent' });
    return (await import(pathToFileURL(outfile).href)).yamlFindings;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const yamlFindings = await loadYamlFindings();

// Each of these ends in a syntax error that `yaml` reports at offset text.length (range [n, n+1]).
const ERRORS_AT_THE_END = ['a: [1, 2', 'a: "x', 'a: {b: 1', '[', 'apiVersion: v1\nkind: Pod\nmetadata: ['];

test('a syntax error at the very end of the text gets a range inside the text', () => {
  for (const text of ERRORS_AT_THE_END) {
    const parsed = parseChunk({ text });
    assert.ok(
      parsed.errors.some((error) => error.end > text.length),
      `precondition: yaml reports past the end of ${JSON.stringify(text)}`,
    );
    const findings = yamlFindings(parsed);
    const syntax = findings.find((finding) => finding.ruleId === 'yaml-syntax');
    assert.ok(syntax, `a yaml-syntax finding for ${JSON.stringify(text)}`);
    for (const finding of findings) {
      assert.ok(
        finding.range.start >= 0 && finding.range.start <= finding.range.end && finding.range.end <= text.length,
        `${finding.ruleId} ${JSON.stringify(finding.range)} inside ${text.length}`,
      );
    }
    assert.equal(syntax.range.end, text.length);
  }
});

test('an error inside the text keeps its range, widened to one character when empty', () => {
  const text = 'a: b: c\n';
  const [finding] = yamlFindings(parseChunk({ text }));
  assert.equal(finding.ruleId, 'yaml-syntax');
  assert.equal(finding.range.start, 3);
  assert.equal(finding.range.end, 4);
  const duplicate = 'a: 1\na: 2\n';
  const [dup] = yamlFindings(parseChunk({ text: duplicate }));
  assert.equal(dup.ruleId, 'yaml-duplicate-key');
  assert.equal(duplicate.slice(dup.range.start, dup.range.end), 'a');
});

test('through the analyzer: the range of the last document of a file stays inside the file', () => {
  const text = 'a: b\n---\n[';
  const [finding] = analyzeText(text, { kubernetesVersion: '1.36' }).findings.filter((f) => f.ruleId === 'yaml-syntax');
  assert.equal(finding.documentIndex, 1);
  assert.ok(finding.range.end <= text.length);
  assert.equal(finding.range.start, text.length);
});
