// A document is a Kubernetes object when it has a string apiVersion and kind, and the apiVersion
// is `group/version` or a core version (`v1`). Other tools' YAML with the same two keys
// (kustomize's `apiVersion: builtin` transformers, `apiVersion: 2`) is other YAML (issue #12).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, parseChunk } from '../../../dist/server/engine.js';
import { yaml } from '../../helpers/engine.mjs';

const kindOf = (text) => parseChunk({ text }).kind;

test('slash-less apiVersions that are not core versions are not Kubernetes', () => {
  for (const apiVersion of ['builtin', '2', '"2"', 'config', '""']) assert.equal(kindOf(`apiVersion: ${apiVersion}\nkind: LabelTransformer\n`), 'other', apiVersion);
});

test('core versions (also a mistyped V1) and group versions are Kubernetes', () => {
  for (const apiVersion of ['v1', 'V1', 'v2beta1', 'apps/v1', 'example.com/v1alpha1']) assert.equal(kindOf(`apiVersion: ${apiVersion}\nkind: X\n`), 'kubernetes', apiVersion);
});

test('a kustomize transformer config gets no finding, beside a checked object', () => {
  const text = yaml`
    apiVersion: builtin
    kind: LabelTransformer
    metadata:
      name: notImportantHere
    labels:
      app: web
    fieldSpecs:
    - path: metadata/labels
      create: true
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: Web
    spec:
      containers:
      - name: web
        image: nginx:1.27
  `;
  const result = analyzeText(text, { kubernetesVersion: '1.36' });
  assert.deepEqual(
    result.documents.map((document) => document.kind),
    ['other', 'kubernetes'],
  );
  assert.deepEqual(
    result.findings.map((finding) => [finding.documentIndex, finding.ruleId]),
    [[1, 'meta-name-invalid']],
  );
});
