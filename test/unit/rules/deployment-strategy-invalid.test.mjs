import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'deployment-strategy-invalid';

const deployment = (strategy) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    selector:
      matchLabels: {app: web}
    strategy: ${strategy}
    template:
      metadata:
        labels: {app: web}
      spec:
        containers:
        - name: web
          image: nginx:1.27
`;

test('Recreate with a rollingUpdate block: error on rollingUpdate, safe fix removes it', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector:
        matchLabels: {app: web}
      strategy:
        type: Recreate # stop everything first
        rollingUpdate: {maxSurge: 1}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: web
            image: nginx:1.27
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'rollingUpdate');
  assert.match(said(finding), /may not be specified when strategy `type` is 'Recreate'/);
  assert.equal(finding.fixes[0].safe, true);
  const fixed = assertFixClears(text, ID);
  assert.doesNotMatch(fixed, /rollingUpdate/);
});

test('good strategies are not reported', () => {
  assert.deepEqual(findingsOf(deployment('{type: Recreate}'), ID), []);
  assert.deepEqual(findingsOf(deployment('{type: RollingUpdate, rollingUpdate: {maxSurge: 0, maxUnavailable: 1}}'), ID), []);
  assert.deepEqual(findingsOf(deployment('{rollingUpdate: {maxSurge: 0}}'), ID), [], 'maxUnavailable defaults to 25%');
});

test('maxUnavailable and maxSurge both 0 (percent spelling too)', () => {
  const text = deployment('{rollingUpdate: {maxSurge: "0%", maxUnavailable: 0}}');
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), '0');
  assert.match(said(finding), /may not be 0 when `maxSurge` is 0/);
  assertFixClears(text, ID);
});

test('maxUnavailable over 100%', () => {
  const text = deployment('{rollingUpdate: {maxUnavailable: "150%"}}');
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), '"150%"');
  assert.match(said(finding), /must not be greater than 100%/);
  assertFixClears(text, ID);
});

test('DaemonSet: maxSurge alone collides with the defaulted maxUnavailable of 1', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: cfg
    ---
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: agent
    spec:
      selector:
        matchLabels: {app: agent}
      updateStrategy:
        rollingUpdate:
          maxSurge: 1
      template:
        metadata:
          labels: {app: agent}
        spec:
          containers:
          - name: agent
            image: agent:1.0
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 14);
  assert.equal(textOf(text, finding), '1');
  assert.match(said(finding), /maxSurge may not be set while maxUnavailable is 1 \(the default\)\n.*may not be set when maxUnavailable is non-zero/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /maxSurge: 1\n\s+maxUnavailable: 0/);
});

test('DaemonSet: both zero is refused; OnDelete is not checked', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: agent
    spec:
      selector:
        matchLabels: {app: agent}
      updateStrategy:
        rollingUpdate: {maxUnavailable: 0}
      template:
        metadata:
          labels: {app: agent}
        spec:
          containers:
          - name: agent
            image: agent:1.0
  `;
  const [finding] = findingsOf(text, ID);
  assert.match(said(finding), /cannot be 0 when maxSurge is 0/);
  assertFixClears(text, ID);
  assert.deepEqual(findingsOf(text.replace('rollingUpdate: {maxUnavailable: 0}', 'type: OnDelete'), ID), []);
});

test('StatefulSet: OnDelete with rollingUpdate, and maxUnavailable 0', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: db
    spec:
      serviceName: db
      selector:
        matchLabels: {app: db}
      updateStrategy:
        type: OnDelete
        rollingUpdate: {partition: 1}
      template:
        metadata:
          labels: {app: db}
        spec:
          containers:
          - name: db
            image: postgres:16
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'rollingUpdate');
  assert.match(said(finding), /only allowed for updateStrategy 'RollingUpdate'/);
  assertFixClears(text, ID);
  const zero = text.replace('type: OnDelete', 'type: RollingUpdate').replace('{partition: 1}', '{maxUnavailable: 0}');
  assert.match(said(findingsOf(zero, ID)[0]), /cannot be 0/);
});

test('a quoted number or a spaced percent is not an int-or-percent; the fix writes the intended value', () => {
  const text = deployment('{rollingUpdate: {maxSurge: "1", maxUnavailable: "50 %"}}');
  const findings = findingsOf(text, ID);
  assert.deepEqual(
    findings.map((finding) => textOf(text, finding)),
    ['"1"', '"50 %"'],
  );
  assert.equal(lineOf(text, findings[1]), 7);
  assert.match(said(findings[1]), /a valid percent string must be a numeric string followed by an ending '%'/);
  assert.match(assertFixClears(text, ID), /maxSurge: 1[,}]/);
  assert.match(assertFixClears(text, ID, { index: 1 }), /maxUnavailable: "?50%"?[,}]/);
});

test('negative limits and a surge over 100% (allowed for a Deployment, refused for a DaemonSet)', () => {
  const text = deployment('{rollingUpdate: {maxSurge: -1}}');
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), '-1');
  assert.match(said(finding), /must be greater than or equal to 0/);
  assert.deepEqual(findingsOf(deployment('{rollingUpdate: {maxSurge: "150%", maxUnavailable: "100%"}}'), ID), []);
  const daemonSet = yaml`
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: agent
    spec:
      selector:
        matchLabels: {app: agent}
      updateStrategy:
        rollingUpdate: {maxUnavailable: 0, maxSurge: "150%"}
      template:
        metadata:
          labels: {app: agent}
        spec:
          containers:
          - name: agent
            image: agent:1.0
  `;
  assert.match(said(findingsOf(daemonSet, ID)[0]), /must not be greater than 100%/);
});

test('StatefulSet maxUnavailable "2" (quoted) is malformed', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: db
    spec:
      serviceName: db
      selector:
        matchLabels: {app: db}
      updateStrategy:
        rollingUpdate: {maxUnavailable: "2"}
      template:
        metadata:
          labels: {app: db}
        spec:
          containers:
          - name: db
            image: postgres:16
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(textOf(text, finding), '"2"');
  assertFixClears(text, ID);
});
