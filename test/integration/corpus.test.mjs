// Real YAML written by others (../shared/corpus, see its SOURCES.md and STATS.md), checked in
// process with the engine bundle:
// - nonk8s/: GitHub Actions, compose, Helm, kustomize, Ansible… get no findings (at most one info
//   per file);
// - valid/: manifests mature projects present as correct get no schema or YAML errors, except the
//   true bugs in those files listed below with the reason;
// - legacy/: obsolete manifests get api-version-removed findings for the APIs that are gone.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { suiteUnless } from '../helpers/suite.mjs';
import { fileURLToPath } from 'node:url';
import { analyzeText, LineIndex } from '../../dist/server/engine.js';
import { isHelmChartTemplate } from '../../dist/server/cli.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = process.env.PODWISE_CORPUS ?? join(root, '..', 'shared', 'corpus');
const VERSION = '1.36';
const present = existsSync(join(CORPUS, 'valid')) && existsSync(join(CORPUS, 'nonk8s')) && existsSync(join(CORPUS, 'legacy'));
const skip = present ? false : `the corpus is not at ${CORPUS} (set PODWISE_CORPUS to run these tests)`;

/**
 * Schema and YAML errors on valid/ that are true bugs in the files, by file, rule and field path.
 * Each one was checked against the file and the Kubernetes API of the versions we ship.
 */
