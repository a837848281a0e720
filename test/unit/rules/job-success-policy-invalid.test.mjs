import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'job-success-policy-invalid';

/** A Job with these successPolicy rules and spec fields (both written from column 0). */
const job = (rules, fields = 'completionMode: Indexed\ncompletions: 5') => jobText(rules.replace(/\n/g, '\n    '), fields.replace(/\n/g, '\n  '));

const jobText = (rules, fields) => yaml`
  apiVersion: batch/v1
  kind: Job
  metadata:
    name: work
  spec:
    ${fields}
    successPolicy:
      rules:
      ${rules}
    template:
      spec:
        restartPolicy: Never
        containers:
        - name: main
          image: busybox:1.36
`;

test('succeededCount above completions: error on the value, fix caps it', () => {
  const text = job('- succeededCount: 6');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(text, finding), 9);
  assert.equal(textOf(text, finding), '6');
  assert.match(finding.detail, /must be less than or equal to 5 \(the number of specified completions\)/);
  assertFixClears(text, ID);
});

test('boundaries are accepted: succeededCount = completions, indexes up to completions - 1', () => {
  assert.deepEqual(findingsOf(job('- succeededCount: 5'), ID), []);
  assert.deepEqual(findingsOf(job('- succeededIndexes: "0,2-4"\n  succeededCount: 4'), ID), []);
});

test('malformed succeededIndexes, and succeededCount beyond the listed indexes', () => {
  const text = job('- succeededIndexes: "3-1"\n- succeededIndexes: "0-5"\n- succeededIndexes: "1,2"\n  succeededCount: 3');
  const messages = findingsOf(text, ID).map((finding) => finding.message);
  assert.match(messages[0], /non-increasing order/);
  assert.match(messages[1], /too large index/);
  assert.match(messages[2], /succeededCount 3 is more than the 2 indexes/);
});

test('successPolicy needs Indexed, at least one rule, and a matcher per rule', () => {
  const nonIndexed = job('- succeededCount: 1', 'completions: 5');
  assert.match(findingsOf(nonIndexed, ID)[0].message, /requires completionMode: Indexed/);
  assert.match(findingsOf(job('  [] # a flow sequence must sit deeper than its key'), ID)[0].message, /has no rules/);
  assert.match(findingsOf(job('- {}'), ID)[0].message, /needs succeededCount or succeededIndexes/);
});

test('not checked before 1.31 (the field is alpha and dropped); CronJob template in a multi-document file', () => {
  assert.deepEqual(findingsOf(job('- succeededCount: 6'), ID, { version: '1.30' }), []);
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
      schedule: "@hourly"
      jobTemplate:
        spec:
          completionMode: Indexed
          completions: 2
          successPolicy:
            rules:
            - succeededIndexes: "2"
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: main
                image: busybox:1.36
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(textOf(text, finding), '"2"');
});
