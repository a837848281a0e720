// The generated field version index (server/src/engine/editor/field-version-index.ts) matches the
// committed schemas, and says what the schemas say for fields we know moved.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { computeFieldVersions, INDEX_PATH, renderFieldIndex } from '../../../scripts/generate-field-index.mjs';

const definitionsOf = (version) => JSON.parse(readFileSync(new URL(`../../../schemas/v${version}/definitions.json`, import.meta.url), 'utf8')).definitions;

describe('field version index', () => {
  it('the committed index is what the generator makes from schemas/ (drift)', async () => {
    assert.equal(readFileSync(INDEX_PATH, 'utf8'), await renderFieldIndex());
  });

  it('entries agree with the definitions: PodSpec.hostnameOverride since 1.34, workloadRef only in 1.35', () => {
    const { index, oldest, newest } = computeFieldVersions();
    assert.equal(oldest, 29);
    assert.equal(newest, 36);
    const podSpec = index['io.k8s.api.core.v1.PodSpec'];
    assert.deepEqual(podSpec.hostnameOverride, { since: 34 });
    assert.deepEqual(podSpec.workloadRef, { since: 35, until: 35 });
    assert.equal(podSpec.containers, undefined, 'present in every version: no entry');
    assert.equal('hostnameOverride' in definitionsOf('1.33')['io.k8s.api.core.v1.PodSpec'].properties, false);
    assert.equal('hostnameOverride' in definitionsOf('1.34')['io.k8s.api.core.v1.PodSpec'].properties, true);
    assert.deepEqual(index['io.k8s.api.core.v1.PodResourceClaim'].source, { until: 30 });
  });

  it('stays small: only fields whose versions differ from their type', () => {
    const { index } = computeFieldVersions();
    const count = Object.values(index).reduce((sum, fields) => sum + Object.keys(fields).length, 0);
    assert.ok(count > 50 && count < 1000, `${count} entries`);
    assert.ok(readFileSync(INDEX_PATH, 'utf8').length < 50_000);
  });
});
