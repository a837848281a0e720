// Peer agreement: our engine over the peer linters' own fixtures (../shared/corpus/fixtures/
// {kube-linter,kube-score,polaris}), compared with what their tests assert (EXPECTED.tsv, see
// the corpus SOURCES.md). For every peer check that overlaps a Podwise rule (peer-map.mjs) and
// every fixture object the peer's tests pin ("fires" / "does-not-fire"), both sides must agree —
// both flag it or neither does — except for the disagreements listed below, each with its reason.
// Every rule is enabled (off-by-default ones at their default severity): we compare what the
// rules can say, not which of them a user turned on. Method and figures: docs/peer-agreement.md.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { suiteUnless } from '../helpers/suite.mjs';
import { fileURLToPath } from 'node:url';
import { ALL_RULES, analyzeText, isKnownRuleId, parseChunk, splitDocuments } from '../../dist/server/engine.js';
import { mappedRuleIds, PEER_MAP, UNMAPPED } from './peer-map.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = process.env.PODWISE_CORPUS ?? join(root, '..', 'shared', 'corpus');
const FIXTURES = join(CORPUS, 'fixtures');
const PEERS = ['kube-linter', 'kube-score', 'polaris'];
const present = PEERS.every((peer) => existsSync(join(FIXTURES, peer, 'EXPECTED.tsv')));
const skip = present ? false : `the peer fixtures are not at ${FIXTURES} (set PODWISE_CORPUS to run these tests)`;

/** Our default target. kube-score tests that pin an older target run at our oldest, 1.29. */
const VERSION = '1.36';
const OLDEST = '1.29';

/** Every rule on: off-by-default rules get their default severity. */
const ALL_ON = Object.fromEntries(ALL_RULES.filter((rule) => rule.meta.enabledByDefault === false).map((rule) => [rule.meta.id, rule.meta.defaultSeverity]));

/** Kinds the peers know and we do not check (their rows are not compared). */
const OUT_OF_SCOPE_KINDS = {
  DeploymentConfig: 'OpenShift apps.openshift.io/v1 DeploymentConfig: not a Kubernetes kind, Podwise does not check it',
};

// Reasons shared by several cases.
const API_REJECTS_JOB_ALWAYS =
  'the API server rejects restartPolicy Always in a Job/CronJob template ("Unsupported value: \"Always\"": only OnFailure and Never); kube-linter\'s restart-policy is a style policy, not validation';
const API_REJECTS_ONFAILURE =
  "the API server rejects a Deployment/DaemonSet/ReplicaSet/ReplicationController template whose restartPolicy is not Always; kube-linter's policy allows OnFailure";
const NEVER_IS_VALID = "restartPolicy Never is valid (and usual for Jobs and one-shot Pods); kube-linter's restart-policy is a house policy (Always/OnFailure only)";
const NOT_SERVICE_TARGETED =
  'kube-score judges readiness only for Pods a Service targets and per Pod; probe-readiness-missing (off by default) is per container and independent of Services (rollout-missing-readiness is the Service-aware rule, for workloads)';
const LIMITS_ONLY = 'requests default to limits when only limits are set (the Pod defaulter copies them), so nothing is missing; kube-score wants explicit requests';

/**
 * Every disagreement, by case id (`file :: object :: check`, plus ` :: container` or
 * ` :: test` where one object has several cases), with a tag and the reason. Tags:
 * - PEER_BUG: the peer is wrong (RULES.md notes some);
 * - SEMANTICS: the check means something different on purpose (policy vs API validity, pod vs
 *   container, …);
 * - VERSION: we judge against the target Kubernetes version (1.29–1.36), the peer against another;
 * - FIXTURE: the fixture is not a valid object in a way that makes the comparison moot;
 * - KNOWN_BUG: OUR rule is wrong; reported to the rule's owner, pending a fix;
 * - KNOWN_GAP: the peer catches something real that no Podwise rule checks yet.
 */
