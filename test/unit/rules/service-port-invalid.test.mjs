import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'service-port-invalid';
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

/** A Service with the given `ports` entries (YAML lines, indented under ports). */
const service = (ports, type = 'ClusterIP') => yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: web
  spec:
    type: ${type}
    selector: {app: web}
    ports:
${ports}
`;

test('several ports need names: each unnamed one is an error on its entry', () => {
  const text = service('    - port: 80\n    - name: admin\n      port: 9000');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(text, finding), 8);
  assert.equal(textOf(text, finding), 'port');
  assert.match(said(finding), /spec\.ports\[0\]\.name: Required value/);
});

test('a single port needs no name; named valid ports are fine', () => {
  assert.deepEqual(findingsOf(service('    - port: 80'), ID), []);
  assert.deepEqual(findingsOf(service('    - name: http\n      port: 80\n    - name: https\n      port: 443\n      appProtocol: kubernetes.io/h2c'), ID), []);
  assert.deepEqual(findingsOf(service('    - name: dns\n      port: 53\n    - name: dns-udp\n      port: 53\n      protocol: UDP'), ID), []);
});

test('port names are DNS labels and unique; the rename fix clears the finding', () => {
  const text = service('    - name: Web_HTTP\n      port: 80');
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'Web_HTTP');
  assert.match(said(finding), /RFC 1123 label/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /name: web-http\n/);
  const dup = service('    - name: http\n      port: 80\n    - name: http\n      port: 8080');
  const [duplicate, ...others] = findingsOf(dup, ID);
  assert.equal(others.length, 0);
  assert.equal(lineOf(dup, duplicate), 10);
  assert.match(said(duplicate), /Duplicate value: "http"/);
});

test('port outside 1–65535, and the same port and protocol twice', () => {
  for (const port of ['0', '65536', '-1']) {
    const text = service(`    - port: ${port}`);
    const [finding] = findingsOf(text, ID);
    assert.equal(textOf(text, finding), port, port);
    assert.match(said(finding), /must be between 1 and 65535, inclusive/);
  }
  assert.deepEqual(findingsOf(service('    - port: 65535'), ID), []);
  const text = service('    - name: a\n      port: 80\n    - name: b\n      port: 80\n      protocol: TCP');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  // The API server names the second entry (spec.ports[1]): the finding starts there.
  assert.equal(lineOf(text, finding), 10);
  assert.match(finding.message, /port 80\/TCP is defined twice/);
});

test('nodePort: forbidden on ClusterIP (fix removes it), duplicates and impossible values elsewhere', () => {
  const text = service('    - port: 80\n      nodePort: 30080');
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'nodePort');
  assert.match(said(finding), /may not be used when `type` is 'ClusterIP'/);
  const fixed = assertFixClears(text, ID);
  assert.doesNotMatch(fixed, /nodePort/);
  // Omitted type is ClusterIP.
  assert.equal(findingsOf(service('    - port: 80\n      nodePort: 30080').replace(/ *type: ClusterIP\n/, ''), ID).length, 1);
  // Any value in 1-65535 is left to the cluster's node port range.
  assert.deepEqual(findingsOf(service('    - port: 80\n      nodePort: 8080', 'NodePort'), ID), []);
  assert.deepEqual(findingsOf(service('    - port: 80\n      nodePort: 0'), ID), []);
  assert.match(findingsOf(service('    - port: 80\n      nodePort: 70000', 'NodePort'), ID)[0].message, /nodePort 70000 is not a port number/);
  const dup = service('    - name: a\n      port: 80\n      nodePort: 30080\n    - name: b\n      port: 81\n      nodePort: 30080', 'LoadBalancer');
  assert.match(findingsOf(dup, ID)[0].message, /nodePort 30080\/TCP is used twice/);
  const udp = service('    - name: a\n      port: 80\n      nodePort: 30080\n    - name: b\n      port: 80\n      nodePort: 30080\n      protocol: UDP', 'NodePort');
  assert.deepEqual(findingsOf(udp, ID), []);
});

test('appProtocol must be a qualified name', () => {
  const text = service('    - port: 80\n      appProtocol: "http 2"');
  assert.match(findingsOf(text, ID)[0].message, /appProtocol "http 2" is not a valid protocol name/);
});

test('multi-document and List: the finding lands on the right object; other API groups are skipped', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: c}
    ---
    apiVersion: v1
    kind: List
    items:
    - apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec:
        ports:
        - port: 80
        - port: 81
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 2);
  assert.equal(findings[0].documentIndex, 1);
  assert.equal(lineOf(text, findings[0]), 12);
  assert.deepEqual(findingsOf(service('    - port: 0').replace('apiVersion: v1', 'apiVersion: serving.knative.dev/v1'), ID), []);
});
