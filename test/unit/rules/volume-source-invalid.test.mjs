import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'volume-source-invalid';

/** A Pod with the given volumes block (indented under spec). */
const pod = (volumes, name = 'web') => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: ${name}
  spec:
    containers:
    - name: app
      image: app:1.0
    volumes:
${volumes}
`;

test('a decimal 644 file mode: error on the value, fix writes the octal mode', () => {
  const text = pod(`    - name: tls
      secret:
        secretName: tls # the certificate
        defaultMode: 644`);
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(text, finding), 12);
  assert.equal(textOf(text, finding), '644');
  assert.match(said(finding), /between 0 and 0777/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /defaultMode: 420\n/);
});

test('file modes at the boundary: 0 and 0777 are fine, 01000 and -1 are not', () => {
  const modes = (a, b) =>
    pod(`    - name: c
      configMap:
        name: app
        defaultMode: ${a}
        items:
        - {key: k, path: f, mode: ${b}}`);
  assert.deepEqual(findingsOf(modes('0777', '0'), ID), []);
  const messages = findingsOf(modes('01000', '-1'), ID).map(said);
  assert.equal(messages.length, 2);
  assert.match(messages[0], /configMap\.defaultMode 512/);
  assert.match(messages[1], /configMap\.items\[0\]\.mode -1/);
});

test('secret without secretName and configMap with an empty name', () => {
  const text = pod(`    - name: s
      secret: {optional: true}
    - name: c
      configMap: {name: ""}`);
  const [secret, configMap] = findingsOf(text, ID);
  assert.equal(textOf(text, secret), 'secret');
  assert.match(said(secret), /secret\.secretName is missing.*Required value/);
  assert.equal(textOf(text, configMap), '""');
});

test('projected sources: one projection per source, token lifetime 600 .. 2^32 seconds', () => {
  const projected = (seconds) =>
    pod(`    - name: all
      projected:
        sources:
        - secret: {name: a}
          configMap: {name: b}
        - serviceAccountToken: {path: token, expirationSeconds: ${seconds}}`);
  const [two, token] = findingsOf(projected(599), ID);
  assert.equal(textOf(projected(599), two), 'secret: {name: a}');
  assert.equal(lineOf(projected(599), two), 12);
  assert.match(said(two), /may not specify more than 1 volume type per source/);
  assert.match(said(token), /less than 10 minutes/);
  assert.equal(findingsOf(projected(600), ID).length, 1);
  assert.equal(findingsOf(projected(2 ** 32), ID).length, 1);
  assert.match(said(findingsOf(projected(2 ** 32 + 1), ID)[1]), /larger than 2\^32 seconds/);
});

test('fix: a token lifetime under 10 minutes is raised to 600 seconds', () => {
  const text = pod(`    - name: token
      projected:
        sources:
        - serviceAccountToken: {path: token, expirationSeconds: 300}`);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /expirationSeconds: 600/);
});

test('downward API files: volume fields, subscripts, and resources need a container', () => {
  const text = pod(`    - name: info
      downwardAPI:
        items:
        - path: labels
          fieldRef: {fieldPath: metadata.labels}
        - path: annotation
          fieldRef: {fieldPath: "metadata.annotations['TEST.EXAMPLE.COM/key']"}
        - path: phase
          fieldRef: {fieldPath: status.phase}
        - path: bad-key
          fieldRef: {fieldPath: "metadata.labels['Www.k8s.io/test']"}
        - path: cpu
          resourceFieldRef: {resource: limits.cpu}
        - path: mem
          resourceFieldRef: {containerName: app, resource: limits.memory, divisor: 1Mi}
        - path: nothing
          mode: 0644`);
  const messages = findingsOf(text, ID).map(said);
  assert.equal(messages.length, 4);
  assert.match(messages[0], /"status\.phase" is not available in a downward API volume/);
  assert.match(messages[1], /names an invalid key/);
  assert.match(messages[2], /resourceFieldRef\.containerName is missing/);
  assert.match(messages[3], /one of fieldRef and resourceFieldRef is required/);
});

test('image volumes: a Pod must name the reference from 1.31, a template need not', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: shell
    spec:
      containers:
      - name: shell
        image: debian:12
      volumes:
      - name: artifact
        image: {pullPolicy: IfNotPresent}
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
          volumes:
          - name: artifact
            image: {pullPolicy: IfNotPresent}
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.documentIndex, 0);
  assert.equal(textOf(text, finding), 'image');
  assert.match(said(finding), /image\.reference is missing/);
  assert.deepEqual(findingsOf(text, ID, { version: '1.30' }), []);
});

const ephemeral = yaml`
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
        volumes:
        - name: scratch
          ephemeral:
            volumeClaimTemplate:
              metadata:
                name: scratch-claim
                labels: {type: scratch}
              spec:
                resources:
                  requests: {storage: 1Gi}
