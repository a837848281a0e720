import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, lineOf, textOf } from '../../helpers/engine.mjs';
import { refFindings } from '../../helpers/references.mjs';

const ID = 'rolebinding-ref-missing';

const BINDING = yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: RoleBinding
  metadata:
    name: reader
    namespace: app
  roleRef:
    apiGroup: rbac.authorization.k8s.io
    kind: Role
    name: pod-reader
  subjects:
  - kind: ServiceAccount
    name: robot
  - kind: User
    name: jane
`;

const ROLE = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: pod-reader\n  namespace: app\nrules: []\n';
const account = (namespace) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: robot\n  namespace: ${namespace}\n`;

test('the Role and the ServiceAccount in other files: nothing to say', () => {
  assert.deepEqual(refFindings(BINDING, ID, { files: { '/work/app/role.yaml': ROLE, '/work/app/sa.yaml': account('app') } }), []);
});

test('missing Role and ServiceAccount: info at each name (Users are not judged); warning when complete', () => {
  const findings = refFindings(BINDING, ID, { files: {} });
  assert.deepEqual(
    findings.map((finding) => [lineOf(BINDING, finding), textOf(BINDING, finding), finding.severity]),
    [
      [8, 'pod-reader', 'info'],
      [11, 'robot', 'info'],
    ],
  );
  assert.equal(findings[0].message, 'RoleBinding "reader" binds Role "pod-reader", which was not found');
  assert.equal(findings[1].message, 'RoleBinding "reader" binds ServiceAccount "robot", which was not found');
  assert.deepEqual(
    refFindings(BINDING, ID, { files: {}, workspaceIsComplete: true }).map((finding) => finding.severity),
    ['warning', 'warning'],
  );
});

test('a subject without a namespace is in the binding namespace: another namespace does not count', () => {
  assert.deepEqual(
    refFindings(BINDING, ID, { files: { '/work/app/role.yaml': ROLE, '/work/app/sa.yaml': account('other') } }).map((finding) => textOf(BINDING, finding)),
    ['robot'],
  );
});

test('default ClusterRoles always exist; a ClusterRoleBinding in a multi-document file; no run: silent', () => {
  const text = yaml`
    apiVersion: v1
    kind: ServiceAccount
    metadata:
      name: robot
      namespace: app
    ---
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRoleBinding
    metadata:
      name: robot-view
    roleRef:
      apiGroup: rbac.authorization.k8s.io
      kind: ClusterRole
      name: view
    subjects:
    - kind: ServiceAccount
      name: robot
      namespace: app
  `;
  assert.deepEqual(refFindings(text, ID, { files: {} }), []);
  const custom = text.replace('name: view', 'name: custom-view');
  const [finding, ...rest] = refFindings(custom, ID, { files: {} });
  assert.equal(rest.length, 0);
  assert.equal(textOf(custom, finding), 'custom-view');
  assert.deepEqual(refFindings(BINDING, ID, { alone: true }), []);
});
