import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'probe-exec-empty-command';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
      livenessProbe:
        exec:
          command: []
      lifecycle:
        preStop:
          exec: {}
`;

test('an empty command in a probe and a missing one in a hook are errors', () => {
  const findings = findingsOf(bad, ID);
  assert.deepEqual(
    findings.map((f) => [f.severity, textOf(bad, f)]),
    [
      ['error', 'command'],
      ['error', 'exec'],
    ],
  );
  assert.match(said(findings[0]), /livenessProbe of container "web"/);
  assert.match(said(findings[1]), /preStop hook of container "web"/);
  assert.ok(findings.every((f) => /exec\.command: Required value/.test(said(f))));
});

test('a command with items is fine', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        readinessProbe:
          exec: {command: [cat, /tmp/ready]}
        lifecycle:
          postStart:
            exec:
              command: [sh, -c, "echo started"]
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});

test('multi-document ReplicaSet template', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: apps/v1
    kind: ReplicaSet
    metadata:
      name: web
    spec:
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: web
            image: nginx:1.27
            startupProbe:
              exec:
                command: []
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 21);
});
