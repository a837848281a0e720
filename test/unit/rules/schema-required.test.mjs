// schema-required (issue #11): an unnamed container gets a fix that names it after its image.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFixClears, check, findingsOf, yaml } from '../../helpers/engine.mjs';

const ID = 'schema-required';
const key = (finding) => `${finding.ruleId} ${JSON.stringify(finding.path)}`;

test('a container without a name: named after its image, unique among its siblings', () => {
  const text = yaml`
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
          - image: registry.example.com/team/web-app:1.2
          - name: web-app
            image: nginx:1.27
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.message, 'Container containers[0] is missing required field "name"');
  assert.equal(finding.fixes[0].title, 'Name the container "web-app-2"');
  assert.equal(finding.fixes[0].safe, false);
  const before = new Set(check(text).map(key));
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /- image: registry\.example\.com\/team\/web-app:1\.2\n\s+name: web-app-2\n/);
  assert.deepEqual(
    check(fixed)
      .filter((finding) => !before.has(key(finding)))
      .map(key),
    [],
    'nothing new',
  );
});

test('inside a container, the missing field is named from the container', () => {
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
        - value: x
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.message, 'Container "web" is missing required field "env[0].name"');
});
