import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'volume-mount-unknown-volume';

const typo = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # pod
  spec:
    containers:
    - name: app
      image: app:1.0
      volumeMounts:
      - name: cache
        mountPath: /cache
    volumes:
    - name: cahce
      emptyDir: {}
`;

test('a mount of an undefined volume is an error, with a did-you-mean', () => {
  const [finding, ...rest] = findingsOf(typo, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(typo, finding), 9);
  assert.equal(textOf(typo, finding), 'cache');
  assert.match(said(finding), /Not found: "cache"/);
  assert.match(said(finding), /Did you mean "cahce"\?/);
});

test('StatefulSet volumeClaimTemplates count as volumes', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: web
    spec:
      serviceName: web
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: nginx
            image: nginx:1.27
            volumeMounts:
            - name: www
              mountPath: /usr/share/nginx/html
      volumeClaimTemplates:
      - metadata:
          name: www
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});

test('StatefulSet before 1.34: accepted, but Pods cannot be created (multi-document)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      clusterIP: None
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: web
    spec:
      serviceName: web
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: nginx
            image: nginx:1.27
            volumeMounts:
            - name: data
              mountPath: /data
  `;
  const [old] = findingsOf(text, ID, { version: '1.33' });
  assert.equal(old.documentIndex, 1);
  assert.equal(lineOf(text, old), 23);
  assert.match(said(old), /Before 1\.34 the API server accepts this StatefulSet/);
  const [current] = findingsOf(text, ID, { version: '1.34' });
  assert.match(said(current), /The API server rejects it/);
});

test('volumeDevices must point at a claim', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
        volumeDevices:
        - name: scratch
          devicePath: /dev/xvda
      volumes:
      - name: scratch
        emptyDir: {}
  `;
  const [finding] = findingsOf(text, ID);
  assert.match(said(finding), /can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode/);
});

test('fix: use the similar name', () => {
  const fixed = assertFixClears(typo, ID, { title: 'Change the name to "cahce"' });
  assert.match(fixed, /- name: cahce\n {6}mountPath: \/cache/);
});

test('fix: add an emptyDir volume of that name', () => {
  const fixed = assertFixClears(typo, ID, { title: 'Add an emptyDir volume' });
  assert.match(fixed, /- name: cahce\n {4}emptyDir: \{\}\n {2}- name: cache\n {4}emptyDir: \{\}\n/);
});

test('no emptyDir volume is offered under a name that is not a valid volume name', () => {
  const text = typo.replace('- name: cache\n', '- name: c onfig\n');
  assert.notEqual(text, typo);
  const [finding] = findingsOf(text, ID);
  assert.match(said(finding), /mounts volume "c onfig"/);
  assert.ok(!finding.fixes.some((fix) => fix.title.startsWith('Add an emptyDir volume')), finding.fixes.map((fix) => fix.title).join(' | '));
  // A valid name still gets it.
  assert.ok(findingsOf(typo, ID)[0].fixes.some((fix) => fix.title === 'Add an emptyDir volume named "cache"'));
});
