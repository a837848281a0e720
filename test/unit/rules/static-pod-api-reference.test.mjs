import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'static-pod-api-reference';
const STATIC = { staticPod: true };

const apiserver = yaml`
  # /etc/kubernetes/manifests/kube-apiserver.yaml
  apiVersion: v1
  kind: Pod
  metadata:
    name: kube-apiserver
    namespace: kube-system
  spec:
    containers:
    - name: kube-apiserver
      image: registry.k8s.io/kube-apiserver:v1.34.0
      volumeMounts: [{name: enc, mountPath: /etc/kubernetes/enc}]
    volumes:
    - {name: enc, secret: {secretName: encryption-config}}
`;

test('a secret volume: error on the source key; 1.34+ names the kubelet refusal', () => {
  const [finding, ...rest] = findingsOf(apiserver, ID, STATIC);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(apiserver, finding), 'secret');
  assert.equal(lineOf(apiserver, finding), 12);
  assert.match(said(finding), /Volume "enc" is a secret volume \("encryption-config"\): not allowed in a static Pod/);
  assert.match(said(finding), /static pods may not reference secrets/);
  assert.match(said(finding), /PreventStaticPodAPIReferences/);
  const fixed = assertFixClears(apiserver, ID, { options: STATIC });
  assert.match(fixed, /- \{name: enc, hostPath: \{path: \/etc\/kubernetes\/encryption-config, type: Directory\}\}/);
});

test('version boundary: before 1.34 the message is about NodeRestriction and the mirror Pod', () => {
  const [finding] = findingsOf(apiserver, ID, { ...STATIC, version: '1.33' });
  assert.match(said(finding), /NodeRestriction rejects the mirror Pod \(node "<node>" can not create pods that reference secrets\)/);
  const csi = apiserver.replace('secret: {secretName: encryption-config}', 'csi: {driver: secrets-store.csi.k8s.io}');
  assert.deepEqual(findingsOf(csi, ID, { ...STATIC, version: '1.33' }), [], 'CSI volumes only became a problem in 1.34');
  assert.match(said(findingsOf(csi, ID, STATIC)[0]), /may not reference csidrivers/);
});

test('every kind of reference is found, each with its own finding', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: agent
    spec:
      serviceAccountName: agent
      imagePullSecrets: [{name: regcred}]
      initContainers:
      - name: init
        image: busybox:1.36
        envFrom: [{configMapRef: {name: init-env}}]
      containers:
      - name: agent
        image: agent:1.0
        envFrom: [{secretRef: {name: agent-env}}]
        env:
        - {name: TOKEN, valueFrom: {secretKeyRef: {name: agent, key: token}}}
        - {name: MODE, valueFrom: {configMapKeyRef: {name: agent, key: mode}}}
        - {name: NODE, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}
      volumes:
      - {name: cfg, configMap: {name: agent}}
      - {name: data, persistentVolumeClaim: {claimName: data}}
      - {name: scratch, ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}}}
      - {name: info, projected: {sources: [{downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]}}, {serviceAccountToken: {path: token}}]}}
      - {name: ceph, cephfs: {monitors: [10.0.0.1], secretRef: {name: ceph}}}
      - {name: host, hostPath: {path: /var/lib/agent}}
      - {name: tmp, emptyDir: {}}
  `;
  const findings = findingsOf(text, ID, STATIC);
  assert.deepEqual(
    findings.map((finding) => textOf(text, finding)),
    [
      'serviceAccountName',
      'imagePullSecrets',
      'configMapRef',
      'secretRef',
      'secretKeyRef',
      'configMapKeyRef',
      'configMap',
      'persistentVolumeClaim',
      'ephemeral',
      'serviceAccountToken',
      'secretRef',
    ],
  );
  assert.match(said(findings[0]), /static pods may not reference serviceaccounts/);
  assert.match(said(findings[1]), /credential provider/);
  assert.match(said(findings[8]), /persistentvolumeclaims/);
  // Flow-style entries can be removed today.
  assertFixClears(text, ID, { options: STATIC, index: 0, title: 'Remove serviceAccountName' });
  assertFixClears(text, ID, { options: STATIC, index: 1, title: 'Remove imagePullSecrets' });
  assertFixClears(text, ID, { options: STATIC, index: 8, title: 'Replace with an emptyDir volume' });
  assertFixClears(text, ID, { options: STATIC, index: 9, title: 'Remove the serviceAccountToken source' });
});

test('a flow-style env entry that reads a Secret is removed by its fix', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: db # database
    spec:
      containers:
      - name: db
        image: mysql:8.4
        env:
        - {name: MYSQL_DATABASE, value: app}
        - {name: MYSQL_ROOT_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: root}}}
  `;
  const [finding] = findingsOf(text, ID, STATIC);
  assert.equal(textOf(text, finding), 'secretKeyRef');
  assert.match(said(finding), /Env MYSQL_ROOT_PASSWORD of container "db" reads the Secret "db"/);
  const fixed = assertFixClears(text, ID, { options: STATIC, title: 'Remove env MYSQL_ROOT_PASSWORD' });
  assert.match(fixed, /- \{name: MYSQL_DATABASE, value: app\}\n$/);
});

test('a Pod without references, and non-static manifests, are fine', () => {
  const clean = apiserver.replace('secret: {secretName: encryption-config}', 'hostPath: {path: /etc/kubernetes/enc, type: Directory}');
  assert.deepEqual(findingsOf(clean, ID, STATIC), []);
  assert.deepEqual(findingsOf(apiserver, ID), []);
});

test('the marker comment; only the first document counts', () => {
  const text = '# podwise: static-pod\n' + apiserver.replace(/^# .*\n/, '') + '---\n' + apiserver;
  const findings = findingsOf(text, ID);
  assert.deepEqual(
    findings.map((finding) => finding.documentIndex),
    [0],
  );
});

test('block-style volume: replace with hostPath', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        volumeMounts:
        - name: tls
          mountPath: /tls
      volumes:
      - name: tls
        secret:
          secretName: tls
      - name: cache
        emptyDir: {}
  `;
  const fixed = assertFixClears(text, ID, { options: STATIC });
  assert.match(fixed, /- name: cache\n/);
});

test('block-style env entry: remove it', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        env:
        - name: PASSWORD
          valueFrom:
            secretKeyRef: {name: db, key: password}
        - name: MODE
          value: prod
  `;
  const fixed = assertFixClears(text, ID, { options: STATIC });
  assert.match(fixed, /- name: MODE\n\s+value: prod/);
});
