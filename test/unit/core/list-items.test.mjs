// Lists (engine/list-items.ts): `kubectl apply -f` of `apiVersion: v1, kind: List, items: [...]`
// creates every item, so every item is checked as an object of its own: schema, object and Pod
// spec rules, and the file rules, with findings and fixes on ['items', i, ...].
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, documentSymbols } from '../../../dist/server/engine.js';
import { applyEdits, assertFixClears, check, findingsOf, textOf, yaml } from '../../helpers/engine.mjs';

const DEPLOYMENT = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    replicas: 2
    selector:
      matchLabels:
        app: web
    template:
      metadata:
        labels:
          app: web
      spec:
        containers:
          - name: web
            image: nginx:1.27
            ports:
              - containerPort: 8080
            livenessProbe:
              httpGet:
                path: /healthz
                port: 8080
              successThreshold: 3
`;

/** A document as an item of a List's `items:` (a "- " before its first line, the rest indented). */
function asItem(document) {
  const lines = document.replace(/\n$/, '').split('\n');
  return `${lines.map((line, index) => (index === 0 ? `  - ${line}` : `    ${line}`)).join('\n')}\n`;
}

const SERVICE = (selector, port = 8080) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: ${selector}
  ports:
    - port: 80
      targetPort: ${port}
`;

const LIST = `apiVersion: v1
kind: List
metadata:
  resourceVersion: ""
items:
${asItem(DEPLOYMENT)}`;

const paths = (findings) => findings.map((f) => JSON.stringify(f.path));

test('a bad item: schema and Pod spec rules report on the item, under items[i]', () => {
  const text = LIST.replace('image: nginx:1.27', 'image: nginx:1.27\n              imagePullPolicy: Sometimes\n              bogus: 1');
  const findings = check(text);
  const bogus = findings.find((f) => f.ruleId === 'schema-unknown-field');
  assert.ok(bogus, `schema-unknown-field; got ${findings.map((f) => f.ruleId)}`);
  assert.deepEqual(bogus.path, ['items', 0, 'spec', 'template', 'spec', 'containers', 0, 'bogus']);
  assert.equal(textOf(text, bogus), 'bogus');
  const policy = findings.find((f) => f.ruleId === 'schema-enum');
  assert.ok(policy, 'the enum of imagePullPolicy is checked in the item');
  assert.equal(textOf(text, policy), 'Sometimes');
});

test('a workload template inside a List: a probe rule fires on the item, placed on its field', () => {
  const [finding] = findingsOf(LIST, 'probe-success-threshold');
  assert.ok(finding, `probe-success-threshold; got ${check(LIST).map((f) => f.ruleId)}`);
  assert.deepEqual(finding.path, ['items', 0, 'spec', 'template', 'spec', 'containers', 0, 'livenessProbe', 'successThreshold']);
  assert.equal(textOf(LIST, finding), '3');
  assert.equal(finding.severity, 'error');
});

test('a good List: no findings on the wrapper or its items', () => {
  const text = LIST.replace('                successThreshold: 3\n', '');
  assert.ok(!text.includes('successThreshold'));
  const findings = check(text);
  assert.deepEqual(
    findings.filter((f) => f.path[0] !== 'items').map((f) => `${f.ruleId} ${JSON.stringify(f.path)}: ${f.message}`),
    [],
    'nothing on the wrapper',
  );
  assert.deepEqual(
    findings.filter((f) => f.ruleId.startsWith('schema-') || f.ruleId.startsWith('yaml-')).map((f) => f.message),
    [],
  );
  // And the same Deployment as a document of its own gets the same rule ids: nothing lost, nothing added.
  const alone = DEPLOYMENT.replace('      successThreshold: 3\n', '');
  const ids = (findings) => findings.map((f) => f.ruleId).sort();
  assert.deepEqual(ids(check(text)), ids(check(alone)));
});

