// Findings say less: every message is one sentence of at most 100 characters that names the
// object and the problem (the Problems panel cuts at about 80, Error Lens shows the whole line);
// the explanation goes to `detail` (hover, JSON) and the rule page. Measured over the examples
// and, when it is beside the clone, the shared corpus.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../../dist/server/engine.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = process.env.PODWISE_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');
export const MAX_MESSAGE = 100;

function yamlFiles(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yamlFiles(path, out);
    else if (/\.ya?ml$/i.test(name) && statSync(path).size < 2 * 1024 * 1024) out.push(path);
  }
  return out;
}

const folders = [join(ROOT, 'examples'), ...['valid', 'fixtures', 'legacy'].map((folder) => join(CORPUS, folder))];

test('no finding message is over 100 characters (examples, and the corpus when present)', (t) => {
  const long = [];
  const lengths = [];
  for (const folder of folders) {
    for (const file of yamlFiles(folder)) {
      for (const version of ['1.36', '1.29']) {
        for (const finding of analyzeText(readFileSync(file, 'utf8'), { kubernetesVersion: version }).findings) {
          lengths.push(finding.message.length);
          if (finding.message.length > MAX_MESSAGE) long.push(`${finding.ruleId} (${finding.message.length}): ${finding.message}`);
        }
      }
    }
  }
  lengths.sort((a, b) => a - b);
  const at = (q) => lengths[Math.min(lengths.length - 1, Math.floor(q * lengths.length))];
  t.diagnostic(`${lengths.length} messages: median ${at(0.5)}, p90 ${at(0.9)}, longest ${lengths.at(-1)} characters`);
  const byRule = new Map();
  for (const line of long) byRule.set(line.split(' ')[0], (byRule.get(line.split(' ')[0]) ?? 0) + 1);
  assert.deepEqual([...byRule].sort(), [], `${long.length} messages over ${MAX_MESSAGE} characters, e.g.\n${[...new Set(long)].slice(0, 30).join('\n')}`);
});

const VALID = join(CORPUS, 'valid');
test(
  'notes on good manifests: info and hint findings on the valid corpus stay under a quarter of 0.1.0 (496)',
  { skip: existsSync(VALID) ? false : `the corpus is not at ${CORPUS}` },
  (t) => {
    const byRule = new Map();
    for (const file of yamlFiles(VALID)) {
      for (const finding of analyzeText(readFileSync(file, 'utf8'), { kubernetesVersion: '1.36' }).findings) {
        if (finding.severity === 'info' || finding.severity === 'hint') byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
      }
    }
    const total = [...byRule.values()].reduce((sum, count) => sum + count, 0);
    t.diagnostic(`info+hint on valid/: ${total} (${[...byRule].map(([rule, count]) => `${rule} ${count}`).join(', ')})`);
    assert.ok(total < 496 / 4, `${total} info/hint findings on valid/`);
  },
);
