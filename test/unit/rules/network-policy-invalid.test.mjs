import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

const ID = 'network-policy-invalid';
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const policy = (spec) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\nspec:\n  podSelector: {}\n${spec.replace(/^/gm, '  ')}\n`;
const ports = (entry) => policy(`ingress:\n- ports:\n  - ${entry}`);
const from = (peer) => policy(`ingress:\n- from:\n  - ${peer}`);

test('port numbers and names; endPort rules', () => {
  const text = ports('{port: 70000}');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), '70000');
  assert.equal(lineOf(text, finding), 8);
  assert.match(said(finding), /must be between 1 and 65535, inclusive/);
  assert.match(findingsOf(ports('{port: 32000, endPort: 31000}'), ID)[0].message, /endPort 31000 is below port 32000/);
  assert.match(said(findingsOf(ports('{port: http, endPort: 9000}'), ID)[0]), /non-numeric/);
  const noPort = ports('{protocol: TCP, endPort: 9000}');
  const [missing] = findingsOf(noPort, ID);
  assert.match(said(missing), /`port` is not specified/);
  assert.equal(lineOf(noPort, missing), 8);
  assert.match(findingsOf(ports('{port: Metrics_Port}'), ID)[0].message, /not a valid port name/);
  for (const ok of ['{port: 32000, endPort: 32768}', '{port: 80, endPort: 80}', '{port: http}', '{protocol: UDP}']) assert.deepEqual(findingsOf(ports(ok), ID), [], ok);
});

test('peers: something to select, ipBlock alone', () => {
  assert.match(findingsOf(from('{}'), ID)[0].message, /a peer needs a podSelector/);
  const both = from('{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}');
  assert.equal(textOf(both, findingsOf(both, ID)[0]), 'ipBlock');
  assert.deepEqual(findingsOf(from('{namespaceSelector: {}, podSelector: {matchLabels: {app: web}}}'), ID), []);
});

test('ipBlock: cidr and except are CIDRs, except strictly inside cidr', () => {
  assert.match(said(findingsOf(from('{ipBlock: {cidr: 10.0.0.1}}'), ID)[0]), /must be a valid CIDR value/);
  const text = from('{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16, 192.168.0.0/16, 10.0.0.0/8, nope]}}');
  assert.deepEqual(
    findingsOf(text, ID).map((f) => textOf(text, f)),
    ['192.168.0.0/16', '10.0.0.0/8', 'nope'],
  );
  assert.match(said(findingsOf(text, ID)[0]), /must be a strict subset of `cidr`/);
  assert.deepEqual(findingsOf(from('{ipBlock: {cidr: "2001:db8::/32", except: ["2001:db8:1::/48"]}}'), ID), []);
  assert.deepEqual(findingsOf(policy('egress:\n- to:\n  - ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}'), ID), []);
});

test('selector expressions of podSelector and peers', () => {
  const text = policy('ingress:\n- from:\n  - namespaceSelector:\n      matchExpressions: [{key: team, operator: Exists, values: [a]}]');
  assert.match(findingsOf(text, ID)[0].message, /namespaceSelector matchExpressions\[0\] has values/);
  const top = policy('ingress: []').replace('podSelector: {}', 'podSelector: {matchExpressions: [{key: app, operator: NotIn}]}');
  assert.match(findingsOf(top, ID)[0].message, /podSelector matchExpressions\[0\] needs values/);
});

test('more than two policyTypes; multi-document placement', () => {
  assert.match(findingsOf(policy('policyTypes: [Ingress, Egress, Ingress]'), ID)[0].message, /more than two/);
  const text = `${ports('{port: 80}')}---\n${ports('{port: 0}')}`;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].documentIndex, 1);
});