test('a fix on an item field applies inside the List and clears the finding', () => {
  const fixed = assertFixClears(LIST, 'probe-success-threshold');
  assert.match(fixed, /successThreshold: 1/);
  assert.deepEqual(findingsOf(fixed, 'probe-success-threshold'), []);
  // Only the item changed: the wrapper and its order survive.
  assert.ok(fixed.startsWith('apiVersion: v1\nkind: List\n'));
});

test('a schema fix on an item (unknown field) lands in the item', () => {
  const text = LIST.replace('      replicas: 2', '      replicas: 2\n      replica: 3');
  const [finding] = findingsOf(text, 'schema-unknown-field');
  assert.deepEqual(finding.path, ['items', 0, 'spec', 'replica']);
  const fix = finding.fixes[0];
  assert.ok(fix, 'a fix is offered');
  const fixed = applyEdits(text, fix.edits);
  assert.deepEqual(findingsOf(fixed, 'schema-unknown-field'), []);
  assert.ok(fixed.includes('kind: List'));
});

test('file rules see List items: a Service item selecting a Deployment item in the same List', () => {
  const text = `${LIST}${asItem(SERVICE('web'))}`;
  assert.deepEqual(findingsOf(text, 'service-selector-no-match'), []);
  const mismatched = `${LIST}${asItem(SERVICE('wbe'))}`;
  const [finding] = findingsOf(mismatched, 'service-selector-no-match');
  assert.ok(finding, `service-selector-no-match; got ${check(mismatched).map((f) => f.ruleId)}`);
  assert.deepEqual(finding.path, ['items', 1, 'spec', 'selector']);
  assert.equal(textOf(mismatched, finding), 'selector');
});

test('the List at the top of a file and a sibling Service document see each other', () => {
  const good = `${LIST}---\n${SERVICE('web')}`;
  assert.deepEqual(findingsOf(good, 'service-selector-no-match'), []);
  assert.deepEqual(findingsOf(good, 'service-target-port-undeclared'), []);
  const bad = `${LIST}---\n${SERVICE('web', 9090)}`;
  const [port] = findingsOf(bad, 'service-target-port-undeclared');
  assert.ok(port, `service-target-port-undeclared; got ${check(bad).map((f) => f.ruleId)}`);
  assert.equal(port.documentIndex, 1);
  assert.deepEqual(port.path.slice(0, 2), ['spec', 'ports']);
});

test('a sibling Service selecting nothing in the List is reported on the Service document', () => {
  const text = `${SERVICE('api')}---\n${LIST}`;
  const [finding] = findingsOf(text, 'service-selector-no-match');
  assert.ok(finding);
  assert.equal(finding.documentIndex, 0);
  assert.deepEqual(finding.path, ['spec', 'selector']);
});

test('two Services in one List: each file finding lands on its own item', () => {
  const item = (name, app) => asItem(SERVICE(app).replace('name: web', `name: ${name}`));
  // A Deployment in the file, so the rule has Pods to compare the selectors with.
  const text = `${LIST}${item('one', 'nope')}${item('two', 'other')}`;
  const findings = findingsOf(text, 'service-selector-no-match');
  assert.deepEqual(paths(findings).sort(), ['["items",1,"spec","selector"]', '["items",2,"spec","selector"]']);
  const lines = findings.map((f) => text.slice(0, f.range.start).split('\n').length).sort((a, b) => a - b);
  assert.notEqual(lines[0], lines[1], 'each on its own item');
});

test('multi-document file: a List between two documents keeps document indexes right', () => {
  const text = `${SERVICE('web')}---\n${LIST}---\n${SERVICE('web').replace('name: web', 'name: other')}`;
  const [finding] = findingsOf(text, 'probe-success-threshold');
  assert.equal(finding.documentIndex, 1);
  assert.equal(finding.path[0], 'items');
  const { documents } = analyzeText(text, { kubernetesVersion: '1.36' });
  assert.deepEqual(
    documents.map((d) => d.objectKind),
    ['Service', 'List', 'Service'],
  );
});

