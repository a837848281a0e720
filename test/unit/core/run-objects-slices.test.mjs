// The workspace index parses a file's documents in slices (engine/run-objects.ts
// collectRunObjectsInSlices), pausing once a slice's time is spent, so the language server
// answers a keystroke while it reads a big file. The objects are those collectRunObjects finds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectRunObjects, collectRunObjectsInSlices } from '../../../dist/server/engine.js';

const service = (name) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: {app: ${name}}
  ports: [{port: 80}]
`;
const text = [service('a'), '# a comment only\n', service('b'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {k: v}\n', service('d')].join('---\n');

test('a slice per document: a pause between documents, none after the last; the same objects', async () => {
  let clock = 0;
  let pauses = 0;
  // Each reading of the clock moves it on by 1 ms: with sliceMs 1, every parsed document ends a slice.
  const slices = { sliceMs: 1, now: () => clock++, pause: async () => void (pauses += 1) };
  const sliced = await collectRunObjectsInSlices('/w/all.yaml', text, slices);
  assert.deepEqual(sliced, collectRunObjects('/w/all.yaml', text));
  assert.deepEqual(
    sliced.map((object) => `${object.kind}/${object.name}`),
    ['Service/a', 'Service/b', 'ConfigMap/c', 'Service/d'],
  );
  assert.equal(pauses, 3, 'after a, b and c; the comment-only document is not parsed');
});

test('a long slice: no pause at all', async () => {
  let pauses = 0;
  const sliced = await collectRunObjectsInSlices('/w/all.yaml', text, { sliceMs: 1e9, now: () => 0, pause: async () => void (pauses += 1) });
  assert.equal(sliced.length, 4);
  assert.equal(pauses, 0);
});
