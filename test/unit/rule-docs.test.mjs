import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { ALL_RULES } from '../../dist/server/engine.js';

const docsDir = new URL('../../docs/rules/', import.meta.url);
const ids = ALL_RULES.map((rule) => rule.meta.id);

test('every rule has a docs page that names it and links to kubernetes.io or explains its source', () => {
  const missing = ids.filter((id) => !existsSync(new URL(`${id}.md`, docsDir)));
  assert.deepEqual(missing, [], 'rules without docs/rules/<id>.md');
  for (const id of ids) {
    const page = readFileSync(new URL(`${id}.md`, docsDir), 'utf8');
    assert.match(page, new RegExp(`^# \`${id}\``), `${id}.md must start with its id as the title`);
    assert.match(page, /## Bad|## Example|```yaml/, `${id}.md has no example`);
  }
});

test('every docs page belongs to a rule (no orphans)', () => {
  const pages = readdirSync(docsDir).filter((name) => name.endsWith('.md') && !['README.md', '_TEMPLATE.md'].includes(name));
  const orphans = pages.map((name) => name.slice(0, -3)).filter((id) => !ids.includes(id));
  assert.deepEqual(orphans, []);
});

test('rule ids are kebab-case and metadata is complete', () => {
  for (const { meta } of ALL_RULES) {
    assert.match(meta.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(['error', 'warning', 'info', 'hint'].includes(meta.defaultSeverity), meta.id);
    assert.ok(meta.summary && meta.summary.length > 10, `${meta.id} needs a summary`);
  }
});