const DISAGREEMENTS = {
  'kube-linter': {
    'tests/checks/drop-net-raw-capability.yml :: Deployment/dont-fire :: drop-net-raw-capability': [
      'SEMANTICS',
      'security-context-baseline asks every container to drop ALL (or at least NET_RAW), as Pod Security "restricted" does; kube-linter\'s test only fails containers that add NET_RAW (this one has capabilities: null)',
    ],
    'tests/checks/minimum-three-replicas.yml :: Deployment/app :: minimum-three-replicas': [
      'SEMANTICS',
      'kube-linter wants ≥ 3 replicas; deployment-single-replica only advises against exactly one (2 replicas survive one disruption)',
    ],
    'tests/checks/restart-policy.yaml :: Job/dont-fire-job-always :: restart-policy': ['SEMANTICS', API_REJECTS_JOB_ALWAYS],
    'tests/checks/restart-policy.yaml :: CronJob/dont-fire-cronjob-always :: restart-policy': ['SEMANTICS', API_REJECTS_JOB_ALWAYS],
    'tests/checks/restart-policy.yaml :: Deployment/dont-fire-deployment-on-failure :: restart-policy': ['SEMANTICS', API_REJECTS_ONFAILURE],
    'tests/checks/restart-policy.yaml :: DaemonSet/dont-fire-daemonset-on-failure :: restart-policy': ['SEMANTICS', API_REJECTS_ONFAILURE],
    'tests/checks/restart-policy.yaml :: ReplicaSet/dont-fire-replicaset-on-failure :: restart-policy': ['SEMANTICS', API_REJECTS_ONFAILURE],
    'tests/checks/restart-policy.yaml :: ReplicationController/dont-fire-replicationcontroller-on-failure :: restart-policy': ['SEMANTICS', API_REJECTS_ONFAILURE],
    'tests/checks/restart-policy.yaml :: Pod/fire-pod-never :: restart-policy': ['SEMANTICS', NEVER_IS_VALID],
    'tests/checks/restart-policy.yaml :: Job/fire-job-never :: restart-policy': ['SEMANTICS', NEVER_IS_VALID],
    'tests/checks/restart-policy.yaml :: CronJob/fire-cronjob-never :: restart-policy': ['SEMANTICS', NEVER_IS_VALID],
  },
  'kube-score': {
    'score/testdata/statefulset-host-antiaffinity-undefined-replicas.yaml :: StatefulSet/statefulset-host-antiaffinity-undefined-replicas :: statefulset-has-host-podantiaffinity':
      ['SEMANTICS', 'replicas is omitted, so it defaults to 1: one Pod has nothing to be spread from. kube-score does not default replicas'],
    'score/testdata/statefulset-nested-ignores.yaml :: StatefulSet/trivy :: container-image-tag': [
      'SEMANTICS',
      "kube-score skips the check because of its own kube-score/ignore annotation; Podwise honours podwise.io/disable, not other tools' annotations",
    ],
    'score/testdata/service-not-target-deployment.yaml :: Deployment/deployment-test-1 :: deployment-replicas': [
      'SEMANTICS',
      'kube-score judges replicas only for Deployments a Service targets; deployment-single-replica (off by default) advises on any one-replica Deployment',
    ],
    'score/testdata/service-target-deployment-replica-1.yaml :: Deployment/deployment-test-1 :: deployment-replicas :: TestServiceTargetsDeploymentReplicasNok1': [
      'SEMANTICS',
      'this kube-score test configures a minimum of 1 replica; under its defaults (the other two tests of the file) both sides flag replicas: 1',
    ],
    'score/testdata/pod-probes-targeted-by-service-different-namespace.yaml :: Pod/pod-test-1 :: pod-probes': ['SEMANTICS', NOT_SERVICE_TARGETED],
    'score/testdata/pod-probes-not-targeted-by-service.yaml :: Pod/pod-test-1 :: pod-probes': ['SEMANTICS', NOT_SERVICE_TARGETED],
    'score/testdata/pod-probes-not-targeted-by-service-multi-labels.yaml :: Pod/pod-test-1 :: pod-probes': ['SEMANTICS', NOT_SERVICE_TARGETED],
    'score/testdata/pod-probes-on-different-containers.yaml :: Pod/pod-test-1 :: pod-probes': [
      'SEMANTICS',
      'kube-score is satisfied when any container has a readinessProbe; probe-readiness-missing asks it of each long-running container (here "foobar2" has none)',
    ],
    'score/testdata/pod-test-resources-only-limits.yaml :: Pod/pod-test-1 :: container-resources': ['SEMANTICS', LIMITS_ONLY],
    'score/testdata/deployment-test-resources.yaml :: Deployment/deployment-test-1 :: container-resources': ['SEMANTICS', LIMITS_ONLY],
    'score/testdata/statefulset-test-resources.yaml :: StatefulSet/statefulset-test-1 :: container-resources': ['SEMANTICS', LIMITS_ONLY],
    'score/testdata/pod-test-resources-limits-and-requests-no-cpu-limit.yaml :: Pod/pod-test-1 :: container-resources :: TestPodContainerResourceLimitCpuRequired': [
      'SEMANTICS',
      'we never ask for a CPU limit (it throttles; the request is what scheduling needs); kube-score does unless configured otherwise (the other test of this file turns that off, and agrees)',
    ],
    'score/testdata/pod-test-resources-no-limits.yaml :: Pod/pod-test-1 :: container-resources': [
      'SEMANTICS',
      'this kube-score test turns off both limit requirements; resources-unset asks for a memory limit (a leaking container can exhaust the node)',
    ],
    'score/testdata/pod-image-pullpolicy-undefined.yaml :: Pod/pod-test-1 :: container-image-pull-policy': [
      'SEMANTICS',
      'an omitted policy on a pinned tag defaults to IfNotPresent, which the hover on image says; image-pull-policy-implicit reports only the surprising default (Always for latest+digest), issue #11',
    ],
    'score/testdata/pod-image-pullpolicy-never.yaml :: Pod/pod-test-1 :: container-image-pull-policy': [
      'SEMANTICS',
      'image-pull-policy-implicit only explains an omitted policy; an explicit Never is a deliberate choice (air-gapped or preloaded nodes). kube-score wants Always',
    ],
    'score/testdata/pod-security-context-all-good.yaml :: Pod/pod-test-1 :: container-security-context-user-group-id': [
      'SEMANTICS',
      'kube-score wants runAsUser/runAsGroup ≥ 10000 and is satisfied by 30000; security-context-baseline follows Pod Security "restricted", which requires runAsNonRoot: true whatever the UID (its message says so: "does not set runAsNonRoot (it runs as UID 30000 …)")',
    ],
    'score/testdata/service-target-pod-different-namespace.yaml :: Service/my-service :: service-targets-pod': [
      'SEMANTICS',
      "the only matching Pod is in another namespace; service-selector-no-match stays silent when the file has no Pods in the Service's namespace (they may be defined in another file), kube-score fires",
    ],
    'score/testdata/service-target-deployment-different-namespace.yaml :: Service/my-service :: service-targets-pod': [
      'SEMANTICS',
      'as above, with a Deployment in another namespace',
    ],
    'score/testdata/statefulset-appsv1beta1.yaml :: StatefulSet/statefulset-test-1 :: stable-version :: TestStatefulSetAppsv1beta1Kubernetes1dot4': [
      'VERSION',
      'the test targets Kubernetes 1.4, where apps/v1 did not exist yet; Podwise targets 1.29–1.36 (run at 1.29), where apps/v1beta1 is removed',
    ],
    'score/testdata/cronjob-batchv1beta1.yaml :: CronJob/cronjob-test :: stable-version': [
      'VERSION',
      "kube-score's default target is 1.18, before batch/v1 CronJob (1.21); at any version Podwise supports (1.29+) batch/v1beta1 CronJob is removed (1.25)",
    ],
  },
  polaris: {
    'test/checks/cpuLimitsMissing/failure.yaml :: Pod/nginx :: cpuLimitsMissing': [
      'SEMANTICS',
      'we never ask for a CPU limit (throttling); resources-unset asks for cpu/memory requests and a memory limit',
    ],
    'test/checks/insecureCapabilities/failure.drop-most.yaml :: Pod/nginx :: insecureCapabilities': [
      'SEMANTICS',
      'Polaris wants ~15 default capabilities dropped (here AUDIT_WRITE is kept); security-context-baseline asks for drop ALL or at least NET_RAW, which this container drops',
    ],
    'test/checks/sensitiveContainerEnvVar/failure.value_private_key.yaml :: Pod/test-pod :: sensitiveContainerEnvVar': [
      'KNOWN_GAP',
      'an env value holds a literal OpenSSH private key under a harmless name ("the_good_stuff"); env-literal-secret judges names only, not values (PEM/OpenSSH key blocks are cheap to recognise)',
    ],
  },
};

