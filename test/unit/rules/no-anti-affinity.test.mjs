import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'no-anti-affinity';
const on = { rules: { [ID]: 'hint' } };

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
    replicas: 3
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

test('off by default', () => {
  assert.deepEqual(findingsOf(text, ID), []);
});

test('3 replicas without spreading: a hint on replicas (multi-document)', () => {
  const [finding, ...rest] = findingsOf(text, ID, on);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'hint');
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 10);
  assert.equal(textOf(text, finding), '3');
});

test('topologySpreadConstraints or a single replica are fine', () => {
  const spread = text.replace(
    '      containers:',
    '      topologySpreadConstraints:\n      - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: web}}}\n      containers:',
  );
  assert.deepEqual(findingsOf(spread, ID, on), []);
  assert.deepEqual(findingsOf(text.replace('replicas: 3', 'replicas: 1'), ID, on), []);
});

// --- Terms must apply to the workload's own Pods (peer-agreement bugs: kube-score
// deployment-host-antiaffinity-preffered-selector-no-match, kube-linter no-anti-affinity
// fire-namespaced-with-namespaces-selector-not-matching).

/** The Deployment of `text` in namespace `shop`, with `affinity` (YAML lines at 6 spaces) in its Pod spec. */
const withAffinity = (affinity, namespace = 'shop') =>
  text.replace('  name: web\nspec:', `  name: web\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:`).replace('      containers:', `${affinity}      containers:`);

const preferred = (term) =>
  `      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n          - weight: 100\n            podAffinityTerm:\n${term}`;
const required = (term) => `      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n          -${term.slice(11)}`;
const term = (lines) => lines.map((line) => `              ${line}\n`).join('');

test('a preferred term selecting other Pods does not spread them: hint on podAntiAffinity, saying why', () => {
  const bad = withAffinity(preferred(term(['labelSelector:', '  matchLabels: {app: not-web}', 'topologyKey: kubernetes.io/hostname'])));
  const [finding, ...rest] = findingsOf(bad, ID, on);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'hint');
  assert.equal(finding.documentIndex, 1);
  assert.equal(textOf(bad, finding), 'podAntiAffinity');
  assert.match(said(finding), /a term selects app=not-web, and the Pods are labelled app=web/);
  // The same term on the Pods' own labels spreads them.
  assert.deepEqual(findingsOf(bad.replace('app: not-web', 'app: web'), ID, on), []);
});

test('podAntiAffinity: {} and terms without topologyKey or labelSelector spread nothing', () => {
  const empty = withAffinity('      affinity:\n        podAntiAffinity: {}\n');
  const [finding] = findingsOf(empty, ID, on);
  assert.equal(textOf(empty, finding), 'podAntiAffinity');
  assert.match(said(finding), /no required or preferred term/);
  const noKey = withAffinity(required(term(['labelSelector:', '  matchLabels: {app: web}'])));
  assert.match(said(findingsOf(noKey, ID, on)[0]), /no topologyKey/);
  const noSelector = withAffinity(required(term(['topologyKey: kubernetes.io/hostname'])));
  assert.match(said(findingsOf(noSelector, ID, on)[0]), /no labelSelector, so it matches no Pods/);
});

test('matchExpressions are evaluated in full; mismatchLabelKeys on an own label excludes the siblings', () => {
  const expression = (operator, values) =>
    withAffinity(
      required(
        term(['labelSelector:', '  matchExpressions:', `  - {key: app, operator: ${operator}${values ? `, values: [${values}]` : ''}}`, 'topologyKey: kubernetes.io/hostname']),
      ),
    );
  assert.deepEqual(findingsOf(expression('In', 'web, api'), ID, on), []);
  assert.deepEqual(findingsOf(expression('Exists'), ID, on), []);
  assert.match(said(findingsOf(expression('NotIn', 'web'), ID, on)[0]), /selects app notin \(web\)/);
  assert.equal(findingsOf(expression('DoesNotExist'), ID, on).length, 1);
  const mismatch = withAffinity(required(term(['labelSelector: {}', 'topologyKey: kubernetes.io/hostname', 'mismatchLabelKeys: [app]'])));
  assert.match(said(findingsOf(mismatch, ID, on)[0]), /mismatchLabelKeys/);
});

