import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'env-name-invalid';

const text = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: app
      image: app:1.0
      env:
      - name: 1ST_VALUE
        value: x
      - name: A=B
        value: y
      - name: GOOD_NAME
        value: z
`;

test('a name with "=" is invalid on every version', () => {
  for (const version of ['1.29', '1.32', '1.36']) {
    const finding = findingsOf(text, ID, { version }).find((f) => textOf(text, f) === 'A=B');
    assert.equal(finding.severity, 'error', version);
    assert.equal(lineOf(text, finding), 11);
  }
});

test('version boundaries for a leading digit: error < 1.32, warning 1.32–1.33, info from 1.34', () => {
  const severity = (version) => findingsOf(text, ID, { version }).find((f) => textOf(text, f) === '1ST_VALUE').severity;
  assert.equal(severity('1.31'), 'error');
  assert.equal(severity('1.32'), 'warning');
  assert.equal(severity('1.33'), 'warning');
  assert.equal(severity('1.34'), 'info');
  assert.match(said(findingsOf(text, ID, { version: '1.31' })[0]), /must not start with a digit/);
});

test('valid names produce nothing', () => {
  const ok = text.replace('1ST_VALUE', 'FIRST_VALUE').replace('A=B', 'a.b-c');
  assert.deepEqual(findingsOf(ok, ID, { version: '1.29' }), []);
});

test('envFrom prefix in a CronJob template (multi-document)', () => {
  const multi = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
    data: {A: "1"}
    ---
    apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: nightly
    spec:
      schedule: "0 3 * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: OnFailure
              containers:
              - name: run
                image: task:1.0
                envFrom:
                - prefix: "9_"
                  configMapRef: {name: settings}
  `;
  const [finding] = findingsOf(multi, ID, { version: '1.30' });
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(multi, finding), 21);
  assert.equal(finding.severity, 'error');
  assert.match(said(finding), /envFrom prefix/);
});