/**
 * Agreement floors: the levels observed when the disagreements above were reviewed (every case is
 * pinned by the list anyway; the floors also catch a mapping that silently compares less).
 */
const FLOORS = {
  'kube-linter': { compared: 93, agreement: 0.881 },
  // 0.827 → 0.818: image-pull-policy-implicit no longer reports an omitted policy on a pinned tag (issue #11).
  'kube-score': { compared: 110, agreement: 0.818 },
  polaris: { compared: 77, agreement: 0.948 },
};

/** Tags that mean "we differ on purpose" (the others are on us). */
const DELIBERATE = new Set(['PEER_BUG', 'SEMANTICS', 'VERSION', 'FIXTURE']);

// ---------------------------------------------------------------------------------------------

function readExpected(peer) {
  const [header, ...lines] = readFileSync(join(FIXTURES, peer, 'EXPECTED.tsv'), 'utf8')
    .split('\n')
    .filter(Boolean);
  const columns = header.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((value, index) => [columns[index], value])));
}

/** "Deployment/app", "Deployment/<doc0>", "Service/? (one of: Service/a, Service/b)", "at least one of: A, B", "all of: A, B". */
function parseObject(text) {
  const list = /^(?:at least one of|all of): (.*)$/.exec(text) ?? /^[^/]+\/\? \(one of: (.*)\)$/.exec(text);
  const refs = list ? list[1].split(', ') : [text];
  return refs.map((ref) => {
    const slash = ref.indexOf('/');
    const kind = ref.slice(0, slash);
    const name = ref.slice(slash + 1);
    const doc = /^<doc(\d+)>$/.exec(name);
    return doc ? { kind, doc: Number(doc[1]) } : { kind, name };
  });
}

