// The Service rules that look at the Pods a Service selects (service-selector-no-match,
// service-target-port-undeclared) see the workloads of the other files of the run (issue #14).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, textOf } from '../../helpers/engine.mjs';
import { refFindings } from '../../helpers/references.mjs';

const SERVICE = yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: web
    namespace: shop
  spec:
    selector: {app: web}
    ports:
    - port: 80
      targetPort: http
`;

const deployment = (name, portName = 'http', namespace = 'shop') => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: ${name}
    namespace: ${namespace}
  spec:
    selector:
      matchLabels: {app: ${name}}
    template:
      metadata:
        labels: {app: ${name}}
      spec:
        containers:
        - name: app
          image: app:1.0
          ports:
          - {name: ${portName}, containerPort: 8080}
`;

test('service-selector-no-match: the selected Deployment in another file settles it', () => {
  assert.deepEqual(refFindings(SERVICE, 'service-selector-no-match', { files: { '/work/app/deploy.yaml': deployment('web') } }), []);
  // A Deployment in the Service's own file that it does not select no longer warns when another file has the selected one.
  const both = deployment('api') + '---\n' + SERVICE;
  assert.deepEqual(refFindings(both, 'service-selector-no-match', { files: { '/work/app/deploy.yaml': deployment('web') } }), []);
  assert.equal(refFindings(both, 'service-selector-no-match', { files: {} }).length, 1, 'without it, the in-file warning stays');
});

test('service-selector-no-match: workloads of the namespace elsewhere, none selected: info, warning when complete', () => {
  const files = { '/work/app/deploy.yaml': deployment('api') };
  const [finding, ...rest] = refFindings(SERVICE, 'service-selector-no-match', { files });
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'info');
  assert.equal(textOf(SERVICE, finding), 'selector');
  assert.equal(finding.message, 'Service "web" selects no Pod of the workloads found');
  assert.match(finding.detail, /Deployment "api" has app=api/);
  assert.equal(refFindings(SERVICE, 'service-selector-no-match', { files, workspaceIsComplete: true })[0].severity, 'warning');
  // Another namespace only, or no run: nothing to compare with.
  assert.deepEqual(refFindings(SERVICE, 'service-selector-no-match', { files: { '/work/app/deploy.yaml': deployment('api', 'http', 'other') } }), []);
  assert.deepEqual(refFindings(SERVICE, 'service-selector-no-match', { alone: true }), []);
});

test('service-target-port-undeclared: a named targetPort the Deployment of another file does not declare', () => {
  assert.deepEqual(refFindings(SERVICE, 'service-target-port-undeclared', { files: { '/work/app/deploy.yaml': deployment('web') } }), []);
  const [finding, ...rest] = refFindings(SERVICE, 'service-target-port-undeclared', { files: { '/work/app/deploy.yaml': deployment('web', 'web') } });
  assert.equal(rest.length, 0);
  assert.equal(textOf(SERVICE, finding), 'http');
  assert.match(finding.message, /no container of its Pods has a port named "http"/);
  assert.equal(finding.fixes[0].title, 'Set targetPort to web', 'the fix edits this file only');
});