`;

test('ephemeral claim template in a Deployment (multi-document): metadata and access modes', () => {
  const [name, modes, ...rest] = findingsOf(ephemeral, ID);
  assert.equal(rest.length, 0);
  assert.equal(name.documentIndex, 1);
  assert.equal(lineOf(ephemeral, name), 24);
  assert.equal(textOf(ephemeral, name), 'name');
  assert.match(said(name), /cannot be set/);
  assert.equal(textOf(ephemeral, modes), 'spec');
  assert.match(said(modes), /at least 1 access mode is required/);
  const good = ephemeral.replace(/ +name: scratch-claim\n/, '').replace(/( +)spec:\n( +)resources:/, '$1spec:\n$2accessModes: [ReadWriteOnce]\n$2resources:');
  assert.deepEqual(findingsOf(good, ID), []);
});

test('a Pod may not mount the claim its own ephemeral volume creates', () => {
  const text = pod(
    `    - name: scratch
      ephemeral:
        volumeClaimTemplate:
          spec:
            accessModes: [ReadWriteOnce]
            resources: {requests: {storage: 1Gi}}
    - name: again
      persistentVolumeClaim: {claimName: web-scratch}`,
  );
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'web-scratch');
  assert.match(said(finding), /must not reference a PVC that gets created for an ephemeral volume/);
});

test('in-tree plugins: iSCSI names, empty monitor lists, Fibre Channel, Azure disk kinds, CSI drivers', () => {
  const text = pod(`    - name: iscsi
      iscsi: {targetPortal: 127.0.0.1, iqn: "iqn.2015-02.example.com:test;ls;", lun: 1}
    - name: rbd
      rbd: {monitors: [], image: bar}
    - name: fc
      fc: {targetWWNs: [wwn], wwids: [id], lun: 1}
    - name: azure
      azureDisk: {diskName: d, diskURI: /subscriptions/s/resourcegroups/g/providers/microsoft.compute/disks/d}
    - name: csi
      csi: {driver: "-not-a-name-"}`);
  const messages = findingsOf(text, ID).map(said);
  assert.equal(messages.length, 5);
  assert.match(messages[0], /iscsi\.iqn .*must be valid format/);
  assert.match(messages[1], /rbd\.monitors is an empty list/);
  assert.match(messages[2], /targetWWNs and wwids can not be specified simultaneously/);
  assert.match(messages[3], /does not fit kind Shared \(the default\)/);
  assert.match(messages[4], /csi\.driver "-not-a-name-" is not a valid driver name/);
});

test('valid sources from the upstream test table stay silent', () => {
  const text = pod(`    - name: iscsi
      iscsi: {targetPortal: 127.0.0.1, iqn: eui.0123456789ABCDEF, lun: 1, initiatorName: "iqn.2015-02.example.com:init"}
    - name: naa
      iscsi: {targetPortal: 127.0.0.1, iqn: naa.62004567BA64678D0123456789ABCDEF, lun: 255}
    - name: azure
      azureDisk: {diskName: foo, diskURI: "https://blob/vhds/bar.vhd"}
    - name: managed
      azureDisk: {diskName: foo, diskURI: /subscriptions/s/resourcegroups/g/providers/microsoft.compute/disks/d, kind: Managed}
    - name: quobyte
      quobyte: {registry: "registry:7861", volume: volume, tenant: ""}
    - name: flocker
      flocker: {datasetUUID: d846b09d-223d-43df-ab5b-d6db2206a0e4}
    - name: fc
      fc: {wwids: [some_wwid]}
    - name: scratch
      emptyDir: {sizeLimit: 0}
    - name: csi
      csi: {driver: Com.Example.Driver, nodePublishSecretRef: {name: creds}}
    - name: token
      projected:
        defaultMode: 0440
        sources:
        - serviceAccountToken: {path: token, expirationSeconds: 3607}
        - configMap: {name: kube-root-ca.crt, items: [{key: ca.crt, path: ca.crt}]}
        - downwardAPI: {items: [{path: namespace, fieldRef: {apiVersion: v1, fieldPath: metadata.namespace}}]}`);
  assert.deepEqual(
    findingsOf(text, ID).map((finding) => finding.message),
    [],
  );
});

test('fix: a downward API fieldRef with another apiVersion gets v1', () => {
  const text = pod(`    - name: info
      downwardAPI:
        items:
        - path: name
          fieldRef:
            apiVersion: v2 # copied from elsewhere
            fieldPath: metadata.name`);
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'metadata.name');
  assert.match(said(finding), /unsupported pod version: v2/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /apiVersion: v1 # copied from elsewhere/);
});

test('more in-tree plugins: flocker, flexVolume options, Quobyte registry, StorageOS names, iSCSI name length', () => {
  const text = pod(`    - name: flocker
      flocker: {datasetName: a/b, datasetUUID: d846b09d}
    - name: flex
      flexVolume: {driver: example.com/flex, options: {kubernetes.io/secret: x, mine: y}}
    - name: quobyte
      quobyte: {registry: registry7861, volume: v}
    - name: storageos
      storageos: {volumeName: Not_A_Label}
    - name: a-long-volume-name-for-an-iscsi-target
      iscsi: {targetPortal: "portal.storage.example.com:3260", iqn: "iqn.2015-02.example.com:test", lun: 0, initiatorName: "iqn.2015-02.example.com:init"}
    - name: cephfs
      cephfs: {monitors: []}
    - name: gce
      gcePersistentDisk: {pdName: disk, partition: 256}`);
  const messages = findingsOf(text, ID).map(said);
  assert.equal(messages.length, 8);
  assert.match(messages[0], /datasetName and datasetUUID can not be specified simultaneously/);
  assert.match(messages[1], /must not contain '\/'/);
  assert.match(messages[2], /kubernetes\.io and k8s\.io namespaces are reserved/);
  assert.match(messages[3], /must be a host:port pair/);
  assert.match(messages[4], /storageos\.volumeName "Not_A_Label" is not a DNS label/);
  assert.match(messages[5], /must be under 64 characters if iscsi\.initiatorName is specified/);
  assert.match(messages[6], /cephfs\.monitors is an empty list/);
  assert.match(messages[7], /gcePersistentDisk\.partition 256 is out of range 0-255/);
});

test('ephemeral claim template: ReadWriteOncePod alone, a valid class name, a positive size', () => {
  const claim = (modes, className, size) =>
    pod(`    - name: scratch
      ephemeral:
        volumeClaimTemplate:
          spec:
            accessModes: ${modes}
            storageClassName: ${className}
            resources: {requests: {storage: ${size}}}`);
  assert.deepEqual(findingsOf(claim('[ReadWriteOncePod]', 'fast-ssd', '1Gi'), ID), []);
  const messages = findingsOf(claim('[ReadWriteOncePod, ReadWriteOnce]', 'Fast_SSD', '0'), ID).map(said);
  assert.equal(messages.length, 3);
  assert.match(messages[0], /may not use ReadWriteOncePod with other access modes/);
  assert.match(messages[1], /storageClassName "Fast_SSD" is not a DNS subdomain/);
  assert.match(messages[2], /must be greater than zero/);
});
