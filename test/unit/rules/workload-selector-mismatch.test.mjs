import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, check, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'workload-selector-mismatch';

/** A Deployment with the given selector lines and template label lines (already indented). */
const deployment = (selector, labels) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  replicas: 2',
    '  selector:',
    ...selector.map((line) => `    ${line}`),
    '  template:',
    '    metadata:',
    '      labels:',
    ...labels.map((line) => `        ${line}`),
    '    spec:',
    '      containers:',
    '      - name: web',
    '        image: nginx:1.27',
    '',
  ].join('\n');

test('matchLabels that the template does not carry: error on the template labels key', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: frontend # renamed
        spec:
          containers:
          - name: web
            image: nginx:1.27
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'labels');
  assert.deepEqual(finding.path, ['spec', 'template', 'metadata', 'labels']);
  assert.match(said(finding), /`selector` does not match template `labels`/);
  assert.match(said(finding), /app=web/);
  assert.match(said(finding), /app=frontend/);
  const fixed = assertFixClears(text, ID, { title: "Add the selector's labels" });
  assert.match(fixed, /app: web # renamed/);
  const other = assertFixClears(text, ID, { title: 'Change the selector' });
  assert.match(other, /matchLabels:\n\s+app: frontend/);
});

test('a matching selector (extra template labels are fine) is not reported', () => {
  const text = deployment(['matchLabels: {app: web}'], ['app: web', 'tier: front']);
  assert.deepEqual(findingsOf(text, ID), []);
});

test('matchExpressions use full selector semantics', () => {
  const good = deployment(
    [
      'matchExpressions:',
      '- {key: app, operator: In, values: [web, api]}',
      '- {key: canary, operator: DoesNotExist}',
      '- {key: tier, operator: NotIn, values: [db]}',
      '- {key: team, operator: Exists}',
    ],
    ['app: api', 'team: payments'],
  );
  assert.deepEqual(findingsOf(good, ID), []);
  const notIn = deployment(['matchExpressions:', '- {key: tier, operator: NotIn, values: [db]}'], ['app: web', 'tier: db']);
  assert.match(said(findingsOf(notIn, ID)[0]), /tier notin \(db\)/);
  const doesNotExist = deployment(['matchExpressions:', '- {key: canary, operator: DoesNotExist}'], ['canary: "true"']);
  assert.match(said(findingsOf(doesNotExist, ID)[0]), /!canary/);
  const exists = deployment(['matchExpressions:', '- {key: team, operator: Exists}'], ['app: web']);
  assert.match(said(findingsOf(exists, ID)[0]), /needs team,/);
  const inValues = deployment(['matchExpressions:', '- {key: app, operator: In, values: [web, api]}'], ['app: db']);
  assert.match(said(findingsOf(inValues, ID)[0]), /app in \(web, api\)/);
});

test('matchLabels AND matchExpressions: the fix adds labels only when the expressions then hold', () => {
  const text = deployment(['matchLabels: {app: web}', 'matchExpressions:', '- {key: tier, operator: Exists}'], ['version: v1']);
  const [finding] = findingsOf(text, ID);
  assert.ok(finding);
  // Adding app=web would still miss `tier`, so no "add labels" fix; matchLabels keys are absent, so no selector fix either.
  assert.deepEqual(
    finding.fixes.map((fix) => fix.title),
    [],
  );
});

test('StatefulSet and DaemonSet templates, and the right document of a multi-document file', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: db
    spec:
      clusterIP: None
      selector: {app: db}
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: db
    spec:
      serviceName: db
      selector:
        matchLabels: {app: db}
      template:
        metadata:
          labels: {app: database}
        spec:
          containers:
          - name: db
            image: postgres:16
    ---
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: agent
    spec:
      selector:
        matchLabels: {app: agent}
      template:
        metadata:
          labels: {app: agent}
        spec:
          containers:
          - name: agent
            image: agent:1.0
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].documentIndex, 1);
  assert.equal(lineOf(text, findings[0]), 18);
  assertFixClears(text, ID);
});

test('a template without labels gets them inserted', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: ReplicaSet
    metadata:
      name: web
    spec:
      selector:
        matchLabels:
          app: web
      template:
        spec:
          containers:
          - name: web
            image: nginx:1.27
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'template');
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /metadata:\n\s+labels:\n\s+app: web/);
});

test('ReplicationController: a written map selector must match; an empty one is defaulted', () => {
  const bad = yaml`
    apiVersion: v1
    kind: ReplicationController
    metadata:
      name: web
    spec:
      selector:
        app: web
      template:
        metadata:
          labels:
            app: nginx
        spec:
          containers:
          - name: web
            image: nginx:1.27
  `;
  const [finding] = findingsOf(bad, ID);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(bad, finding), 'labels');
  assertFixClears(bad, ID);
  const defaulted = bad.replace('  selector:\n    app: web\n', '');
  assert.deepEqual(findingsOf(defaulted, ID), []);
});

test('missing or empty selectors are left to workload-selector-missing', () => {
  const text = deployment([], ['app: web']).replace('  selector:\n', '  selector: {}\n');
  assert.deepEqual(findingsOf(text, ID), []);
  assert.equal(check(text).filter((f) => f.ruleId === 'workload-selector-missing').length, 1);
});

test('no fix copies an invalid label between selector and template', () => {
  // The template's value "web app" is invalid (a space): adopting it would break the selector too.
  const invalidTemplateValue = deployment(['matchLabels:', '  app: web'], ['app: "web app"']);
  const [first] = findingsOf(invalidTemplateValue, ID);
  assert.ok(!first.fixes.some((fix) => fix.title.startsWith('Change the selector')), first.fixes.map((fix) => fix.title).join(' | '));
  assertFixClears(invalidTemplateValue, ID, { title: "Add the selector's labels" });
  // The selector's key has a leading no-break space: copying it would break the template too.
  const invalidSelectorKey = deployment(['matchLabels:', '  "\u00a0app": web'], ['app: web']);
  const [second] = findingsOf(invalidSelectorKey, ID);
  assert.deepEqual(second.fixes, []);
  assert.ok(findingsOf(invalidSelectorKey, 'meta-label-invalid').length > 0, 'precondition: the selector key is invalid');
});
