import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'command-misplaced-args';

const pod = (container) =>
  `${yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: app
  spec:
    containers:
    - name: app
      image: app:1
`}${container}\n`;

test('a flag as the program: warning on command[0], fix renames command to args', () => {
  const text = pod('    command: ["--config=/etc/app/config.yaml", "--verbose"] # options for the entrypoint');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(lineOf(text, finding), 8);
  assert.equal(textOf(text, finding), '"--config=/etc/app/config.yaml"');
  assert.match(finding.message, /Container "app" has the flag "--config=\/etc\/app\/config.yaml" as its program/);
  assert.match(finding.detail, /executable file not found/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /^ {4}args: \["--config=\/etc\/app\/config.yaml", "--verbose"\] # options for the entrypoint$/m);
  assert.doesNotMatch(fixed, /command:/);
});

test('a flag as the program next to args: fix moves the elements to the front of args', () => {
  const text = pod('    command: ["-c", "/etc/app.conf"]\n    args: ["--debug"]');
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.fixes[0].title, 'Move the command elements to the front of args');
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /args: \[-c, \/etc\/app.conf, --debug\]/);
  assert.doesNotMatch(fixed, /command:/);
});

test('a program element with spaces: fix splits it into elements', () => {
  const text = pod('    command:\n    - python app.py\n    - --port=8080');
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'python app.py');
  assert.match(finding.message, /Container "app" runs "python app.py" as one program name/);
  assert.equal(finding.fixes[0].title, 'Split into 3 elements');
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /command:\n {6}- python\n {6}- app.py\n {6}- --port=8080\n/);
});

test('shell syntax in the program element: fix runs it with sh -c', () => {
  const text = pod('    command: ["python app.py > /tmp/log 2>&1"]');
  const [finding] = findingsOf(text, ID);
  assert.match(finding.detail, /shell syntax/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /command: \[sh, -c, python app.py > \/tmp\/log 2>&1\]\n/);
});

test('quiet at the boundary: args with spaces, sh -c scripts, a plain program, Windows paths, no command', () => {
  for (const container of [
    '    command: ["/app"]\n    args: ["--message", "hello world"]',
    '    command: ["sh", "-c", "python app.py --port 80"]',
    '    command: ["/app", "-v"]',
    '    command: ["C:\\\\Program Files\\\\App\\\\app.exe"]',
    '    args: ["--config=/etc/x"]',
    '    command: ["-"]',
  ]) {
    assert.deepEqual(findingsOf(pod(container), ID), [], container);
  }
});

test('exec probes and hooks whose program holds spaces', () => {
  const text = pod(
    [
      '    livenessProbe:',
      '      exec:',
      '        command: ["cat /tmp/healthy"]',
      '    readinessProbe:',
      '      exec:',
      '        command: ["pg_isready -U postgres", "-q"]',
      '    lifecycle:',
      '      preStop:',
      '        exec:',
      '          command: ["nginx -s quit; sleep 5"]',
    ].join('\n'),
  );
  const findings = findingsOf(text, ID);
  assert.deepEqual(
    findings.map((f) => textOf(text, f)),
    ['"cat /tmp/healthy"', '"pg_isready -U postgres"', '"nginx -s quit; sleep 5"'],
  );
  assert.match(findings[0].message, /The livenessProbe of container "app" runs "cat \/tmp\/healthy" as one program name/);
  assert.match(findings[0].detail, /restarting the container/);
  assert.match(findings[1].detail, /never becomes Ready/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /command: \[cat, \/tmp\/healthy\]/);
  const third = assertFixClears(text, ID, { index: 2 });
  assert.match(third, /command: \[sh, -c, nginx -s quit; sleep 5\]/);
});

test('a Job template in a multi-document file; regular init containers too', () => {
  const text = yaml`
    apiVersion: v1
    kind: ServiceAccount
    metadata:
      name: s
    ---
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: migrate
    spec:
      template:
        spec:
          restartPolicy: Never
          initContainers:
          - name: wait
            image: busybox:1.36
            command: ["sleep 5"]
          containers:
          - name: migrate
            image: app:1
            command: ["./manage.py migrate"]
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 2);
  assert.ok(findings.every((f) => f.documentIndex === 1));
  assert.deepEqual(
    findings.map((f) => lineOf(text, f)),
    [16, 20],
  );
  assert.match(findings[0].message, /Init container "wait"/);
  const fixed = assertFixClears(text, ID, { index: 1 });
  assert.match(fixed, /command: \[.\/manage.py, migrate\]/);
});
