import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'job-restart-policy';

const missing = yaml`
  apiVersion: batch/v1
  kind: Job
  metadata:
    name: once # job
  spec:
    template:
      spec:
        containers:
        - name: run
          image: task:1.0
`;

test('an omitted restartPolicy in a Job is an error (it defaults to Always)', () => {
  const [finding, ...rest] = findingsOf(missing, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(missing, finding), 6);
  assert.equal(textOf(missing, finding), 'spec');
  assert.match(said(finding), /defaults to Always/);
  assert.match(said(finding), /Required value: valid values: "OnFailure", "Never"/);
});

test('an explicit Always in a CronJob (multi-document)', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: nightly
    spec:
      schedule: "@daily"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: Always
              containers:
              - name: run
                image: task:1.0
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 15);
  assert.equal(textOf(text, finding), 'Always');
});

test('with a podFailurePolicy only Never is accepted', () => {
  const text = missing
    .replace('spec:\n  template:', 'spec:\n  podFailurePolicy:\n    rules: []\n  template:')
    .replace('    spec:\n      containers', '    spec:\n      restartPolicy: OnFailure\n      containers');
  const [finding] = findingsOf(text, ID);
  assert.match(said(finding), /only "Never" is supported when podFailurePolicy is specified/);
  assert.deepEqual(
    finding.fixes.map((f) => f.title),
    ['Set restartPolicy: Never'],
  );
});

test('Never and OnFailure are fine', () => {
  for (const value of ['Never', 'OnFailure']) {
    const text = missing.replace('    spec:\n      containers', `    spec:\n      restartPolicy: ${value}\n      containers`);
    assert.deepEqual(findingsOf(text, ID), [], value);
  }
});

test('fix: add restartPolicy: Never', () => {
  const fixed = assertFixClears(missing, ID, { title: 'Add restartPolicy: Never' });
  assert.match(fixed, /restartPolicy: Never\n/);
});

test('fix: add restartPolicy: OnFailure', () => {
  const fixed = assertFixClears(missing, ID, { title: 'Add restartPolicy: OnFailure' });
  assert.match(fixed, /restartPolicy: OnFailure\n/);
});