function getIn(value, path) {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = current[key];
  }
  return current;
}

const analyses = new Map();

/** Our findings and parsed documents for a fixture file, analysed once per version (and rewrite). */
function analyze(peer, file, version, prepare) {
  const key = `${peer}/${file}@${version}${prepare ? `/${prepare.name}` : ''}`;
  if (analyses.has(key)) return analyses.get(key);
  const path = join(FIXTURES, peer, file);
  const source = readFileSync(path, 'utf8');
  const text = prepare ? prepare(source) : source;
  const { findings, documents } = analyzeText(text, { kubernetesVersion: version, rules: ALL_ON, filePath: path });
  const values = splitDocuments(text).map((chunk) => parseChunk(chunk).value);
  const result = { findings, documents, values };
  analyses.set(key, result);
  return result;
}

/** Document indexes of the file that an EXPECTED.tsv object reference names. */
function documentsOf(ref, analysis) {
  return analysis.documents
    .filter((document) => document.objectKind === ref.kind && (ref.doc !== undefined ? document.index === ref.doc : document.name === ref.name))
    .map((document) => document.index);
}

/** Name of the container a finding's path points into, if any. */
function containerOf(finding, value) {
  const path = finding.path;
  for (let index = path.length - 2; index >= 0; index -= 1) {
    if (['containers', 'initContainers', 'ephemeralContainers'].includes(path[index]) && typeof path[index + 1] === 'number') {
      return getIn(value, [...path.slice(0, index + 2), 'name']);
    }
  }
  return undefined;
}

function podSpecOf(value) {
  return getIn(value, ['spec', 'template', 'spec']) ?? getIn(value, ['spec', 'jobTemplate', 'spec', 'template', 'spec']) ?? (value?.kind === 'Pod' ? value.spec : undefined);
}

/** The kube-score test function pins a Kubernetes version in its name (…Kubernetes1dot18). */
function versionFor(row) {
  return /Kubernetes1dot\d+/.test(row.test) ? OLDEST : VERSION;
}