const KNOWN_BUGS_IN_VALID = [
  [
    'argo-cd-live-objects/application-degraded.yaml',
    'schema-required',
    [],
    'an Argo CD Application reduced to its status for a health-check test: the Application CRD requires metadata and spec',
  ],
  [
    'argo-cd-live-objects/hpa-v2-degraded.yaml',
    'schema-unknown-field',
    ['spec', 'targetCPUUtilizationPercentage'],
    'autoscaling/v2 has no targetCPUUtilizationPercentage (an autoscaling/v1 field); hand-written health-check test data',
  ],
  ['argo-cd-live-objects/hpa-v2-progressing.yaml', 'schema-unknown-field', ['spec', 'targetCPUUtilizationPercentage'], 'same autoscaling/v1 field in an autoscaling/v2 HPA'],
  [
    'argo-cd-live-objects/ingress-unassigned.yaml',
    'schema-required',
    ['spec', 'rules', 0, 'http', 'paths', 0, 'pathType'],
    'networking.k8s.io/v1 requires pathType; the object is an extensions/v1beta1 Ingress relabelled as v1',
  ],
  [
    'argo-cd-live-objects/ingress-unassigned.yaml',
    'schema-unknown-field',
    ['spec', 'rules', 0, 'http', 'paths', 0, 'backend', 'serviceName'],
    'v1beta1 backend fields; v1 uses backend.service.name',
  ],
  [
    'argo-cd-live-objects/ingress-unassigned.yaml',
    'schema-unknown-field',
    ['spec', 'rules', 0, 'http', 'paths', 0, 'backend', 'servicePort'],
    'v1beta1 backend fields; v1 uses backend.service.port',
  ],
  [
    'kubernetes-website/access/admission-webhook-match-conditions.yaml',
    'schema-required',
    ['webhooks', 0, 'admissionReviewVersions'],
    'admissionregistration.k8s.io/v1 webhooks require admissionReviewVersions (and the example elides more)',
  ],
  [
    'kubernetes-website/access/admission-webhook-match-conditions.yaml',
    'schema-format',
    ['webhooks', 0, 'clientConfig', 'caBundle'],
    'caBundle "<omitted>" is a placeholder, not base64',
  ],
  ['kubernetes-website/access/admission-webhook-match-conditions.yaml', 'schema-required', ['webhooks', 1, 'admissionReviewVersions'], 'admissionReviewVersions missing, as above'],
  ['kubernetes-website/access/admission-webhook-match-conditions.yaml', 'schema-format', ['webhooks', 1, 'clientConfig', 'caBundle'], 'caBundle placeholder, as above'],
  ['kubernetes-website/access/audit-event-with-audit-annotation.yaml', 'yaml-syntax', [], 'a JSON-like fragment with "..." elisions: not parseable YAML (SOURCES.md notes it)'],
  [
    'kubernetes-website/concepts/policy/limit-range/problematic-limit-range.yaml',
    'schema-required',
    ['spec', 'limits', 0, 'type'],
    'LimitRangeItem.type is required (the API server rejects an empty type); "type: Container" is missing',
  ],
  [
    'kubernetes-website/dra/resourceclaim.yaml',
    'schema-unknown-field',
    ['spec', 'devices', 'requests', 0, 'exactly', 'selectors', 0, 'expression'],
    '"expression" is mis-indented as a sibling of "cel" instead of under it (SOURCES.md notes it)',
  ],
  [
    'kubernetes-website/pods/emptydir-volume-mode.yaml',
    'schema-unknown-field',
    ['spec', 'volumes', 0, 'emptyDir', 'mode'],
    'emptyDir.mode is in no Kubernetes API up to 1.36 (documented ahead of its release)',
  ],
  ['kubernetes-website/pods/inject/envars-file-container.yaml', 'yaml-syntax', [], "invalid escape \\' in a double-quoted string: every YAML parser rejects the file"],
  ['kubernetes-website/pods/inject/pod-multiple-secret-env-variable.yaml', 'yaml-syntax', [], 'a tab-indented duplicate env: key (SOURCES.md notes it)'],
  [
    'kubernetes-website/pods/pod-with-node-affinity.yaml',
    'schema-type',
    ['spec', 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution'],
    'a list of preference/weight items where the API needs a NodeSelector mapping (SOURCES.md notes it)',
  ],
  [
    'kubernetes-website/pods/probe/grpc-liveness.yaml',
    'schema-unknown-field',
    ['spec', 'containers', 0, 'livenessProbe', 'gRPC'],
    'the field is grpc; gRPC is a typo the API server rejects in strict mode',
  ],
  [
    'kubernetes-website/pods/restart-policy/restart-all-containers.yaml',
    'schema-enum',
    ['spec', 'initContainers', 1, 'restartPolicyRules', 0, 'action'],
    'RestartAllContainers is not an action in any API up to 1.36 (only Restart); documented ahead of its release',
  ],
  [
    'kubernetes-website/pods/restart-policy/restart-all-containers.yaml',
    'schema-unknown-field',
    ['spec', 'initContainers', 1, 'restartPolicyRules', 0, 'onExit'],
    'onExit is not in ContainerRestartRule up to 1.36 (the field is exitCodes); documented ahead of its release',
  ],
  [
    'kubernetes-website/pods/security/security-context-7.yaml',
    'schema-unknown-field',
    ['spec', 'containers', 0, 'securityContext', 'cgroupOptions'],
    'securityContext.cgroupOptions is in no Kubernetes API up to 1.36 (documented ahead of its release)',
  ],
  ['kubernetes-website/secret/tls-auth-secret.yaml', 'schema-format', ['data', 'tls.crt'], 'REPLACE_WITH_BASE64_CERT placeholder is not base64 (SOURCES.md notes it)'],
  ['kubernetes-website/secret/tls-auth-secret.yaml', 'schema-format', ['data', 'tls.key'], 'REPLACE_WITH_BASE64_KEY placeholder is not base64'],
];

/** apiVersion/kind pairs in legacy/ that no Kubernetes version we ship serves any more. */
const REMOVED_IN_LEGACY = [
  'storage.k8s.io/v1beta1 StorageClass',
  'policy/v1beta1 PodSecurityPolicy',
  'policy/v1beta1 PodDisruptionBudget',
  'extensions/v1beta1 DaemonSet',
  'admissionregistration.k8s.io/v1alpha1 InitializerConfiguration',
];

/**
 * Removed so long ago (1.14) that the api-versions catalog may not list them: "not served"
 * (api-version-unknown) is accepted for these until the catalog names the removal.
 */
const ACCEPTED_AS_UNKNOWN = ['admissionregistration.k8s.io/v1alpha1 InitializerConfiguration'];

const EXTENSIONS = /\.(ya?ml|json|j2)$/i;
const cache = new Map();

/** Every file of a corpus folder, analysed once: {file, text, findings, documents}. */
function analyzeFolder(folder) {
  if (cache.has(folder)) return cache.get(folder);
  const results = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (EXTENSIONS.test(name)) {
        const text = readFileSync(path, 'utf8');
        const file = relative(join(CORPUS, folder), path);
        if (isHelmChartTemplate(path)) {
          results.push({ file, text, findings: [], documents: [], skipped: 'helm-template' });
          continue;
        }
        const { findings, documents } = analyzeText(text, { kubernetesVersion: VERSION, filePath: path });
        results.push({ file, text, findings, documents });
      }
    }
  };
  walk(join(CORPUS, folder));
  cache.set(folder, results);
  return results;
}

function describeFinding(result, finding) {
  const { line, character } = new LineIndex(result.text).positionAt(finding.range.start);
  return `${result.file}:${line + 1}:${character + 1} ${finding.severity} ${finding.ruleId} ${JSON.stringify(finding.path)} ${finding.message}`;
}

const isParseOrSchemaError = (finding) => finding.severity === 'error' && /^(schema|yaml)-/.test(finding.ruleId);

