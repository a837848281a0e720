import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'job-spec-invalid';

const job = (fields, name = 'work') => yaml`
  apiVersion: batch/v1
  kind: Job
  metadata:
    name: ${name}
  spec:
    ${fields}
    template:
      metadata:
        labels: {app: work}
      spec:
        restartPolicy: Never
        containers:
        - name: work
          image: busybox:1.36
`;

test('negative backoffLimit: error on the value, fix removes it', () => {
  const text = job('backoffLimit: -1');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(text, finding), 5);
  assert.equal(textOf(text, finding), '-1');
  assert.match(finding.detail, /spec\.backoffLimit: must be greater than or equal to 0/);
  assertFixClears(text, ID);
});

test('zero counts are accepted (boundary), and so is a plain Job', () => {
  assert.deepEqual(findingsOf(job('backoffLimit: 0\n  parallelism: 0\n  completions: 0\n  ttlSecondsAfterFinished: 0'), ID), []);
  assert.deepEqual(findingsOf(job('completionMode: Indexed\n  completions: 5\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 5'), ID), []);
});

test('per-index limits need completionMode Indexed; maxFailedIndexes needs backoffLimitPerIndex', () => {
  const text = job('completions: 3\n  backoffLimitPerIndex: 1');
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'backoffLimitPerIndex');
  assert.match(finding.detail, /requires indexed completion mode/);
  assertFixClears(text, ID);
  const bare = findingsOf(job('completionMode: Indexed\n  completions: 3\n  maxFailedIndexes: 1'), ID);
  assert.deepEqual(
    bare.map((f) => f.message),
    ['maxFailedIndexes is set without backoffLimitPerIndex'],
  );
});

test('Indexed Job: completions required, maxFailedIndexes within completions, hostname a DNS label', () => {
  const missing = job('completionMode: Indexed');
  const [finding] = findingsOf(missing, ID);
  assert.equal(textOf(missing, finding), 'spec', 'on the parent of the missing completions, as the API server reports it');
  assert.match(finding.detail, /when completion mode is Indexed/);
  const over = job('completionMode: Indexed\n  completions: 3\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 4');
  assert.match(findingsOf(over, ID)[0].message, /maxFailedIndexes 4 is more than completions \(3\)/);
  assertFixClears(over, ID);
  const dotted = job('completionMode: Indexed\n  completions: 3', 'work.v2');
  const [name] = findingsOf(dotted, ID);
  assert.equal(textOf(dotted, name), 'work.v2');
  assert.match(name.detail, /invalid DNS label: work\.v2-2/);
});

test('podReplacementPolicy TerminatingOrFailed with a podFailurePolicy', () => {
  const text = job('podReplacementPolicy: TerminatingOrFailed\n  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onPodConditions: [{type: DisruptionTarget}]');
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'TerminatingOrFailed');
  assertFixClears(text, ID);
});

test('a Job selector without manualSelector is refused; the generated labels and manualSelector are fine', () => {
  const text = job('selector:\n    matchLabels: {app: work}');
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'selector');
  assert.match(finding.detail, /`selector` not auto-generated/);
  assertFixClears(text, ID);
  assert.deepEqual(findingsOf(job('selector:\n    matchLabels: {batch.kubernetes.io/job-name: work}'), ID), []);
  assert.deepEqual(findingsOf(job('manualSelector: true\n  selector:\n    matchLabels: {app: work}'), ID), []);
  assert.match(findingsOf(job('manualSelector: true'), ID)[0].message, /needs a spec\.selector/);
  const mismatch = job('manualSelector: true\n  selector:\n    matchLabels: {app: other}');
  const [labels] = findingsOf(mismatch, ID);
  assert.match(labels.detail, /`selector` does not match template `labels`.*app=other/);
});

test('CronJob: its own counters and the job template (workload template case, multi-document)', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
    ---
    apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: nightly
    spec:
      schedule: "0 3 * * *"
      startingDeadlineSeconds: -10
      successfulJobsHistoryLimit: 0
      jobTemplate:
        spec:
          parallelism: -2
          selector:
            matchLabels: {app: nightly}
          template:
            spec:
              restartPolicy: OnFailure
              containers:
              - name: work
                image: busybox:1.36
  `;
  const findings = findingsOf(text, ID);
  assert.deepEqual(
    findings.map((finding) => [finding.documentIndex, lineOf(text, finding), textOf(text, finding)]),
    [
      [1, 11, '-10'],
      [1, 15, '-2'],
      [1, 16, 'selector'],
    ],
  );
  assert.match(findings[2].detail, /`selector` will be auto-generated/);
  assertFixClears(text, ID, { index: 2 });
});
