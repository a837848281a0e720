import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseChunk, resolveFix } from '../../../dist/server/engine.js';
import { applyEdits, yaml } from '../../helpers/engine.mjs';

function apply(text, ...intents) {
  const parsed = parseChunk({ text });
  const fix = resolveFix(parsed.document, text, { title: 't', intents }, 0);
  assert.ok(fix, `intents did not resolve: ${JSON.stringify(intents)}`);
  return applyEdits(text, fix.edits);
}

const probe = yaml`
  containers:
  - name: web # the app
    livenessProbe:
      httpGet: {path: /healthz, port: 8080}
      successThreshold: 3 # was copied from readiness
      periodSeconds: 5
`;

test('set replaces only the value and keeps the trailing comment', () => {
  const out = apply(probe, { op: 'set', path: ['containers', 0, 'livenessProbe', 'successThreshold'], value: 1 });
  assert.match(out, /successThreshold: 1 # was copied from readiness\n/);
  assert.equal(out.replace('successThreshold: 1', 'successThreshold: 3'), probe);
});

test('delete removes the pair lines only', () => {
  const out = apply(probe, { op: 'delete', path: ['containers', 0, 'livenessProbe', 'periodSeconds'] });
  assert.equal(out, probe.replace('    periodSeconds: 5\n', ''));
});

test('delete inside a flow mapping keeps the braces and commas right', () => {
  const out = apply(probe, { op: 'delete', path: ['containers', 0, 'livenessProbe', 'httpGet', 'path'] });
  assert.match(out, /httpGet: \{port: 8080\}/);
});

test('delete of the first key of a sequence item keeps the dash', () => {
  const out = apply(probe, { op: 'delete', path: ['containers', 0, 'name'] });
  assert.match(out, /^containers:\n- livenessProbe:\n {4}httpGet/);
});

test('delete of a sequence item removes its lines', () => {
  const text = 'args:\n- a\n- b # keep\n- c\n';
  assert.equal(apply(text, { op: 'delete', path: ['args', 0] }), 'args:\n- b # keep\n- c\n');
});

test('rename changes the key only', () => {
  const text = 'spec:\n  livenessprobe: # note\n    exec: {command: [true]}\n';
  assert.equal(apply(text, { op: 'rename', path: ['spec', 'livenessprobe'], newKey: 'livenessProbe' }), text.replace('livenessprobe', 'livenessProbe'));
});

test('insert adds a pair at the mapping indentation, after a named sibling', () => {
  const out = apply(probe, { op: 'insert', path: ['containers', 0, 'livenessProbe'], key: 'failureThreshold', value: 3, after: 'httpGet' });
  assert.match(out, /httpGet: \{path: \/healthz, port: 8080\}\n {4}failureThreshold: 3\n {4}successThreshold: 3/);
});

test('insert creates missing parents as nested block YAML', () => {
  const text = 'spec:\n  template:\n    metadata:\n      labels: {app: web}\n';
  const out = apply(text, { op: 'insert', path: ['spec', 'selector', 'matchLabels'], key: 'app', value: 'web' });
  assert.equal(out, text + '  selector:\n    matchLabels:\n      app: web\n');
});

test('insert into a flow mapping stays on the line', () => {
  const out = apply('probe: {port: 80}\n', { op: 'insert', path: ['probe'], key: 'path', value: '/' });
  assert.equal(out, 'probe: {port: 80, path: /}\n');
});

test('append adds a sequence item with the list indentation', () => {
  const text = 'ports:\n  - containerPort: 80 # http\n';
  const out = apply(text, { op: 'append', path: ['ports'], value: { name: 'metrics', containerPort: 9090 } });
  assert.equal(out, text + '  - name: metrics\n    containerPort: 9090\n');
});

test('quote keeps the scalar text as a string', () => {
  const text = 'env:\n- name: MYSQL_ROOT_PASSWORD\n  value: 123456 # weak\n';
  assert.equal(apply(text, { op: 'quote', path: ['env', 0, 'value'] }), text.replace('123456', '"123456"'));
});

test('set on a missing field inserts it', () => {
  const out = apply('spec:\n  containers: []\n', { op: 'set', path: ['spec', 'restartPolicy'], value: 'Never' });
  assert.equal(out, 'spec:\n  containers: []\n  restartPolicy: Never\n');
});

test('overlapping intents make the fix unavailable instead of corrupting the text', () => {
  const parsed = parseChunk({ text: probe });
  const fix = resolveFix(parsed.document, probe, {
    title: 't',
    intents: [
      { op: 'delete', path: ['containers', 0, 'livenessProbe'] },
      { op: 'set', path: ['containers', 0, 'livenessProbe', 'periodSeconds'], value: 10 },
    ],
  }, 0);
  assert.equal(fix, undefined);
});

test('a path that does not exist yields no fix', () => {
  const parsed = parseChunk({ text: probe });
  assert.equal(resolveFix(parsed.document, probe, { title: 't', intents: [{ op: 'delete', path: ['nope', 1] }] }, 0), undefined);
});

test('deleting the last block pair of a mapping leaves the next, less indented key alone', () => {
  const text = 'spec:\n  initContainers:\n  - name: migrate\n    readinessProbe:\n      exec: {command: [cat]}\n  containers:\n  - name: app\n';
  const out = apply(text, { op: 'delete', path: ['spec', 'initContainers', 0, 'readinessProbe'] });
  assert.equal(out, 'spec:\n  initContainers:\n  - name: migrate\n  containers:\n  - name: app\n');
});

test('inserting after a block-valued sibling lands right after that block', () => {
  const text = 'c:\n  probe:\n    exec: {command: [cat]}\n  name: x\nnext: 1\n';
  const out = apply(text, { op: 'insert', path: ['c'], key: 'image', value: 'a:1', after: 'probe' });
  assert.equal(out, 'c:\n  probe:\n    exec: {command: [cat]}\n  image: a:1\n  name: x\nnext: 1\n');
});
