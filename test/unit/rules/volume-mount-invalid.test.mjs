import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'volume-mount-invalid';

test('Bidirectional propagation in an unprivileged container: error on the value', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: csi-node
    spec:
      initContainers:
      - name: setup
        image: setup:1.0
        volumeMounts:
        - {name: plugins, mountPath: /plugins, mountPropagation: Bidirectional}
      containers:
      - name: driver
        image: driver:1.0
        securityContext: {privileged: true}
        volumeMounts:
        - {name: plugins, mountPath: /plugins, mountPropagation: Bidirectional}
      volumes:
      - {name: plugins, hostPath: {path: /var/lib/kubelet/plugins}}
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(text, finding), 9);
  assert.equal(textOf(text, finding), 'Bidirectional');
  assert.equal(finding.message, 'Init container "setup": Bidirectional mount propagation needs a privileged container');
  assert.match(said(finding), /available only to privileged containers/);
});

const rro = yaml`
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
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
      spec:
        containers:
        - name: web
          image: nginx:1.27
          volumeMounts:
          - name: data # shared data
            mountPath: /data
            recursiveReadOnly: Enabled
          - name: host
            mountPath: /host
            readOnly: true
            recursiveReadOnly: IfPossible
            mountPropagation: HostToContainer
          - name: logs
            mountPath: /logs
            recursiveReadOnly: Disabled
        volumes:
        - {name: data, emptyDir: {}}
        - {name: host, hostPath: {path: /}}
        - {name: logs, emptyDir: {}}
`;

test('recursiveReadOnly in a Deployment (multi-document): needs readOnly and no propagation', () => {
  const [notReadOnly, propagation, ...rest] = findingsOf(rro, ID);
  assert.equal(rest.length, 0);
  assert.equal(notReadOnly.documentIndex, 1);
  assert.equal(lineOf(rro, notReadOnly), 22);
  assert.equal(textOf(rro, notReadOnly), 'Enabled');
  assert.match(said(notReadOnly), /may only be specified when readOnly is true/);
  assert.match(said(propagation), /may only be specified when mountPropagation is None or not specified/);
});

test('recursiveReadOnly is only checked from 1.31 (before, the field is off and dropped)', () => {
  assert.deepEqual(findingsOf(rro, ID, { version: '1.30' }), []);
  assert.equal(findingsOf(rro, ID, { version: '1.31' }).length, 2);
});

test('fix: make the mount readOnly', () => {
  const fixed = assertFixClears(rro, ID);
  assert.match(fixed, /recursiveReadOnly: Enabled\n {10}readOnly: true\n/);
});

test('empty mount name and volume device problems', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: db
    spec:
      containers:
      - name: db
        image: db:1.0
        volumeMounts:
        - {name: "", mountPath: /x}
        volumeDevices:
        - {name: disk, devicePath: /dev/xvda}
        - {name: disk, devicePath: /dev/xvdb}
        - {name: other, devicePath: /dev/xvda}
        - {name: third, devicePath: /dev/../xvdc}
        - {name: fourth, devicePath: ""}
      volumes:
      - {name: disk, persistentVolumeClaim: {claimName: disk}}
      - {name: other, persistentVolumeClaim: {claimName: other}}
      - {name: third, persistentVolumeClaim: {claimName: third}}
      - {name: fourth, persistentVolumeClaim: {claimName: fourth}}
  `;
  const messages = findingsOf(text, ID).map(said);
  assert.equal(messages.length, 5);
  assert.match(messages[0], /a volume mount has an empty name/);
  assert.match(messages[1], /volume "disk" is attached as a device twice/);
  assert.match(messages[2], /devicePath "\/dev\/xvda" is used twice/);
  assert.match(messages[3], /can not contain backsteps/);
  assert.match(messages[4], /empty devicePath/);
});

test('valid mounts and devices stay silent', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: db
    spec:
      containers:
      - name: db
        image: db:1.0
        volumeMounts:
        - {name: data, mountPath: /data, readOnly: true, recursiveReadOnly: Enabled, mountPropagation: None}
        - {name: host, mountPath: /host, mountPropagation: HostToContainer}
        volumeDevices:
        - {name: disk, devicePath: /dev/xvda}
      volumes:
      - {name: data, emptyDir: {}}
      - {name: host, hostPath: {path: /mnt}}
      - {name: disk, persistentVolumeClaim: {claimName: disk}}
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});

test('a device clashing with a mount is reported on the device too (the mount side is volume-mount-path)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: db
    spec:
      containers:
      - name: db
        image: db:1.0
        volumeMounts:
        - {name: config, mountPath: /dev/block}
        - {name: disk, mountPath: /disk}
        volumeDevices:
        - {name: block, devicePath: /dev/block}
        - {name: disk, devicePath: /dev/xvdb}
      volumes:
      - {name: config, emptyDir: {}}
      - {name: block, persistentVolumeClaim: {claimName: block}}
      - {name: disk, persistentVolumeClaim: {claimName: disk}}
  `;
  const [path, name, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(lineOf(text, path), 12);
  assert.equal(textOf(text, path), '/dev/block');
  assert.match(said(path), /must not already exist as a path in volumeMounts/);
  assert.equal(textOf(text, name), 'disk');
  assert.match(said(name), /must not already exist in volumeMounts/);
  assert.equal(findingsOf(text, 'volume-mount-path').length, 2);
});
