import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'probe-port-udp';

/** A Pod whose container declares `ports` (flow YAML) and has `probe` (one line at 6 spaces). */
const pod = (ports, probe) => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: dns # resolver
  spec:
    containers:
    - name: dns
      image: coredns/coredns:1.11.1
      ports: ${ports}
      ${probe}
`;

test('a tcpSocket probe on a port name declared only for UDP: warning on the port (kube-linter fire-deployment-udp)', () => {
  const text = pod('[{name: udp, containerPort: 9999, protocol: UDP}]', 'livenessProbe: {tcpSocket: {port: udp}}');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(textOf(text, finding), 'udp');
  assert.equal(lineOf(text, finding), 9);
  assert.match(finding.message, /livenessProbe of container "dns" targets UDP-only port "udp" \(9999\) over TCP/);
  assert.match(said(finding), /resolves port names without looking at the protocol: it connects to TCP 9999/);
  assert.match(said(finding), /restarts the container over and over/);
  // Neither of the other port rules reports it: the name resolves, the number is declared.
  assert.deepEqual(findingsOf(text, 'probe-named-port-undeclared'), []);
  assert.deepEqual(findingsOf(text, 'probe-numeric-port-undeclared'), []);
});

test('numbers, httpGet, grpc and SCTP too; each probe kind has its consequence', () => {
  const numeric = pod('[{containerPort: 53, protocol: UDP}]', 'readinessProbe: {tcpSocket: {port: 53}}');
  const [finding] = findingsOf(numeric, ID);
  assert.match(finding.message, /targets UDP-only port 53 over TCP/);
  assert.match(said(finding), /never becomes Ready/);
  assert.equal(findingsOf(pod('[{name: web, containerPort: 8080, protocol: SCTP}]', 'startupProbe: {httpGet: {path: /, port: web}}'), ID).length, 1);
  assert.match(said(findingsOf(pod('[{containerPort: 9000, protocol: UDP}]', 'livenessProbe: {grpc: {port: 9000}}'), ID)[0]), /grpc always connects over TCP/);
});

test('a TCP declaration of the same number, TCP ports, undeclared ports and other hosts are fine', () => {
  const none = [
    pod('[{name: dns, containerPort: 53, protocol: UDP}, {name: dns-tcp, containerPort: 53, protocol: TCP}]', 'livenessProbe: {tcpSocket: {port: dns}}'),
    pod('[{name: http, containerPort: 8080}]', 'livenessProbe: {tcpSocket: {port: http}}'),
    pod('[{containerPort: 53, protocol: UDP}]', 'livenessProbe: {tcpSocket: {port: 8080}}'),
    pod('[{containerPort: 53, protocol: UDP}]', 'livenessProbe: {tcpSocket: {port: http}}'),
    pod('[{containerPort: 53, protocol: UDP}]', 'livenessProbe: {tcpSocket: {port: 53, host: 10.0.0.1}}'),
  ];
  for (const text of none) assert.deepEqual(findingsOf(text, ID), [], text);
});

test('httpGet hooks count; tcpSocket hooks (never run) do not', () => {
  const hook = (handler) => pod('[{name: stats, containerPort: 8125, protocol: UDP}]', `lifecycle: {preStop: {${handler}}}`);
  const [finding] = findingsOf(hook('httpGet: {path: /drain, port: stats}'), ID);
  assert.match(said(finding), /preStop hook/);
  assert.match(said(finding), /Point the hook at a TCP port/);
  assert.deepEqual(findingsOf(hook('tcpSocket: {port: stats}'), ID), []);
});

test('fix: with exactly one TCP port, probe it instead', () => {
  const text = pod('[{name: dns, containerPort: 53, protocol: UDP}, {name: health, containerPort: 8080}]', 'livenessProbe: {tcpSocket: {port: dns}}');
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.fixes[0].title, 'Use the TCP port "health" (8080)');
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /tcpSocket: \{port: health\}/);
  const two = pod('[{containerPort: 53, protocol: UDP}, {containerPort: 8080}, {containerPort: 8181}]', 'livenessProbe: {tcpSocket: {port: 53}}');
  assert.deepEqual(findingsOf(two, ID)[0].fixes, []);
});

test('multi-document Deployment: lands in the template', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: syslog
    spec:
      selector:
        matchLabels: {app: syslog}
      template:
        metadata:
          labels: {app: syslog}
        spec:
          containers:
          - name: syslog
            image: balabit/syslog-ng:4.8.0
            ports:
            - {name: syslog, containerPort: 514, protocol: UDP}
            readinessProbe:
              tcpSocket: {port: syslog}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 22);
  assert.deepEqual(finding.path, ['spec', 'template', 'spec', 'containers', 0, 'readinessProbe', 'tcpSocket', 'port']);
});
