// Validators are split into chunks per Kubernetes version and loaded on first use, so a Pod does
// not pay for CRD or webhook validators. Runs in its own process (node:test isolates files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, loadedValidatorChunks } from '../../dist/server/engine.js';

test('checking a Pod loads only the workloads chunk; a CRD loads the cluster chunk later', () => {
  assert.deepEqual(loadedValidatorChunks('1.35'), []);
  analyzeText('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: "a:1"}]\n', { kubernetesVersion: '1.35' });
  assert.deepEqual(loadedValidatorChunks('1.35'), ['v1.35.workloads.js']);
  analyzeText('apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: a}\nspec: {}\n', { kubernetesVersion: '1.35' });
  assert.deepEqual([...loadedValidatorChunks('1.35')].sort(), ['v1.35.cluster.js', 'v1.35.workloads.js']);
});
