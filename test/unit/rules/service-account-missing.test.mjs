import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, lineOf, textOf } from '../../helpers/engine.mjs';
import { refFindings } from '../../helpers/references.mjs';

const ID = 'service-account-missing';

const JOB = yaml`
  apiVersion: batch/v1
  kind: Job
  metadata:
    name: migrate
    namespace: app
  spec:
    template:
      spec:
        serviceAccountName: migrator
        restartPolicy: Never
        containers:
        - name: migrate
          image: migrate:1.0
`;

const account = (name, namespace = 'app') => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n`;

test('the ServiceAccount in another file: nothing to say', () => {
  assert.deepEqual(refFindings(JOB, ID, { files: { '/work/app/rbac.yaml': account('migrator') } }), []);
});

test('a ServiceAccount no file defines: info at serviceAccountName; warning when complete', () => {
  const [finding, ...rest] = refFindings(JOB, ID, { files: { '/work/app/rbac.yaml': account('other') } });
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'info');
  assert.equal(lineOf(JOB, finding), 8);
  assert.equal(textOf(JOB, finding), 'migrator');
  assert.equal(finding.message, 'Job "migrate" runs as ServiceAccount "migrator", which was not found');
  assert.match(finding.detail, /admission/);
  assert.equal(refFindings(JOB, ID, { files: {}, workspaceIsComplete: true })[0].severity, 'warning');
});

test('namespace mismatch; `default` always exists; no run: silent', () => {
  assert.equal(refFindings(JOB, ID, { files: { '/work/app/rbac.yaml': account('migrator', 'other') } }).length, 1);
  assert.deepEqual(refFindings(JOB.replace('migrator', 'default'), ID, { files: {} }), []);
  assert.deepEqual(refFindings(JOB, ID, { alone: true }), []);
});

test('a multi-document file with the ServiceAccount first; the deprecated serviceAccount field too', () => {
  assert.deepEqual(refFindings(account('migrator') + '---\n' + JOB, ID, { files: {} }), []);
  const text = JOB.replace('serviceAccountName', 'serviceAccount');
  const [finding] = refFindings(text, ID, { files: {} });
  assert.equal(textOf(text, finding), 'migrator');
});