/** The EXPECTED.tsv rows of mapped checks that pin an outcome, plus derived dont-fire container rows. */
function comparableCases(peer) {
  const map = PEER_MAP[peer];
  const cases = readExpected(peer)
    .filter((row) => map[row['check-id']] && (row.expected === 'fires' || row.expected === 'does-not-fire'))
    .map((row) => ({
      file: row.file,
      object: row.object,
      check: row['check-id'],
      expected: row.expected,
      // kube-linter reports name the container ("container "app" does not expose port http …").
      container: /container "([^"]+)"/.exec(row.detail)?.[1],
      test: row.test,
      version: versionFor(row),
      detail: row.detail,
    }));
  if (peer !== 'kube-linter') return cases;
  // kube-linter asserts the exact number of reports. When every report is asserted on a named
  // container, the file's other containers named dont-fire* (its naming convention) do not fire.
  const groups = new Map();
  for (const item of cases) {
    const key = `${item.file}\u0000${item.check}\u0000${item.test}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const derived = [];
  for (const group of groups.values()) {
    const fires = group.filter((item) => item.expected === 'fires');
    const total = Number(/total reports == (\d+)/.exec(fires[0]?.detail ?? '')?.[1]);
    if (fires.length === 0 || fires.length !== total || !fires.every((item) => item.container)) continue;
    const analysis = analyze(peer, fires[0].file, VERSION);
    for (const object of new Set(fires.map((item) => item.object))) {
      for (const index of parseObject(object).flatMap((ref) => documentsOf(ref, analysis))) {
        const spec = podSpecOf(analysis.values[index]);
        for (const container of [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])]) {
          if (typeof container?.name !== 'string' || !container.name.startsWith('dont-fire')) continue;
          derived.push({
            ...fires[0],
            object,
            expected: 'does-not-fire',
            container: container.name,
            derived: true,
            detail: 'derived: dont-fire* container, not among the exactly counted reports',
          });
        }
      }
    }
  }
  return [...cases, ...derived];
}

function caseId(item) {
  return `${item.file} :: ${item.object} :: ${item.check}${item.container ? ` :: ${item.container}` : ''}`;
}

/** Runs every case of a peer: {…case, id, status: agree | disagree | out-of-scope | missing-file | unresolved, ours}. */
function compare(peer) {
  const map = PEER_MAP[peer];
  const results = [];
  const firstOutcome = new Map();
  const seen = new Set();
  for (const item of comparableCases(peer)) {
    // One object tested under several peer configurations (kube-score): the first outcome keeps
    // the plain id, a different outcome is told apart by its test function.
    const base = caseId(item);
    if (!firstOutcome.has(base)) firstOutcome.set(base, item.expected);
    const id = firstOutcome.get(base) === item.expected ? base : `${base} :: ${item.test.split(' ').pop()}`;
    const key = `${id}\u0000${item.expected}\u0000${item.version}`;
    if (seen.has(key)) continue;
    seen.add(key);

    const refs = parseObject(item.object);
    const path = join(FIXTURES, peer, item.file);
    if (!existsSync(path) || !statSync(path).isFile()) {
      results.push({ ...item, id, status: 'missing-file' });
      continue;
    }
    if (refs.every((ref) => OUT_OF_SCOPE_KINDS[ref.kind])) {
      results.push({ ...item, id, status: 'out-of-scope' });
      continue;
    }
    const entry = map[item.check];
    const analysis = analyze(peer, item.file, item.version, entry.prepare);
    const indexes = refs.flatMap((ref) => documentsOf(ref, analysis));
    if (indexes.length === 0) {
      results.push({ ...item, id, status: 'unresolved' });
      continue;
    }
    const context = (finding) => ({
      at: (fieldPath) => getIn(analysis.values[finding.documentIndex], fieldPath),
      subject: (fieldPath) => indexes.map((index) => getIn(analysis.values[index], fieldPath)).find((value) => value !== undefined),
      sameDocument: indexes.includes(finding.documentIndex),
    });
    const ours = analysis.findings.filter(
      (finding) =>
        (entry.scope === 'file' || indexes.includes(finding.documentIndex)) &&
        entry.rules.includes(finding.ruleId) &&
        (!entry.where || entry.where(finding, context(finding))) &&
        // A finding on a container must be on the peer's container; Pod-level ones (volumes,
        // host namespaces) concern every container.
        (!item.container || [undefined, item.container].includes(containerOf(finding, analysis.values[finding.documentIndex]))),
    );
    const peerFlags = item.expected === 'fires';
    const weFlag = ours.length > 0;
    results.push({ ...item, id, status: peerFlags === weFlag ? 'agree' : 'disagree', peerFlags, weFlag, ours });
  }
  return results;
}

function percent(part, whole) {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

suiteUnless('peer agreement', skip, () => {
  test('the peer map names existing rules only', (t) => {
    assert.deepEqual(
      mappedRuleIds().filter((id) => !isKnownRuleId(id)),
      [],
      'peer-map.mjs refers to rule ids the engine does not have',
    );
    for (const peer of PEERS)
      t.diagnostic(`${peer}: ${Object.keys(PEER_MAP[peer]).length} checks mapped, ${Object.keys(UNMAPPED[peer]).length} near-misses left out (see peer-map.mjs UNMAPPED)`);
  });

  for (const peer of PEERS) {
    test(`${peer}: every overlapping case agrees, except the listed disagreements`, (t) => {
      const results = compare(peer);
      const listed = DISAGREEMENTS[peer];
      const compared = results.filter((result) => result.status === 'agree' || result.status === 'disagree');
      const agree = compared.filter((result) => result.status === 'agree').length;
      const disagreements = compared.filter((result) => result.status === 'disagree');
      const deliberate = disagreements.filter((result) => DELIBERATE.has(listed[result.id]?.[0])).length;
      t.diagnostic(
        `${peer}: ${agree}/${compared.length} cases agree (${percent(agree, compared.length)}); ` +
          `${agree}/${compared.length - deliberate} (${percent(agree, compared.length - deliberate)}) without the ${deliberate} deliberate disagreements; ` +
          `${results.filter((result) => result.status === 'out-of-scope').length} cases on kinds we do not check; ${results.filter((result) => result.derived).length} derived dont-fire container cases`,
      );
      const byCheck = new Map();
      for (const result of compared) {
        const stats = byCheck.get(result.check) ?? { compared: 0, agree: 0 };
        stats.compared += 1;
        if (result.status === 'agree') stats.agree += 1;
        byCheck.set(result.check, stats);
      }
      for (const [check, stats] of [...byCheck].sort()) {
        t.diagnostic(`  ${check}: ${stats.agree}/${stats.compared} (${percent(stats.agree, stats.compared)}) ↔ ${PEER_MAP[peer][check].rules.join(', ')}`);
      }
      const tags = new Map();
      for (const result of disagreements) tags.set(listed[result.id]?.[0] ?? 'UNLISTED', (tags.get(listed[result.id]?.[0] ?? 'UNLISTED') ?? 0) + 1);
      t.diagnostic(`  disagreements: ${[...tags].map(([tag, count]) => `${tag} ${count}`).join(', ') || 'none'}`);

      const problems = [];
      for (const result of results) {
        if (result.status === 'missing-file' || result.status === 'unresolved') problems.push(`${result.status}: ${result.id} (EXPECTED.tsv and the fixture disagree)`);
      }
      for (const result of disagreements.filter((candidate) => !listed[candidate.id])) {
        const rules = [...new Set(result.ours.map((finding) => finding.ruleId))].join(', ');
        problems.push(
          `${result.id}: ${peer} ${result.peerFlags ? 'flags it' : 'does not flag it'}, Podwise ${result.weFlag ? `does (${rules})` : 'does not'} [${result.test}; ${result.detail}]`,
        );
      }
      for (const id of Object.keys(listed).filter((candidate) => !disagreements.some((result) => result.id === candidate))) {
        problems.push(`listed in DISAGREEMENTS but agrees now (or is no longer compared): remove it: ${id}`);
      }
      assert.equal(problems.length, 0, `peer agreement with ${peer}: ${problems.length} problem(s); fix the rule, or list the case with its reason:\n${problems.join('\n')}`);
      assert.ok(
        compared.length >= FLOORS[peer].compared,
        `${peer}: only ${compared.length} cases compared (expected ≥ ${FLOORS[peer].compared}); did the mapping or EXPECTED.tsv change?`,
      );
      assert.ok(
        agree / compared.length >= FLOORS[peer].agreement,
        `${peer}: agreement ${percent(agree, compared.length)} fell below ${(100 * FLOORS[peer].agreement).toFixed(1)}%`,
      );
    });
  }
});
