import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'job-pod-failure-policy-invalid';

/** A Job with these podFailurePolicy rules (written from column 0) and extra spec fields. */
const job = (rules, extra = '') => jobText(rules.replace(/\n/g, '\n    '), extra.replace(/\n/g, '\n  '));

const jobText = (rules, extra) => yaml`
  apiVersion: batch/v1
  kind: Job
  metadata:
    name: work
  spec:
    ${extra}
    podFailurePolicy:
      rules:
      ${rules}
    template:
      spec:
        restartPolicy: Never
        containers:
        - name: main
          image: busybox:1.36
`;

test('exit code 0 with operator In: error on the value, fix removes it', () => {
  const text = job('- action: FailJob\n  onExitCodes: {operator: In, values: [0, 42]}');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(text, finding), 9);
  assert.equal(textOf(text, finding), '0');
  assert.match(finding.detail, /must not be 0 for the In operator/);
  assertFixClears(text, ID);
});

test('valid rules stay silent (NotIn with 0, onPodConditions, FailIndex with backoffLimitPerIndex)', () => {
  assert.deepEqual(findingsOf(job('- action: FailJob\n  onExitCodes: {containerName: main, operator: NotIn, values: [0]}'), ID), []);
  assert.deepEqual(findingsOf(job('- action: Ignore\n  onPodConditions: [{type: DisruptionTarget, status: "True"}]'), ID), []);
  const indexed = job('- action: FailIndex\n  onExitCodes: {operator: In, values: [1]}', 'completionMode: Indexed\ncompletions: 2\nbackoffLimitPerIndex: 1');
  assert.deepEqual(findingsOf(indexed, ID), []);
});

test('unordered and duplicate exit codes; the sort fix clears the order finding', () => {
  const text = job('- action: Count\n  onExitCodes: {operator: In, values: [3, 1, 2]}');
  const [finding] = findingsOf(text, ID);
  assert.match(finding.message, /increasing order/);
  assert.match(assertFixClears(text, ID), /values: \[ ?1, 2, 3 ?\]/);
  const dup = job('- action: Count\n  onExitCodes: {operator: In, values: [1, 1]}');
  assert.match(findingsOf(dup, ID)[0].message, /listed twice/);
});

test('unknown containerName, no matcher, both matchers, FailIndex without per-index limit', () => {
  const text = job(
    [
      '- action: FailJob',
      '  onExitCodes: {containerName: sidecar, operator: In, values: [1]}',
      '- action: Ignore',
      '- action: FailJob',
      '  onExitCodes: {operator: In, values: [1]}',
      '  onPodConditions: [{type: DisruptionTarget}]',
      '- action: FailIndex',
      '  onExitCodes: {operator: In, values: [2]}',
    ].join('\n'),
  );
  const messages = findingsOf(text, ID).map((finding) => finding.message);
  assert.deepEqual(messages, [
    'containerName "sidecar" is not a container of the Job template',
    'A podFailurePolicy rule needs onExitCodes or onPodConditions',
    'A podFailurePolicy rule cannot match both onExitCodes and onPodConditions',
    'Action FailIndex requires spec.backoffLimitPerIndex',
  ]);
});

test('CronJob job template (workload template case) in a multi-document file', () => {
  const text = yaml`
    apiVersion: v1
    kind: ServiceAccount
    metadata:
      name: runner
    ---
    apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: nightly
    spec:
      schedule: "@daily"
      jobTemplate:
        spec:
          podFailurePolicy:
            rules:
            - action: FailJob
              onExitCodes: {operator: In, values: []}
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: main
                image: busybox:1.36
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 16);
  assert.equal(textOf(text, finding), '[]');
});
