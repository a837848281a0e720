import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';
import { SEEDS_MISSING, seedText } from '../../helpers/shared.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'statefulset-service-missing';
const PETSET = seedText('002-petset.yaml');

test('seed 002-petset: the headless Service nginx is in the file, so nothing to say', { skip: SEEDS_MISSING }, () => {
  assert.deepEqual(findingsOf(PETSET, ID), []);
  assert.deepEqual(findingsOf(PETSET, 'statefulset-service-name'), []);
});

test('seed 002-petset without its Service: warning on serviceName', { skip: SEEDS_MISSING }, () => {
  const text = PETSET.slice(PETSET.indexOf('---\n') + 4);
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(textOf(text, finding), '"nginx"');
  assert.match(said(finding), /this file defines no Service/);
  assert.match(said(finding), /headless Service "nginx" \(clusterIP: None\)/);
});

const STATEFULSET = yaml`
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
        labels: {app: db}
      spec:
        containers:
        - name: db
          image: postgres:16
          ports: [{containerPort: 5432}]
`;
/** A Service document (lines given without indentation) followed by the StatefulSet. */
const file = (...serviceLines) => ['apiVersion: v1', 'kind: Service', ...serviceLines, '---', ''].join('\n') + STATEFULSET;

test('a governing Service that is not headless: warning at serviceName and on the Service, fix sets clusterIP: None', () => {
  const text = file('metadata:', '  name: db # primary', 'spec:', '  selector: {app: db}', '  ports: [{port: 5432}]');
  const [finding, atServiceName, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(atServiceName.documentIndex, 1);
  assert.equal(textOf(text, atServiceName), 'db');
  assert.equal(text.split('\n')[lineOf(text, atServiceName)].trim(), 'serviceName: db');
  assert.match(atServiceName.message, /serviceName "db" names a Service that is not headless/);
  assert.equal(finding.documentIndex, 0);
  assert.equal(textOf(text, finding), 'name');
  assert.equal(lineOf(text, finding), 3);
  assert.match(said(finding), /is not headless/);
  assert.match(said(finding), /db-0\.db/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /ports: \[\{port: 5432\}\]\n  clusterIP: None\n/);
  assert.deepEqual(findingsOf(fixed, ID), [], 'the fix on the Service clears the serviceName finding too');
});

test('a Service of another name in the file: warning on serviceName', () => {
  const text = file('metadata:', '  name: database', 'spec:', '  clusterIP: None', '  selector: {app: db}', '  ports: [{port: 5432}]');
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(textOf(text, finding), 'db');
  assert.match(said(finding), /no Service of that name is in this file/);
});

test('a written cluster IP is set to None; NodePort Services get no fix', () => {
  const text = file('metadata:', '  name: db', 'spec:', '  clusterIP: 10.96.0.20', '  selector: {app: db}', '  ports: [{port: 5432}]');
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), '10.96.0.20');
  assert.match(assertFixClears(text, ID), /clusterIP: None\n/);
  const nodePort = text.replace('clusterIP: 10.96.0.20', 'type: NodePort');
  const [noFix] = findingsOf(nodePort, ID);
  assert.equal(textOf(nodePort, noFix), 'NodePort', 'reported on the type that prevents headless');
  assert.match(said(noFix), /A NodePort Service cannot be headless/);
  assert.deepEqual(noFix.fixes, []);
});

test('the governing Service in another file of the same run: nothing to say when headless, serviceName warned when not (#13)', async () => {
  const { analyzeText, collectRunObjects } = await import('../../../dist/server/engine.js');
  const service = (clusterIP) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: ${clusterIP}\n  selector: {app: db}\n  ports: [{port: 5432}]\n`;
  const check = (siblingText) => {
    const runObjects = [...collectRunObjects('service.yaml', siblingText), ...collectRunObjects('statefulset.yaml', STATEFULSET)];
    return analyzeText(STATEFULSET, { kubernetesVersion: '1.36', filePath: 'statefulset.yaml', runObjects }).findings.filter((f) => f.ruleId === ID);
  };
  assert.equal(findingsOf(STATEFULSET, ID).length, 1, 'alone, the Service is missing');
  assert.deepEqual(check(service('None')), []);
  const [finding, ...rest] = check(service('10.96.0.7'));
  assert.equal(rest.length, 0);
  assert.equal(textOf(STATEFULSET, finding), 'db');
  assert.match(finding.message, /serviceName "db" names a Service that is not headless/);
  assert.match(finding.detail, /in service\.yaml has clusterIP 10\.96\.0\.7/);
  // namespaces: a Service written for another namespace than the StatefulSet's does not count
  const inProd = STATEFULSET.replace(/^metadata:\n/m, 'metadata:\n  namespace: prod\n');
  assert.notEqual(inProd, STATEFULSET);
  const other = service('None').replace('  name: db\n', '  name: db\n  namespace: other\n');
  const runObjects = [...collectRunObjects('service.yaml', other)];
  const missing = analyzeText(inProd, { kubernetesVersion: '1.36', filePath: 'statefulset.yaml', runObjects }).findings.filter((f) => f.ruleId === ID);
  assert.equal(missing.length, 1);
  assert.match(missing[0].message, /Governing Service "db" was not found/);
  assert.match(missing[0].detail, /no Service of that name is in this file or the other files checked with it/);
});
