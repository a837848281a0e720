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
  const fix = resolveFix(
    parsed.document,
    probe,
    {
      title: 't',
      intents: [
        { op: 'delete', path: ['containers', 0, 'livenessProbe'] },
        { op: 'set', path: ['containers', 0, 'livenessProbe', 'periodSeconds'], value: 10 },
      ],
    },
    0,
  );
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

// Found by the quick-fix property (test/fuzz/quick-fix.test.mjs) on the KYAML examples of the
// corpus (valid/kubernetes-website-kyaml): a flow collection with a trailing comma got a second one.
test('insert into a KYAML flow mapping (one entry per line, trailing commas) keeps its layout', () => {
  const text = '{\n  spec: {\n    initContainers: [{\n      name: "install",\n      image: "busybox:1.28", # pinned\n    }],\n  },\n}\n';
  assert.deepEqual(parseChunk({ text }).errors, []);
  const out = apply(text, { op: 'insert', path: ['spec', 'initContainers', 0], key: 'imagePullPolicy', value: 'IfNotPresent' });
  assert.equal(out, text.replace('# pinned\n', '# pinned\n      imagePullPolicy: IfNotPresent,\n'));
  assert.deepEqual(parseChunk({ text: out }).errors, []);
});

test('insert into a one-line flow mapping with a trailing comma adds no second comma', () => {
  const out = apply('probe: {port: 80, }\n', { op: 'insert', path: ['probe'], key: 'path', value: '/' });
  assert.equal(out, 'probe: {port: 80, path: /, }\n');
});

test('append to a flow sequence goes after the last item, before a trailing comma or comment', () => {
  assert.equal(apply('args: [a, b]\n', { op: 'append', path: ['args'], value: 'c' }), 'args: [a, b, c]\n');
  assert.equal(apply('args: [\n  a,\n  b,\n]\n', { op: 'append', path: ['args'], value: 'c' }), 'args: [\n  a,\n  b,\n  c,\n]\n');
  assert.equal(apply('args: [a, b # last\n]\n', { op: 'append', path: ['args'], value: 'c' }), 'args: [a, b, c # last\n]\n');
});

test('a fix without intents is not offered', () => {
  const parsed = parseChunk({ text: probe });
  assert.equal(resolveFix(parsed.document, probe, { title: 'nothing to do', intents: [] }, 0), undefined);
});

// More from the quick-fix property on mutated corpus manifests.
test('set on an empty value keeps the space after the colon', () => {
  const text = 'spec:\n  volumes:\n  containers: []\n';
  const out = apply(text, { op: 'set', path: ['spec', 'volumes'], value: [{ name: 'cache', emptyDir: {} }] });
  assert.equal(out, 'spec:\n  volumes: [{name: cache, emptyDir: {}}]\n  containers: []\n');
});

test('set on a block scalar keeps the line break after it', () => {
  const text = 'c:\n  command: >2\n    run it\n  args: []\n';
  assert.equal(apply(text, { op: 'set', path: ['c', 'command'], value: ['run'] }), 'c:\n  command: [run]\n  args: []\n');
});

test('set and quote replace an explicit tag with the value, so the tag cannot keep the old type', () => {
  assert.equal(apply('m:\n  name: !!bool yes # c\n', { op: 'quote', path: ['m', 'name'] }), 'm:\n  name: "yes" # c\n');
  assert.equal(apply('m:\n  k: &x !!str 3\n', { op: 'set', path: ['m', 'k'], value: 3 }), 'm:\n  k: &x 3\n');
});

test('a document with YAML syntax errors gets no fixes (its ranges are not trustworthy)', () => {
  const text = 'spec:\n  securityContext:\n          runAsNonRoot: false\n      containers:\n    - name: a\n';
  const parsed = parseChunk({ text });
  assert.ok(parsed.document.errors.length > 0);
  assert.equal(resolveFix(parsed.document, text, { title: 't', intents: [{ op: 'delete', path: ['spec', 'securityContext', 'runAsNonRoot'] }] }, 0), undefined);
});

test('deleting the only pair of a block mapping leaves {} (not null), keeping comments and the sequence item', () => {
  const text = 'spec:\n  template: # the pods\n    spec:\n      containers: []\n  backoffLimit: 4\n';
  assert.equal(apply(text, { op: 'delete', path: ['spec', 'template', 'spec'] }), 'spec:\n  template: {} # the pods\n  backoffLimit: 4\n');
  assert.equal(apply('items:\n- only: x # c\n- a: 1\n', { op: 'delete', path: ['items', 0, 'only'] }), 'items:\n- {} # c\n- a: 1\n');
});

test('delete takes a tag or anchor on the key along', () => {
  assert.equal(apply('r:\n  cpu: 1\n  ! memory: 1Gi\n', { op: 'delete', path: ['r', 'memory'] }), 'r:\n  cpu: 1\n');
  assert.equal(apply('r:\n  cpu: 1\n  &m memory: 1Gi\n  x: 2\n', { op: 'delete', path: ['r', 'memory'] }), 'r:\n  cpu: 1\n  x: 2\n');
});

test('deleting the only pair while another intent fills the mapping again does not leave {}', () => {
  const text = 'spec:\n  selector:\n    app: kibana\n  ports: []\n';
  const out = apply(text, { op: 'delete', path: ['spec', 'selector', 'app'] }, { op: 'insert', path: ['spec', 'selector'], key: 'env', value: 'test' });
  assert.equal(out, 'spec:\n  selector:\n    env: test\n  ports: []\n');
});

test('delete refuses to remove an anchor that an alias still names; set on an empty value before a comment keeps it a comment', () => {
  const parsed = parseChunk({ text: 's:\n  h: &fz true\n  p: 1\n  q: *fz\n' });
  assert.equal(resolveFix(parsed.document, parsed.text, { title: 't', intents: [{ op: 'delete', path: ['s', 'h'] }] }, 0), undefined);
  assert.equal(apply('m:\n  c: # note\n  d: 1\n', { op: 'set', path: ['m', 'c'], value: 'x' }), 'm:\n  c: x # note\n  d: 1\n');
});