test('the wrapper is checked for what it has: no unknown-kind error, unknown fields warned, items required', () => {
  assert.deepEqual(check('apiVersion: v1\nkind: List\nitems: []\n'), []);
  const extra = check('apiVersion: v1\nkind: List\nmetadata:\n  name: x\nitmes: []\n');
  const byPath = Object.fromEntries(extra.map((f) => [JSON.stringify(f.path), `${f.ruleId}/${f.severity}`]));
  assert.equal(byPath['["itmes"]'], 'schema-unknown-field/warning');
  assert.equal(byPath['["metadata","name"]'], 'schema-unknown-field/warning');
  assert.equal(byPath['["kind"]'], 'schema-required/error', 'no items: kubectl has nothing to apply');
  assert.ok(!extra.some((f) => f.ruleId.startsWith('api-version')), 'v1 List is not an unknown kind');
});

test('items that are not objects, or lack apiVersion/kind, are errors on the item', () => {
  const text = 'apiVersion: v1\nkind: List\nitems:\n  - just a string\n  - metadata:\n      name: x\n';
  const findings = check(text);
  assert.deepEqual(findings.map((f) => [f.ruleId, JSON.stringify(f.path)]).sort(), [
    ['schema-required', '["items",1]'],
    ['schema-type', '["items",0]'],
  ]);
});

test("a typed list (PodList) is flattened too; items without apiVersion/kind take the list's", () => {
  const text = yaml`
    apiVersion: v1
    kind: PodList
    items:
      - metadata:
          name: a
        spec:
          containers:
            - name: a
              image: nginx
              bogus: 1
  `;
  const findings = check(text);
  const unknown = findings.filter((f) => f.ruleId === 'schema-unknown-field');
  // Reported once, on the item, not a second time through the PodList schema.
  assert.deepEqual(paths(unknown), ['["items",0,"spec","containers",0,"bogus"]']);
  // The item is checked as the Pod kubectl makes of it: Pod spec rules run on it.
  const policy = findings.find((f) => f.ruleId === 'image-latest-tag');
  assert.deepEqual(policy?.path, ['items', 0, 'spec', 'containers', 0, 'image']);
});

test('outline: a List shows each item as an object, its containers underneath', () => {
  const text = `${LIST}${asItem(SERVICE('web'))}`;
  const [list] = documentSymbols(text);
  assert.equal(list.name, 'List');
  assert.deepEqual(
    list.children.map((child) => child.name),
    ['Deployment/web', 'Service/web'],
  );
  const [deployment, service] = list.children;
  assert.equal(text.slice(deployment.selectionRange.start, deployment.selectionRange.end), 'web');
  assert.deepEqual(
    deployment.children.map((child) => child.name),
    ['web'],
  );
  assert.ok(deployment.range.end <= service.range.start, 'items do not overlap');
  assert.ok(text.slice(service.range.start, service.range.end).startsWith('apiVersion: v1\n    kind: Service'));
});

test('a podwise.io/disable annotation on a List item silences that item only', () => {
  const annotated = DEPLOYMENT.replace('  name: web\n', '  name: web\n  annotations:\n    podwise.io/disable: probe-success-threshold\n');
  assert.notEqual(annotated, DEPLOYMENT);
  const other = DEPLOYMENT.replace('  name: web\n', '  name: api\n');
  const text = `apiVersion: v1\nkind: List\nitems:\n${asItem(annotated)}${asItem(other)}`;
  const findings = findingsOf(text, 'probe-success-threshold');
  assert.deepEqual(
    findings.map((f) => f.path[1]),
    [1],
    'the annotated item 0 is silenced, item 1 still reported',
  );
  // Without the annotation both items are reported (the annotation is what silences item 0).
  assert.equal(findingsOf(`apiVersion: v1\nkind: List\nitems:\n${asItem(DEPLOYMENT)}${asItem(other)}`, 'probe-success-threshold').length, 2);
  // An unknown id in an item's annotation is reported like one on a document.
  const typo = text.replace('podwise.io/disable: probe-success-threshold', 'podwise.io/disable: probe-sucess-threshold');
  assert.equal(findingsOf(typo, 'suppression-unknown-rule').length, 1);
});
