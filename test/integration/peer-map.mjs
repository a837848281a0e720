// Peer check ids → Podwise rule ids, for the checks whose intent overlaps ours. Used by
// peer-agreement.test.mjs, which runs our engine over the peers' own fixtures
// (../shared/corpus/fixtures/<peer>/EXPECTED.tsv) and compares, per (file, object, check),
// whether each side flags it. Peer ids and defaults: ../shared/docs/RULES.md section D.0.
//
// An entry is { rules, where?, note? }:
// - rules: our rule ids whose findings count as "we flag it";
// - where(finding, ctx): optional filter, for our rules that cover several peer checks in one
//   finding (security-context-baseline lists every problem of a container in one message,
//   host-namespace-sharing reports each field at its own path, …). `ctx.at(path)` reads a field
//   of the finding's document, `ctx.subject(path)` one of the object the peer judged;
// - scope: 'file' when our finding may sit on another document than the peer's (a StatefulSet's
//   governing Service is reported on the Service); `where` then says which findings belong;
// - prepare(text): optional rewrite of the fixture before our engine sees it, for a documented
//   difference of scope that would otherwise drown the comparison (see withReplicas);
// - note: what differs in intent, if anything (the per-case reasons live in the test).
//
// Peer checks we do not map have no counterpart in Podwise (RBAC, PDB/HPA consistency, network
// policies, ssh ports, sysctls, OpenShift kinds, custom CEL checks, …) or a counterpart that is
// deliberately narrower in scope (see UNMAPPED below); they are not compared.

import { parseAllDocuments } from 'yaml';

/**
 * Our PDB advice (missing-pdb) concerns multi-replica workloads only: a PDB on one replica just
 * blocks node drains. The peers' PDB fixtures omit replicas (1) and test the PDB matching, so
 * we compare that matching on the same workloads with `replicas: 3` where none is written.
 */
export function withReplicas(text, replicas = 3) {
  return parseAllDocuments(text)
    .map((document, index) => {
      if (['Deployment', 'StatefulSet'].includes(document.get?.('kind')) && document.hasIn(['spec']) && !document.hasIn(['spec', 'replicas'])) {
        document.setIn(['spec', 'replicas'], replicas);
      }
      const out = String(document);
      return index > 0 && !out.startsWith('---') ? `---\n${out}` : out;
    })
    .join('');
}

const pathHas = (finding, segment) => finding.path.includes(segment);
const last = (finding) => finding.path[finding.path.length - 1];

/** security-context-baseline reports every problem of a container in one message; pick one. */
/** The short message and the explanation (security-context-baseline lists every gap in detail). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const baseline = (...phrases) => ({
  rules: ['security-context-baseline'],
  where: (finding) => phrases.some((phrase) => said(finding).includes(phrase)),
});

/**
 * Not guarded against root: "may run as root" (no runAsUser), "runs as root (runAsUser: 0)", or
 * "does not set runAsNonRoot" (a non-zero runAsUser, but no runAsNonRoot: true as Pod Security
 * "restricted" requires).
 */
const nonRoot = baseline('may run as root', 'runs as root', 'does not set runAsNonRoot');

/** resources-unset lists what is missing: "has no memory request or memory limit", or "sets no resources" (all three). */
const resourcesMissing = (...items) => ({
  rules: ['resources-unset'],
  where: (finding) => {
    const missing = finding.message.endsWith('sets no resources') ? 'cpu request, memory request or memory limit' : (/has no (.*)$/.exec(finding.message)?.[1] ?? '');
    return items.some((item) => missing.includes(item));
  },
});

const probePort = (probe) => ({
  rules: ['probe-named-port-undeclared', 'probe-numeric-port-undeclared', 'probe-port-udp'],
  where: (finding) => pathHas(finding, probe),
  note: 'kube-linter fails undeclared numeric ports too; we report those as info (probe-numeric-port-undeclared), named ones as error, and a TCP probe on a UDP-only port as warning (probe-port-udp)',
});

const hostNamespace = (field) => ({ rules: ['host-namespace-sharing'], where: (finding) => last(finding) === field });

const isSocket = (finding, { at }) => /\.sock$/.test(String(at(finding.path) ?? ''));

