import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'service-spec-invalid';
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

/** A Service whose spec is the given YAML lines (indented by 4). */
const service = (spec) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n${spec.replace(/^/gm, '  ')}\n`;

test('a ClusterIP Service without ports is an error; headless and ExternalName ones may have none', () => {
  const text = service('selector: {app: web}');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'spec');
  assert.match(said(finding), /spec\.ports: Required value/);
  const empty = service('ports: []');
  assert.equal(textOf(empty, findingsOf(empty, ID)[0]), 'ports');
  assert.deepEqual(findingsOf(service('clusterIP: None\nselector: {app: db}'), ID), []);
  assert.deepEqual(findingsOf(service('type: ExternalName\nexternalName: db.example.com.'), ID), []);
  assert.deepEqual(findingsOf(service('ports: [{port: 80}]'), ID), []);
});

test('NodePort and LoadBalancer Services cannot be headless', () => {
  const text = service('type: NodePort\nclusterIP: None\nports: [{port: 80}]');
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'None');
  assert.equal(lineOf(text, finding), 6);
  assert.match(said(finding), /may not be set to 'None' for NodePort services/);
});

test('ExternalName: needs a DNS name, refuses clusterIP and IP families', () => {
  const missing = service('type: ExternalName');
  assert.match(said(findingsOf(missing, ID)[0]), /spec\.externalName: Required value/);
  const ip = service('type: ExternalName\nexternalName: 10.0.0.1x_');
  assert.match(findingsOf(ip, ID)[0].message, /externalName "10\.0\.0\.1x_" is not a DNS name/);
  const withIp = service('type: ExternalName\nexternalName: db.example.com\nclusterIP: 10.0.0.1\nipFamilyPolicy: SingleStack');
  const findings = findingsOf(withIp, ID);
  assert.equal(findings.length, 2);
  assert.equal(textOf(withIp, findings[0]), 'clusterIP');
  const fixed = assertFixClears(withIp, ID);
  assert.doesNotMatch(fixed, /clusterIP/);
});

test('LoadBalancer-only fields on other types; externalTrafficPolicy needs outside traffic', () => {
  const text = service('ports: [{port: 80}]\nallocateLoadBalancerNodePorts: false\nloadBalancerClass: example.com/lb\nexternalTrafficPolicy: Local');
  const findings = findingsOf(text, ID);
  assert.deepEqual(
    findings.map((f) => textOf(text, f)),
    ['allocateLoadBalancerNodePorts', 'loadBalancerClass', 'externalTrafficPolicy'],
  );
  assert.match(said(findings[2]), /may only be set for externally-accessible services/);
  assertFixClears(text, ID);
  const lb = service(
    'type: LoadBalancer\nports: [{port: 80}]\nallocateLoadBalancerNodePorts: false\nloadBalancerClass: example.com/lb\nexternalTrafficPolicy: Local\nhealthCheckNodePort: 30100',
  );
  assert.deepEqual(findingsOf(lb, ID), []);
  // externalIPs make a ClusterIP Service externally accessible.
  assert.deepEqual(findingsOf(service('ports: [{port: 80}]\nexternalIPs: [203.0.113.7]\nexternalTrafficPolicy: Local'), ID), []);
  const health = service('type: NodePort\nports: [{port: 80}]\nhealthCheckNodePort: 30100');
  assert.match(said(findingsOf(health, ID)[0]), /may only be set when `type` is 'LoadBalancer'/);
});

test('session affinity config: forbidden with None, timeout 1–86400 with ClientIP', () => {
  const none = service('ports: [{port: 80}]\nsessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}');
  assert.match(findingsOf(none, ID)[0].message, /sessionAffinity is None/);
  const high = service('ports: [{port: 80}]\nsessionAffinity: ClientIP\nsessionAffinityConfig: {clientIP: {timeoutSeconds: 86401}}');
  const [finding] = findingsOf(high, ID);
  assert.equal(textOf(high, finding), '86401');
  assert.deepEqual(findingsOf(high.replace('86401', '86400'), ID), []);
  assert.equal(findingsOf(high.replace('86401', '0'), ID).length, 1);
});

test('trafficDistribution values, by version', () => {
  const text = service('ports: [{port: 80}]\ntrafficDistribution: Nearest');
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'Nearest');
  assert.match(said(finding), /Unsupported value: "Nearest"/);
  const sameZone = service('ports: [{port: 80}]\ntrafficDistribution: PreferSameZone');
  assert.deepEqual(findingsOf(sameZone, ID), []);
  assert.equal(findingsOf(sameZone, ID, { version: '1.32' }).length, 1);
  // Before 1.31 a disabled alpha gate drops the field.
  assert.deepEqual(findingsOf(text, ID, { version: '1.30' }), []);
  assert.deepEqual(findingsOf(service('ports: [{port: 80}]\ntrafficDistribution: PreferClose'), ID, { version: '1.31' }), []);
});

test('multi-document: each Service judged alone; only core v1 Services', () => {
  const text = `${service('ports: [{port: 80}]')}---\n${service('type: ExternalName')}`;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].documentIndex, 1);
  assert.deepEqual(findingsOf(service('type: ExternalName').replace('apiVersion: v1', 'apiVersion: serving.knative.dev/v1'), ID), []);
});
