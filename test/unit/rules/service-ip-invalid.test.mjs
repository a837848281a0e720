import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

const ID = 'service-ip-invalid';
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const service = (spec, metadata = '') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n${metadata}spec:\n  ports: [{port: 80}]\n${spec.replace(/^/gm, '  ')}\n`;

test('clusterIP must be an IP (or None), and clusterIPs[0] must equal it', () => {
  const text = service('clusterIP: 10.96.0.300');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), '10.96.0.300');
  assert.equal(lineOf(text, finding), 6);
  assert.match(said(finding), /must be a valid IP address/);
  const mismatch = service('clusterIP: 10.96.0.10\nclusterIPs: [10.96.0.11]');
  assert.match(said(findingsOf(mismatch, ID)[0]), /first value must match `clusterIP`/);
  for (const ok of ['clusterIP: None', 'clusterIP: 10.96.0.10\nclusterIPs: [10.96.0.10, "fd00::10"]', 'clusterIPs: ["2001:db8::1"]', 'clusterIP: ""']) {
    assert.deepEqual(findingsOf(service(ok), ID), [], ok);
  }
});

test('dual-stack consistency: one IP per family, families as ipFamilies say, no SingleStack with two', () => {
  assert.match(findingsOf(service('clusterIPs: [10.96.0.10, 10.96.0.11]'), ID)[0].message, /two addresses of the same family/);
  assert.match(findingsOf(service('clusterIPs: [10.96.0.10]\nipFamilies: [IPv6]'), ID)[0].message, /is not IPv6 \(ipFamilies\[0\]\)/);
  assert.match(findingsOf(service('ipFamilyPolicy: SingleStack\nipFamilies: [IPv4, IPv6]'), ID)[0].message, /SingleStack with two ipFamilies/);
  assert.match(findingsOf(service('ipFamilies: [IPv4, IPv4]'), ID)[0].message, /lists IPv4 twice/);
  assert.match(findingsOf(service('clusterIPs: [None, 10.96.0.1]'), ID)[0].message, /"None" must be the only/);
  assert.deepEqual(findingsOf(service('ipFamilyPolicy: RequireDualStack\nipFamilies: [IPv6, IPv4]'), ID), []);
});

test('externalIPs must be usable IP addresses', () => {
  const text = service('externalIPs: [203.0.113.7, example.com, 127.0.0.1, "::"]');
  const findings = findingsOf(text, ID);
  assert.deepEqual(
    findings.map((f) => textOf(text, f)),
    ['example.com', '127.0.0.1', '"::"'],
  );
  assert.match(said(findings[1]), /loopback range/);
});

test('loadBalancerSourceRanges (field or annotation) must be CIDRs', () => {
  const text = service('type: LoadBalancer\nloadBalancerSourceRanges: [" 10.0.0.0/8", 192.168.1.1, "2001:db8::/129"]');
  const findings = findingsOf(text, ID);
  assert.deepEqual(
    findings.map((f) => textOf(text, f)),
    ['192.168.1.1', '"2001:db8::/129"'],
  );
  const annotated = service('type: LoadBalancer', '  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8, nope"\n');
  assert.match(findingsOf(annotated, ID)[0].message, /source range "nope" is not a CIDR/);
  const wrongType = service('type: NodePort', '  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8"\n');
  assert.match(findingsOf(wrongType, ID)[0].message, /needs type LoadBalancer/);
});

test('ExternalName Services are left to service-spec-invalid; multi-document placement', () => {
  assert.deepEqual(findingsOf(service('type: ExternalName\nexternalName: a.b\nclusterIP: nope'), ID), []);
  const text = `${service('clusterIP: None')}---\n${service('clusterIP: nope')}`;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].documentIndex, 1);
});