const API_VERSION_RULES = ['api-version-removed', 'api-version-deprecated', 'api-version-newer-available'];

export const PEER_MAP = {
  'kube-linter': {
    'latest-tag': { rules: ['image-latest-tag'] },
    'liveness-port': probePort('livenessProbe'),
    'readiness-port': probePort('readinessProbe'),
    'startup-port': probePort('startupProbe'),
    'mismatching-selector': { rules: ['workload-selector-mismatch'] },
    'host-network': hostNamespace('hostNetwork'),
    'host-pid': hostNamespace('hostPID'),
    'host-ipc': hostNamespace('hostIPC'),
    'sensitive-host-mounts': { rules: ['sensitive-host-mount'], where: (finding, ctx) => !isSocket(finding, ctx) },
    'docker-sock': { rules: ['sensitive-host-mount'], where: isSocket },
    'env-var-secret': { rules: ['env-literal-secret'] },
    'duplicate-env-var': { rules: ['env-duplicate'] },
    'no-readiness-probe': { rules: ['probe-readiness-missing'] },
    'no-liveness-probe': { rules: ['probe-liveness-missing'] },
    'unset-cpu-requirements': resourcesMissing('cpu request'),
    'unset-memory-requirements': resourcesMissing('memory request', 'memory limit'),
    'privileged-container': baseline('runs privileged'),
    'privilege-escalation-container': baseline('allows privilege escalation'),
    'run-as-non-root': nonRoot,
    'no-read-only-root-fs': baseline('writable root filesystem'),
    'drop-net-raw-capability': { rules: ['security-context-baseline'], where: (finding) => /keeps NET_RAW|adds [^.]*\bNET_RAW\b/.test(said(finding)) },
    'no-extensions-v1beta': { rules: API_VERSION_RULES, where: (finding, { at }) => /^extensions\//.test(String(at(['apiVersion']) ?? '')) },
    'invalid-target-ports': {
      rules: ['port-name-invalid', 'port-number-invalid', 'service-target-port-invalid', 'schema-type', 'schema-format'],
      where: (finding) => pathHas(finding, 'ports'),
      note: 'container port names (IANA rules) and Service targetPort values',
    },
    'dangling-service': { rules: ['service-selector-no-match'] },
    'no-anti-affinity': { rules: ['no-anti-affinity'] },
    'minimum-three-replicas': { rules: ['deployment-single-replica'], note: 'kube-linter wants ≥ 3 replicas; we advise against exactly 1' },
    'restart-policy': {
      rules: ['restart-policy-invalid', 'job-restart-policy'],
      note: 'kube-linter is a policy preference (Always/OnFailure); ours is what the API server rejects',
    },
  },
  'kube-score': {
    'container-image-tag': { rules: ['image-latest-tag'] },
    'container-image-pull-policy': { rules: ['image-pull-policy-implicit'] },
    'pod-probes': { rules: ['rollout-missing-readiness', 'probe-readiness-missing'], note: 'kube-score: no readiness probe on any container of a Service-targeted Pod' },
    'pod-probes-identical': { rules: ['probes-identical'] },
    'container-resources': { rules: ['resources-unset'] },
    'container-security-context-privileged': baseline('runs privileged'),
    'container-security-context-readonlyrootfilesystem': baseline('writable root filesystem'),
    'container-security-context-user-group-id': nonRoot,
    'environment-variable-key-duplication': { rules: ['env-duplicate'] },
    'deployment-replicas': { rules: ['deployment-single-replica'] },
    'deployment-has-host-podantiaffinity': { rules: ['no-anti-affinity'] },
    'statefulset-has-host-podantiaffinity': { rules: ['no-anti-affinity'] },
    'deployment-has-poddisruptionbudget': { rules: ['missing-pdb'], prepare: withReplicas },
    'statefulset-has-poddisruptionbudget': { rules: ['missing-pdb'], prepare: withReplicas },
    'statefulset-has-servicename': {
      rules: ['statefulset-service-missing', 'statefulset-service-name', 'service-selector-no-match'],
      scope: 'file',
      // On the StatefulSet itself, or on its governing Service (not headless, selects no Pods).
      where: (finding, { at, subject, sameDocument }) => sameDocument || (at(['kind']) === 'Service' && at(['metadata', 'name']) === subject(['spec', 'serviceName'])),
      note: 'kube-score wants a headless Service of that name that selects the Pods; we check the name and clusterIP: None, and the Service selector separately',
    },
    'deployment-pod-selector-labels-match-template-metadata-labels': { rules: ['workload-selector-mismatch'] },
    'statefulset-pod-selector-labels-match-template-metadata-labels': { rules: ['workload-selector-mismatch'] },
    'service-targets-pod': { rules: ['service-selector-no-match'] },
    'stable-version': { rules: API_VERSION_RULES },
    'cronjob-restartpolicy': { rules: ['job-restart-policy'] },
    'container-ports-check': {
      rules: ['port-name-invalid', 'port-name-duplicate', 'port-number-invalid', 'schema-required', 'schema-type'],
      where: (finding) => pathHas(finding, 'ports'),
    },
  },
  polaris: {
    tagNotSpecified: { rules: ['image-latest-tag'] },
    hostNetworkSet: hostNamespace('hostNetwork'),
    hostPIDSet: hostNamespace('hostPID'),
    hostIPCSet: hostNamespace('hostIPC'),
    hostPathSet: {
      rules: ['sensitive-host-mount', 'host-path-writable', 'pss-host-path-volumes'],
      note: 'Polaris flags every hostPath; so does the baseline Pod Security control (pss-host-path-volumes), except for node agents and static Pods',
    },
    hostPortSet: { rules: ['pss-host-ports'], note: 'the baseline Pod Security control Host Ports' },
    sensitiveContainerEnvVar: { rules: ['env-literal-secret'] },
    readinessProbeMissing: { rules: ['probe-readiness-missing'] },
    livenessProbeMissing: { rules: ['probe-liveness-missing'] },
    cpuRequestsMissing: resourcesMissing('cpu request'),
    memoryRequestsMissing: resourcesMissing('memory request'),
    memoryLimitsMissing: resourcesMissing('memory limit'),
    cpuLimitsMissing: { rules: ['resources-unset'], where: () => false, note: 'we never ask for CPU limits (they throttle; requests are what scheduling needs)' },
    runAsPrivileged: baseline('runs privileged'),
    privilegeEscalationAllowed: baseline('allows privilege escalation'),
    runAsRootAllowed: nonRoot,
    notReadOnlyRootFilesystem: baseline('writable root filesystem'),
    dangerousCapabilities: { rules: ['security-context-baseline'], where: (finding) => /\badds \w/.test(said(finding)) },
    insecureCapabilities: { rules: ['security-context-baseline'], where: (finding) => /keeps NET_RAW|\badds \w/.test(said(finding)) },
    deploymentMissingReplicas: { rules: ['deployment-single-replica'] },
    missingPodDisruptionBudget: { rules: ['missing-pdb'], prepare: withReplicas },
  },
};

/** Peer checks in the overlap area that we deliberately do not compare, with the reason. */
export const UNMAPPED = {
  'kube-linter': {
    'writable-host-mount': 'our host-path-writable applies to static Pods only (control-plane manifests); regular Pods get sensitive-host-mount for system paths',
    'deprecated-service-account-field': 'no Podwise rule (serviceAccount is a schema-accepted alias)',
    'privileged-ports': 'no Podwise rule',
    'ssh-port': 'no Podwise rule',
  },
  'kube-score': {
    'deployment-strategy':
      'kube-score wants RollingUpdate for Service-targeted Deployments; our deployment-strategy-invalid checks what the API rejects (Recreate + rollingUpdate)',
  },
  polaris: {
    pullPolicyNotAlways: 'opposite advice: Polaris wants imagePullPolicy Always; we only say what an omitted policy defaults to',
    priorityClassNotSet: 'our priority-class-static-pod applies to static Pods only',
  },
};

/** Every Podwise rule id the map refers to (the test turns the off-by-default ones on). */
export function mappedRuleIds() {
  const ids = new Set();
  for (const checks of Object.values(PEER_MAP)) for (const entry of Object.values(checks)) for (const id of entry.rules) ids.add(id);
  return [...ids];
}
