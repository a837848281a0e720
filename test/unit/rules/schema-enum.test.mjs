// schema-enum (issue #11): a value outside the closed set names the container and the field, and a
// near miss gets a "Change to X" fix from the shared did-you-mean, safe when no other value is as close.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, assertFixClears, check, findingsOf, yaml } from '../../helpers/engine.mjs';

const ID = 'schema-enum';
const pod = (container) => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
      ${container}
`;
const key = (finding) => `${finding.ruleId} ${JSON.stringify(finding.path)}`;

/** Applies the fix, re-checks: the finding is gone and nothing new appears at any severity. */
function assertCleanFix(text, title) {
  const before = check(text);
  const fixed = assertFixClears(text, ID, { title });
  const known = new Set(before.map(key));
  const target = findingsOf(text, ID)[0];
  const after = check(fixed);
  assert.ok(!after.some((finding) => key(finding) === key(target)), fixed);
  assert.deepEqual(after.filter((finding) => !known.has(key(finding))).map(key), [], `new findings after "${title}":\n${fixed}`);
  return fixed;
}

test('a typo of an allowed value: the message names the container, the fix changes it, safely', () => {
  const text = pod('imagePullPolicy: Alwaysz');
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.message, 'Container "web": imagePullPolicy: "Alwaysz" is not an allowed value; did you mean "Always"?');
  assert.ok(finding.message.length <= 100);
  assert.match(finding.detail, /Allowed values: Always, IfNotPresent or Never/);
  const [fix] = finding.fixes;
  assert.equal(fix.title, 'Change to "Always"');
  assert.equal(fix.safe, true);
  assert.equal(fix.preferred, true);
  assert.match(assertCleanFix(text, 'Change to "Always"'), /imagePullPolicy: Always\n/);
});

test('a case slip is fixed safely and the detail says values are case-sensitive', () => {
  const text = pod('imagePullPolicy: ifnotpresent');
  const [finding] = findingsOf(text, ID);
  assert.match(finding.detail, /case-sensitive/);
  assert.equal(finding.fixes[0].safe, true);
  assert.match(assertCleanFix(text, 'Change to "IfNotPresent"'), /imagePullPolicy: IfNotPresent\n/);
});

test('a value as close to two allowed values gets the fix, not marked safe', () => {
  // "ReadWriteOny" is two edits from ReadWriteOnce and from ReadWriteMany.
  const text = yaml`
    apiVersion: v1
    kind: PersistentVolumeClaim
    metadata:
      name: data
    spec:
      accessModes: [ReadWriteOny]
      resources:
        requests:
          storage: 1Gi
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.message, 'accessModes[0]: "ReadWriteOny" is not an allowed value; did you mean "ReadWriteOnce"?');
  assert.equal(finding.fixes.length, 1);
  assert.equal(finding.fixes[0].safe, false);
  assertCleanFix(text, 'Change to "ReadWriteOnce"');
});

test('a value close to nothing: no fix, the allowed values in message and detail', () => {
  const text = pod('imagePullPolicy: Sometimes');
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.message, 'Container "web": imagePullPolicy must be Always, IfNotPresent or Never, not "Sometimes"');
  assert.deepEqual(finding.fixes, []);
});

test('an init container is named as one; the fix applies inside it', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      initContainers:
      - name: setup
        image: busybox:1.36
        command: [sh, -c, "true"]
        imagePullPolicy: Nevr
      containers:
      - name: web
        image: nginx:1.27
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.message, 'Init container "setup": imagePullPolicy: "Nevr" is not an allowed value; did you mean "Never"?');
  const fixed = applyEdits(text, finding.fixes[0].edits);
  assert.deepEqual(findingsOf(fixed, ID), []);
});
