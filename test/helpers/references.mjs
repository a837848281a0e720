// Helpers for the cross-file references rules (rules/references/): a file checked together with
// other files of a run, as the CLI checks a folder and the language server its workspace.
import { analyzeText, collectRunObjects } from '../../dist/server/engine.js';
import { MAX_MESSAGE_LENGTH, yaml } from './engine.mjs';

/** The run objects of `files` ({ path: text }). */
export function runOf(files) {
  return Object.entries(files).flatMap(([path, text]) => collectRunObjects(path, text));
}

/**
 * Findings of `ruleId` for `text` (at `filePath`) checked with the other `files` of a run.
 * `alone: true` checks the file without a run (stdin, a single file).
 */
export function refFindings(text, ruleId, { files = {}, alone = false, workspaceIsComplete, version = '1.36', filePath = '/work/app/main.yaml', kustomize } = {}) {
  const runObjects = alone ? undefined : runOf(files);
  const findings = analyzeText(text, { kubernetesVersion: version, filePath, runObjects, workspaceIsComplete, kustomize }).findings;
  const crashes = findings.filter((finding) => finding.ruleId === 'internal-error');
  if (crashes.length > 0) throw new Error(`a rule crashed:\n${crashes.map((finding) => finding.message).join('\n')}`);
  const long = findings.filter((finding) => finding.message.length > MAX_MESSAGE_LENGTH);
  if (long.length > 0) throw new Error(`messages over ${MAX_MESSAGE_LENGTH} characters:\n${long.map((finding) => finding.message).join('\n')}`);
  return findings.filter((finding) => finding.ruleId === ruleId);
}

/** A Deployment `name` in `namespace` whose Pods carry `app: <name>`: the workload other files refer to or select. */
export const deploymentIn = (name, namespace = 'shop') => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: ${name}
    namespace: ${namespace}
  spec:
    selector:
      matchLabels: {app: ${name}}
    template:
      metadata:
        labels: {app: ${name}}
      spec:
        containers:
        - name: app
          image: app:1.0
`;
