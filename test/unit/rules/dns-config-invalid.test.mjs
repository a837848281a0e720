import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;
const ID = 'dns-config-invalid';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    dnsPolicy: None
    dnsConfig:
      nameservers: [1.1.1.1, dns.example.com, "2001:db8::53"]
      searches: [svc.cluster.local, Example.COM, _sip._tcp.example.com]
      options:
      - value: "2"
    containers:
    - name: app
      image: app:1.0
`;

test('nameservers must be IPs; search domains DNS names; options named', () => {
  const findings = findingsOf(bad, ID);
  assert.equal(findings.length, 3, findings.map(said).join('\n'));
  assert.equal(lineOf(bad, findings[0]), 7);
  assert.equal(textOf(bad, findings[0]), 'dns.example.com');
  assert.match(said(findings[0]), /must be a valid IP address/);
  assert.equal(textOf(bad, findings[1]), 'Example.COM');
  assert.equal(lineOf(bad, findings[2]), 10);
  assert.match(said(findings[2]), /must not be empty/);
});

test('before 1.33 an underscore in a search domain is rejected too', () => {
  const findings = findingsOf(bad, ID, { version: '1.32' });
  assert.equal(findings.length, 4);
  assert.equal(textOf(bad, findings[2]), '_sip._tcp.example.com');
  assert.match(said(findings[2]), /1\.33\+ accepts "_"/);
});

test('a search list over 2048 characters (Deployment template, second document)', () => {
  const long = Array.from({ length: 9 }, (_, index) => `d${index}.${'a'.repeat(230)}.example`);
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          dnsConfig:
            searches: [${long.join(', ')}]
          containers:
          - name: app
            image: app:1.0
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1);
  assert.match(said(findings[0]), /must not have more than 2048 characters/);
  assert.equal(textOf(text, findings[0]), 'searches');
});

test('valid dnsConfig (trailing dot, IPv6, leading zeros, lone dot from 1.33) is fine', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      dnsConfig:
        nameservers: ["010.0.0.10", "::ffff:10.0.0.1", "fe80::1"]
        searches: [ns1.svc.cluster-domain.example., my.dns.search.suffix, "."]
        options: [{name: ndots, value: "2"}, {name: edns0}]
      containers:
      - name: app
        image: app:1.0
  `;
  assert.deepEqual(findingsOf(text, ID).map(said), []);
});
