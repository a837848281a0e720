import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'api-version-unknown';

const deployment = (apiVersion, kind = 'Deployment') => yaml`
  apiVersion: ${apiVersion}
  kind: ${kind}
  metadata:
    name: web # front end
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
`;

test('a mistyped built-in group: error on apiVersion naming the served one, with a fix', () => {
  const text = deployment('app/v1');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'app/v1');
  assert.match(said(finding), /no matches for kind "Deployment" in version "app\/v1"/);
  assert.match(said(finding), /served as apps\/v1/);
  const fixed = assertFixClears(text, ID, { title: 'Use apps/v1' });
  assert.match(fixed, /^apiVersion: apps\/v1\n/);
});

test('a version that never existed in a built-in group', () => {
  const text = deployment('apps/v2');
  const [finding] = findingsOf(text, ID);
  assert.match(said(finding), /Deployment is served as apps\/v1/);
  assertFixClears(text, ID);
});

test('wrong case or a typo in kind: finding on kind with a fix', () => {
  const lower = deployment('apps/v1', 'deployment');
  const [finding] = findingsOf(lower, ID);
  assert.equal(textOf(lower, finding), 'deployment');
  assert.match(said(finding), /did you mean Deployment/);
  assertFixClears(lower, ID, { title: 'Change kind to Deployment' });
  const typo = deployment('v1', 'Deploymnet');
  const [typoFinding] = findingsOf(typo, ID);
  assert.equal(textOf(typo, typoFinding), 'Deploymnet');
  const fixed = assertFixClears(typo, ID, { title: 'Change to apps/v1 Deployment' });
  assert.match(fixed, /^apiVersion: apps\/v1\nkind: Deployment\n/);
});

test('a kind typo is matched with the shared "did you mean" threshold; an ambiguous one is not guessed', () => {
  // 11+ letters allow three edits: two letters doubled and one dropped.
  const long = yaml`
    apiVersion: apps/v1
    kind: StatefulSettt
    metadata:
      name: db
  `;
  const [finding] = findingsOf(long, ID);
  assert.match(said(finding), /did you mean StatefulSet\?[^]*StatefulSet is served as apps\/v1\./);
  // `Nod` is one edit from both Node and Pod: no suggestion, the group's kinds are not guessed at.
  const ambiguous = yaml`
    apiVersion: v1
    kind: Nod
    metadata:
      name: x
  `;
  const [nod] = findingsOf(ambiguous, ID);
  assert.doesNotMatch(said(nod), /Did you mean/);
  assert.match(said(nod), /Unknown kind "Nod" in v1\n[^]*The core group has no kind "Nod"/);
});

test('version boundaries: an API newer than the target, and one that is gone', () => {
  const claim = yaml`
    apiVersion: resource.k8s.io/v1
    kind: ResourceClaim
    metadata:
      name: gpu
    spec:
      devices:
        requests:
        - name: gpu
          exactly:
            deviceClassName: gpu.example.com
  `;
  assert.deepEqual(findingsOf(claim, ID, { version: '1.34' }), []);
  const [early] = findingsOf(claim, ID, { version: '1.33' });
  assert.match(said(early), /served from Kubernetes 1\.34/);
  const old = claim.replace('resource.k8s.io/v1', 'resource.k8s.io/v1alpha2');
  assert.deepEqual(findingsOf(old, ID, { version: '1.30' }), []);
  assert.match(said(findingsOf(old, ID, { version: '1.36' })[0]), /was served up to Kubernetes 1\.30/);
});

test('custom resources, kubeconfig, kubectl lists and tool configs are left alone', () => {
  const texts = [
    'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n',
    'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\n',
    'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n',
    'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\n',
    'apiVersion: v1\nkind: Config\nclusters: []\n',
    'apiVersion: v1\nkind: List\nitems: []\n',
    'apiVersion: skaffold/v4beta6\nkind: Config\n',
    'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules: []\n',
  ];
  for (const text of texts) assert.deepEqual(findingsOf(text, ID), [], text);
});

test('multi-document: only the unknown object', () => {
  const text = deployment('apps/v1') + '---\n' + deployment('apps/v1beta3');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 15);
});
