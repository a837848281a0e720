// Shared by the kustomize rule tests: a kustomization analysed with its role (the state of each
// entry, as a front end's probe would give it), and fixes applied and re-checked.
import assert from 'node:assert/strict';
import { analyzeText, kustomizationRoleOf } from '../../dist/server/engine.js';
import { applyEdits, MAX_MESSAGE_LENGTH } from './engine.mjs';

export const FILE = '/repo/app/kustomization.yaml';

/** A probe over a fake tree: paths → 'file' | 'folder'; everything else is missing. */
export function probeOf(tree) {
  return (path) => tree[path] ?? 'missing';
}

export function analyzeKustomization(text, { tree = {}, version = '1.36', file = FILE, role } = {}) {
  const kustomize = role ?? kustomizationRoleOf(file, text, probeOf(tree));
  const findings = analyzeText(text, { kubernetesVersion: version, filePath: file, kustomize }).findings;
  const crashes = findings.filter((finding) => finding.ruleId === 'internal-error');
  assert.deepEqual(crashes, [], 'a rule crashed');
  for (const finding of findings) assert.ok(finding.message.length <= MAX_MESSAGE_LENGTH, finding.message);
  return findings;
}

export function kustomizeFindingsOf(text, ruleId, options) {
  return analyzeKustomization(text, options).filter((finding) => finding.ruleId === ruleId);
}

/** Applies `fix` and checks again: returns the fixed text and its findings. */
export function applyFix(text, fix, options) {
  const fixed = applyEdits(text, fix.edits);
  return { fixed, after: analyzeKustomization(fixed, options) };
}
