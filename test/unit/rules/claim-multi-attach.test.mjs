import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'claim-multi-attach';

const file = ({ replicas = 1, modes = '[ReadWriteOnce]', strategy = '', kind = 'Deployment' } = {}) => yaml`
  apiVersion: v1
  kind: PersistentVolumeClaim
  metadata:
    name: data
  spec:
    accessModes: ${modes}
    resources:
      requests: {storage: 1Gi}
  ---
  apiVersion: apps/v1
  kind: ${kind}
  metadata:
    name: web # the app
  spec:
    replicas: ${replicas}${strategy}
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
      spec:
        containers:
        - name: web
          image: web:1.0
          volumeMounts: [{name: data, mountPath: /data}]
        volumes:
        - name: data
          persistentVolumeClaim: {claimName: data}
`;

test('one replica with the default RollingUpdate: the rollout stalls on Multi-Attach; the Recreate fix clears it', () => {
  const text = file();
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.documentIndex, 1);
  assert.equal(textOf(text, finding), 'data');
  assert.match(finding.message, /Deployment "web": ReadWriteOnce claim "data" stalls a rolling update/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /\n {2}strategy:\n {4}type: Recreate\n/);
});

test('several replicas sharing a ReadWriteOnce claim: warning with no fix (Recreate would not help)', () => {
  const text = file({ replicas: 3, strategy: '\n  strategy: {type: Recreate}' });
  const [finding] = findingsOf(text, ID);
  assert.match(finding.message, /is shared by 3 replicas/);
  assert.deepEqual(finding.fixes, []);
});

test('boundary: one replica with Recreate, a ReadWriteMany claim, or a StatefulSet are fine', () => {
  assert.deepEqual(findingsOf(file({ strategy: '\n  strategy: {type: Recreate}' }), ID), []);
  assert.deepEqual(findingsOf(file({ replicas: 3, modes: '[ReadWriteMany]' }), ID), []);
  assert.deepEqual(findingsOf(file({ modes: '[ReadWriteOnce, ReadOnlyMany]' }), ID), []);
  assert.deepEqual(findingsOf(file({ replicas: 3, kind: 'StatefulSet' }).replace('  replicas: 3', '  serviceName: web\n  replicas: 3'), ID), []);
});

test('a claim that is not in the file is not judged; ReadWriteOncePod is named as such', () => {
  assert.deepEqual(findingsOf(file().replace('claimName: data}', 'claimName: other}'), ID), []);
  const [finding] = findingsOf(file({ replicas: 2, modes: '[ReadWriteOncePod]' }), ID);
  assert.match(finding.message, /ReadWriteOncePod/);
  assert.match(finding.detail, /one Pod at a time/);
});