test("the term must look at the workload's namespace", () => {
  const scoped = (lines, namespace) => withAffinity(required(term(['labelSelector:', '  matchLabels: {app: web}', 'topologyKey: kubernetes.io/hostname', ...lines])), namespace);
  const other = scoped(['namespaces: [payments]']);
  const [finding] = findingsOf(other, ID, on);
  assert.match(said(finding), /only looks at Pods in namespaces payments, and the Pods are in shop/);
  assert.deepEqual(findingsOf(scoped(['namespaces: [payments, shop]']), ID, on), []);
  assert.deepEqual(findingsOf(scoped([]), ID, on), [], "no namespaces: the Pod's own");
  assert.deepEqual(findingsOf(scoped(['namespaceSelector: {}']), ID, on), [], 'empty namespaceSelector: every namespace');
  const byName = (name) => scoped(['namespaceSelector:', `  matchLabels: {kubernetes.io/metadata.name: ${name}}`]);
  assert.equal(findingsOf(byName('payments'), ID, on).length, 1);
  assert.deepEqual(findingsOf(byName('shop'), ID, on), []);
  assert.deepEqual(findingsOf(scoped(['namespaceSelector:', '  matchLabels: {team: web}']), ID, on), [], 'unknown namespace labels: benefit of the doubt');
  assert.deepEqual(findingsOf(scoped(['namespaces: [payments]'], ''), ID, on), [], 'no metadata.namespace: it may be applied to payments');
});

test('one applying term among several is enough; topologySpreadConstraints must select the Pods too', () => {
  const both = withAffinity(
    preferred(term(['labelSelector: {matchLabels: {app: api}}', 'topologyKey: kubernetes.io/hostname'])) +
      '          - weight: 50\n            podAffinityTerm:\n' +
      term(['labelSelector: {matchLabels: {app: web}}', 'topologyKey: topology.kubernetes.io/zone']),
  );
  assert.deepEqual(findingsOf(both, ID, on), []);
  const spread = (selector) =>
    text.replace(
      '      containers:',
      `      topologySpreadConstraints:\n      - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway${selector}}\n      containers:`,
    );
  const [finding] = findingsOf(spread(', labelSelector: {matchLabels: {app: api}}'), ID, on);
  assert.equal(textOf(spread(', labelSelector: {matchLabels: {app: api}}'), finding), 'topologySpreadConstraints');
  assert.match(said(finding), /a constraint selects app=api/);
  assert.match(said(findingsOf(spread(''), ID, on)[0]), /no labelSelector/);
});

// --- A HorizontalPodAutoscaler of the file sets the replica count.
const hpa = (min, max, name = 'web') =>
  `---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${name}}\n${min === undefined ? '' : `  minReplicas: ${min}\n`}  maxReplicas: ${max}\n`;

test('an HPA that may run several replicas counts, even over replicas: 1 or an omitted count', () => {
  const omitted = text.replace('  replicas: 3\n', '') + hpa(undefined, 5);
  const [finding, ...rest] = findingsOf(omitted, ID, on);
  assert.equal(rest.length, 0);
  assert.equal(finding.documentIndex, 1);
  assert.equal(textOf(omitted, finding), 'spec');
  assert.match(said(finding), /^Deployment "web": nothing spreads its 5 replicas across nodes\nUp to 5 replicas \(HorizontalPodAutoscaler "web"\)/);
  // spec.replicas is the HPA's to set: the hint is on the workload's spec, not on replicas: 1.
  const overridden = text.replace('replicas: 3', 'replicas: 1') + hpa(2, 4);
  const [onSpec, ...others] = findingsOf(overridden, ID, on);
  assert.equal(others.length, 0);
  assert.equal(textOf(overridden, onSpec), 'spec');
  assert.equal(lineOf(overridden, onSpec), 9);
  // An HPA pinned to one replica, or one that targets another Deployment.
  assert.deepEqual(findingsOf(text + hpa(1, 1), ID, on), []);
  assert.equal(findingsOf(text.replace('replicas: 3', 'replicas: 1') + hpa(2, 4, 'api'), ID, on).length, 0);
});

test('StatefulSet template', () => {
  const set = text.replace('kind: Deployment', 'kind: StatefulSet').replace('  replicas: 3\n', '  replicas: 3\n  serviceName: web\n');
  const [finding] = findingsOf(set, ID, on);
  assert.equal(textOf(set, finding), '3');
  const spread = set.replace('      containers:', preferred(term(['labelSelector: {matchLabels: {app: web}}', 'topologyKey: kubernetes.io/hostname'])) + '      containers:');
  assert.deepEqual(findingsOf(spread, ID, on), []);
});
