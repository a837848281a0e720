// The Pod Security Standards controls (rules/pod-security/): each control's bad case (range and
// text), its good case at the boundary, a workload template, a multi-document file, the level it
// belongs to, and the fix applied. https://kubernetes.io/docs/concepts/security/pod-security-standards/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** A Pod whose spec is `spec` (YAML lines indented for `spec:`). */
const pod = (spec, metadata = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n${metadata}spec:\n${spec}`;
/** The same spec as a Deployment's Pod template. */
const deployment = (spec) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  selector:\n    matchLabels: {app: app}\n  template:\n    metadata:\n      labels: {app: app}\n    spec:\n${spec.replace(/^/gm, '    ')}`;

const container = (securityContext, extra = '') => `  containers:\n  - name: app\n    image: app:1.0\n${extra}${securityContext ? `    securityContext:\n${securityContext}` : ''}`;

/**
 * Per control: the level, a bad spec and the text its finding covers, a good spec at the
 * boundary (the closest allowed value), and the title of the fix when there is one.
 */
const CASES = [
  {
    id: 'pss-privileged',
    level: 'baseline',
    bad: container('      privileged: true\n'),
    text: 'true',
    good: container('      privileged: false\n'),
    fix: 'Remove privileged: true',
  },
  {
    id: 'pss-capabilities',
    level: 'baseline',
    bad: container('      capabilities:\n        add: [NET_BIND_SERVICE, SYS_ADMIN]\n'),
    text: 'SYS_ADMIN',
    good: container('      capabilities:\n        add: [NET_BIND_SERVICE, CHOWN, SYS_CHROOT]\n'),
    fix: 'Remove SYS_ADMIN',
  },
  {
    id: 'pss-host-path-volumes',
    level: 'baseline',
    bad: `${container('')}  volumes:\n  - name: data\n    hostPath: {path: /srv/data}\n`,
    text: 'hostPath',
    good: `${container('')}  volumes:\n  - name: data\n    emptyDir: {}\n`,
  },
  {
    id: 'pss-host-ports',
    level: 'baseline',
    bad: container('', '    ports:\n    - {containerPort: 80, hostPort: 8080}\n'),
    text: '8080',
    good: container('', '    ports:\n    - {containerPort: 80, hostPort: 0}\n'),
    fix: 'Remove hostPort',
  },
  {
    id: 'pss-host-process',
    level: 'baseline',
    bad: container('      windowsOptions:\n        hostProcess: true\n'),
    text: 'true',
    good: container('      windowsOptions:\n        hostProcess: false\n'),
  },
  {
    id: 'pss-apparmor',
    level: 'baseline',
    bad: container('      appArmorProfile:\n        type: Unconfined\n'),
    text: 'Unconfined',
    good: container('      appArmorProfile:\n        type: RuntimeDefault\n'),
  },
  {
    id: 'pss-selinux',
    level: 'baseline',
    bad: container('      seLinuxOptions:\n        type: spc_t\n'),
    text: 'spc_t',
    good: container('      seLinuxOptions:\n        type: container_init_t\n        level: "s0:c123,c456"\n'),
  },
  {
    id: 'pss-proc-mount',
    level: 'baseline',
    bad: container('      procMount: Unmasked\n'),
    text: 'Unmasked',
    good: container('      procMount: Default\n'),
    fix: 'Remove procMount',
  },
  {
    id: 'pss-seccomp',
    level: 'baseline',
    bad: container('      seccompProfile:\n        type: Unconfined\n'),
    text: 'Unconfined',
    good: container('      seccompProfile:\n        type: Localhost\n        localhostProfile: profiles/audit.json\n'),
    fix: 'Use RuntimeDefault',
  },
  {
    id: 'pss-sysctls',
    level: 'baseline',
    bad: `  securityContext:\n    sysctls:\n    - {name: kernel.msgmax, value: "65536"}\n${container('')}`,
    text: 'kernel.msgmax',
    good: `  securityContext:\n    sysctls:\n    - {name: net.ipv4.ip_unprivileged_port_start, value: "0"}\n${container('')}`,
  },
  {
    id: 'pss-volume-types',
    level: 'restricted',
    bad: `${container('')}  volumes:\n  - name: share\n    nfs: {server: nfs.local, path: /exports}\n`,
    text: 'nfs',
    good: `${container('')}  volumes:\n  - name: share\n    persistentVolumeClaim: {claimName: share}\n`,
  },
  {
    id: 'pss-privilege-escalation',
    level: 'restricted',
    bad: container('      allowPrivilegeEscalation: true\n'),
    text: 'true',
    good: container('      allowPrivilegeEscalation: false\n'),
    fix: 'Set allowPrivilegeEscalation: false',
  },
  {
    id: 'pss-run-as-non-root',
    level: 'restricted',
    bad: `  securityContext:\n    runAsNonRoot: false\n${container('')}`,
    text: 'false',
    good: `  securityContext:\n    runAsNonRoot: true\n${container('')}`,
    fix: 'Set runAsNonRoot: true on the Pod',
  },
  { id: 'pss-run-as-user', level: 'restricted', bad: container('      runAsUser: 0\n'), text: '0', good: container('      runAsUser: 1\n') },
];

for (const { id, level, bad, text, good, fix } of CASES) {
  test(`${id} (${level}): bad case, boundary, workload template, multi-document`, () => {
    const options = { podSecurity: level };
    const badPod = pod(bad);
    const [finding, ...rest] = findingsOf(badPod, id, options);
    assert.ok(finding, `${id}: no finding on\n${badPod}`);
    assert.equal(rest.length, 0, `${id}: one finding`);
    assert.equal(finding.severity, 'warning', 'the setting (no Namespace enforcing it) is advice');
    assert.equal(textOf(badPod, finding), text);
    assert.match(finding.detail, new RegExp(`Pod Security ${level}`));
    assert.deepEqual(findingsOf(pod(good), id, options), [], `${id}: the boundary case is allowed`);
    // workload template
    const template = deployment(bad);
    const [inTemplate] = findingsOf(template, id, options);
    assert.ok(inTemplate, `${id}: not reported in a Deployment template`);
    assert.equal(textOf(template, inTemplate), text);
    // multi-document: the finding lands in its own document
    const multi = `${pod(good)}---\n${pod(bad)}`;
    const [second, ...others] = findingsOf(multi, id, options);
    assert.equal(others.length, 0);
    assert.equal(second.documentIndex, 1);
    assert.equal(lineOf(multi, second), lineOf(badPod, finding) + pod(good).split('\n').length);
    // podSecurity: off silences it; a restricted control is not reported under baseline
    assert.deepEqual(findingsOf(badPod, id, { podSecurity: 'off' }), []);
    if (level === 'restricted') assert.deepEqual(findingsOf(badPod, id, { podSecurity: 'baseline' }), []);
    else assert.equal(findingsOf(badPod, id).length, 1, 'baseline is the default');
    if (fix) assertFixClears(badPod, id, { title: fix, options });
  });
}

test('a Namespace in the file that enforces a level decides, and a violation is an error', () => {
  const namespace = (level) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n  labels:\n    pod-security.kubernetes.io/enforce: ${level}\n---\n`;
  const bad = pod(container('      runAsUser: 0\n      privileged: true\n'), '  namespace: team\n');
  const restricted = findingsOf(namespace('restricted') + bad, 'pss-run-as-user');
  assert.equal(restricted.length, 1);
  assert.equal(restricted[0].severity, 'error');
  assert.match(restricted[0].detail, /Namespace "team" enforces restricted/);
  // privileged: nothing to report, whatever the setting says
  assert.deepEqual(findingsOf(namespace('privileged') + bad, 'pss-privileged', { podSecurity: 'restricted' }), []);
  // a Pod in another namespace follows the setting
  const elsewhere = bad.replace('namespace: team', 'namespace: other');
  assert.equal(findingsOf(namespace('privileged') + elsewhere, 'pss-privileged')[0].severity, 'warning');
});

test('the issue #13 Pod: privileged, SYS_ADMIN and runAsUser 0 get baseline findings; restricted adds the root user', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: tool
    spec:
      containers:
      - name: tool
        image: busybox:1.36
        securityContext:
          privileged: true
          runAsUser: 0
          capabilities:
            add: [SYS_ADMIN]
  `;
  const ids = (options) =>
    findingsOf(text, 'pss-privileged', options)
      .concat(findingsOf(text, 'pss-capabilities', options), findingsOf(text, 'pss-run-as-user', options))
      .map((f) => f.ruleId);
  assert.deepEqual(ids(), ['pss-privileged', 'pss-capabilities']);
  assert.deepEqual(ids({ podSecurity: 'restricted' }).sort(), ['pss-capabilities', 'pss-capabilities', 'pss-privileged', 'pss-run-as-user']);
});

test('static Pods are not judged (the kubelet runs them without admission); ephemeral and init containers are', () => {
  const bad = pod(container('      privileged: true\n'));
  assert.deepEqual(findingsOf(bad, 'pss-privileged', { staticPod: true }), []);
  const init = pod(`  initContainers:\n  - name: setup\n    image: app:1.0\n    securityContext:\n      privileged: true\n${container('')}`);
  assert.equal(findingsOf(init, 'pss-privileged').length, 1);
});

test('restricted fixes on a Pod without any securityContext leave no restricted finding behind', () => {
  const bare = pod(container(''));
  const options = { podSecurity: 'restricted' };
  let text = bare;
  for (const [id, title] of [
    ['pss-privilege-escalation', 'Set allowPrivilegeEscalation: false'],
    ['pss-capabilities', 'Drop ALL capabilities'],
    ['pss-run-as-non-root', 'Set runAsNonRoot: true on the Pod'],
    ['pss-seccomp', 'Set seccompProfile RuntimeDefault on the Pod'],
  ]) {
    text = assertFixClears(text, id, { title, options });
  }
  const left = ['pss-privilege-escalation', 'pss-capabilities', 'pss-run-as-non-root', 'pss-seccomp'].flatMap((id) => findingsOf(text, id, options));
  assert.deepEqual(left, []);
  assert.match(text, /allowPrivilegeEscalation: false/);
  assert.match(text, /drop:\s*\n?\s*- ALL|drop: \[ ?ALL ?\]/);
});

test('a Namespace in another file of the run decides too (the CLI passes its input set)', async () => {
  const { analyzeText, collectRunObjects } = await import('../../../dist/server/engine.js');
  const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n';
  const bad = pod(container('      runAsUser: 0\n'), '  namespace: team\n');
  const runObjects = collectRunObjects('namespace.yaml', namespace);
  assert.equal(runObjects.length, 1);
  const findings = analyzeText(bad, { kubernetesVersion: '1.36', filePath: 'pod.yaml', runObjects }).findings.filter((f) => f.ruleId === 'pss-run-as-user');
  assert.equal(findings.length, 1);
  assert.equal(findings[0].severity, 'error');
  assert.deepEqual(findingsOf(bad, 'pss-run-as-user'), [], 'alone, the default baseline does not have this control');
});

test('long names and values keep every Pod Security message to one short line (check() rejects longer ones)', () => {
  const long = 'x'.repeat(200);
  const spec = [
    '  securityContext:',
    `    sysctls: [{name: kernel.${long}, value: "1"}]`,
    '    seLinuxOptions: {type: ' + long + ', user: ' + long + '}',
    '  containers:',
    `  - name: ${long}`,
    '    image: app:1.0',
    '    ports: [{containerPort: 80, hostPort: 8080}]',
    '    securityContext:',
    `      procMount: ${long}`,
    `      capabilities: {add: [${long}]}`,
    '      privileged: true',
    `      appArmorProfile: {type: ${long}}`,
    `      seccompProfile: {type: Unconfined}`,
    '  volumes:',
    `  - {name: ${long}, ${long}: {}}`,
    `  - {name: h, hostPath: {path: /srv/${long}}}`,
    '',
  ].join('\n');
  // every control fired on it, and none of their messages is over the limit (check() would throw)
  for (const id of [
    'pss-privileged',
    'pss-capabilities',
    'pss-host-ports',
    'pss-apparmor',
    'pss-selinux',
    'pss-proc-mount',
    'pss-seccomp',
    'pss-sysctls',
    'pss-volume-types',
    'pss-host-path-volumes',
  ]) {
    assert.ok(findingsOf(pod(spec), id, { podSecurity: 'restricted' }).length > 0, id);
  }
});