suiteUnless('corpus', skip, () => {
  test('nonk8s/: no findings (at most one info per file)', (t) => {
    const results = analyzeFolder('nonk8s');
    const problems = [];
    for (const result of results) {
      const loud = result.findings.filter((finding) => finding.severity !== 'info');
      const infos = result.findings.filter((finding) => finding.severity === 'info');
      for (const finding of loud) problems.push(describeFinding(result, finding));
      if (infos.length > 1) problems.push(`${result.file}: ${infos.length} info findings:\n  ${infos.map((f) => describeFinding(result, f)).join('\n  ')}`);
    }
    const skipped = results.filter((result) => result.skipped).length;
    t.diagnostic(
      `nonk8s: ${results.length} files (${skipped} Helm chart templates skipped), ${results.reduce((n, r) => n + r.documents.length, 0)} documents, ${results.reduce((n, r) => n + r.findings.length, 0)} findings`,
    );
    assert.deepEqual(problems, [], `findings on non-Kubernetes YAML:\n${problems.join('\n')}`);
  });

  test('valid/: no schema or YAML errors except the known bugs in those files', (t) => {
    const results = analyzeFolder('valid');
    const known = new Map(KNOWN_BUGS_IN_VALID.map(([file, rule, path, reason]) => [`${file} ${rule} ${JSON.stringify(path)}`, reason]));
    const seen = new Set();
    const unexpected = [];
    for (const result of results) {
      for (const finding of result.findings.filter(isParseOrSchemaError)) {
        const key = `${result.file} ${finding.ruleId} ${JSON.stringify(finding.path)}`;
        if (known.has(key)) seen.add(key);
        else unexpected.push(describeFinding(result, finding));
      }
    }
    const documents = results.reduce((n, r) => n + r.documents.length, 0);
    const errors = results.flatMap((result) => result.findings.filter((f) => f.severity === 'error' && !/^(schema|yaml)-/.test(f.ruleId)).map((f) => describeFinding(result, f)));
    t.diagnostic(
      `valid: ${results.length} files, ${documents} documents, ${seen.size} known schema/YAML errors in ${new Set([...seen].map((key) => key.split(' ')[0])).size} files`,
    );
    t.diagnostic(`valid: ${errors.length} other error-severity findings${errors.length ? `:\n${errors.join('\n')}` : ''}`);
    assert.deepEqual(
      unexpected,
      [],
      `unexplained schema/YAML errors on valid/ (a bug in Podwise, or add the file's bug to KNOWN_BUGS_IN_VALID with the reason):\n${unexpected.join('\n')}`,
    );
    const stale = [...known.keys()].filter((key) => !seen.has(key));
    assert.deepEqual(stale, [], 'KNOWN_BUGS_IN_VALID lists errors that are no longer reported: remove them');
  });

  test('legacy/: removed APIs are reported as api-version-removed', (t) => {
    const results = analyzeFolder('legacy');
    const missing = [];
    const wrong = [];
    let removedDocuments = 0;
    for (const result of results) {
      result.documents.forEach((document) => {
        if (document.kind !== 'kubernetes') return;
        const id = `${document.apiVersion} ${document.objectKind}`;
        const rules = ACCEPTED_AS_UNKNOWN.includes(id) ? ['api-version-removed', 'api-version-unknown'] : ['api-version-removed'];
        const removed = result.findings.filter((finding) => rules.includes(finding.ruleId) && finding.documentIndex === document.index);
        if (REMOVED_IN_LEGACY.includes(id)) {
          removedDocuments += 1;
          if (removed.length === 0) missing.push(`${result.file} document ${document.index + 1}: ${id}`);
          for (const finding of removed) if (finding.severity !== 'error') wrong.push(`${describeFinding(result, finding)} (expected error)`);
        } else if (/^(v1|apps\/v1|rbac\.authorization\.k8s\.io\/v1|storage\.k8s\.io\/v1)$/.test(document.apiVersion ?? '')) {
          for (const finding of removed) wrong.push(`${describeFinding(result, finding)} (a served API)`);
        }
      });
    }
    t.diagnostic(`legacy: ${results.length} files, ${results.reduce((n, r) => n + r.documents.length, 0)} documents, ${removedDocuments} on removed APIs`);
    assert.ok(removedDocuments >= 12, `expected the 12 documents on removed APIs listed in STATS.md, found ${removedDocuments}`);
    assert.deepEqual(missing, [], `removed APIs without an api-version-removed finding:\n${missing.join('\n')}`);
    assert.deepEqual(wrong, [], wrong.join('\n'));
  });

  test('the whole corpus is checked quickly and without a crash', () => {
    const started = Date.now();
    let files = 0;
    for (const folder of ['fixtures']) {
      if (!existsSync(join(CORPUS, folder))) continue;
      files += analyzeFolder(folder).length;
    }
    assert.ok(files > 0 || !existsSync(join(CORPUS, 'fixtures')));
    assert.ok(Date.now() - started < 60_000, 'fixtures/ took more than a minute');
  });
});
