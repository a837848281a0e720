import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, check, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'command-variable-not-expanded';
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: app
  spec:
    containers:
    - name: app # JAVA_OPTS never reaches java
      image: eclipse-temurin:21
      command: ["java", "$JAVA_OPTS", "-jar", "/app.jar"]
      env:
      - name: JAVA_OPTS
        value: -Xmx512m
`;

test('$VAR of a declared env variable in command, without a shell: warning on the element', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(lineOf(bad, finding), 8);
  assert.equal(textOf(bad, finding), '"$JAVA_OPTS"');
  assert.deepEqual(finding.path, ['spec', 'containers', 0, 'command', 1]);
  assert.match(finding.message, /Container "app" passes \$JAVA_OPTS literally/);
  assert.match(said(finding), /\$\(JAVA_OPTS\)/);
});

test('fix: rewrite to $(VAR) when the variable is declared in env', () => {
  const [finding] = findingsOf(bad, ID);
  assert.equal(finding.fixes[0].title, 'Write $(JAVA_OPTS) (expanded by Kubernetes)');
  const fixed = assertFixClears(bad, ID);
  // The fix writes a plain scalar (the engine's style); it is still the string $(JAVA_OPTS).
  assert.match(fixed, /command: \["java", \$\(JAVA_OPTS\), "-jar", "\/app.jar"\]/);
});

test('${VAR} inside a longer argument, valueFrom variables, several names in one element', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: app
    spec:
      containers:
      - name: app
        image: app:1
        command: ["/app"]
        args:
        - --listen=\${POD_IP}:$PORT
        env:
        - name: POD_IP
          valueFrom:
            fieldRef: {fieldPath: status.podIP}
        - name: PORT
          value: "8080"
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(textOf(text, finding), '--listen=${POD_IP}:$PORT');
  assert.equal(finding.fixes[0].title, 'Write $(POD_IP), $(PORT) (expanded by Kubernetes)');
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /- --listen=\$\(POD_IP\):\$\(PORT\)\n/);
});

test('quiet: $(VAR), $$ escapes, sh -c scripts, interpreters, positional and lower-case names', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: app
    spec:
      containers:
      - name: a
        image: app:1
        command: ["/app", "--name=$(POD_NAME)", "--literal=$$HOME", "--price=$5", "--fmt=$remote_addr"]
        env:
        - name: POD_NAME
          valueFrom:
            fieldRef: {fieldPath: metadata.name}
      - name: b
        image: busybox:1.36
        command: ["/bin/sh", "-c"]
        args: ["echo $HOME && exec /app --port \${PORT}"]
      - name: c
        image: busybox:1.36
        command: ["bash", "-ec", "exec /app $ARGS"]
      - name: d
        image: app:1
        command: ["tini", "--", "sh", "-c", "exec /app $ARGS"]
      - name: e
        image: busybox:1.36
        command: ["awk", "{print $NF}", "/data/file"]
      - name: f
        image: app:1
        command: ["java", "-jar", "/app.jar", "--spring.datasource.url=\${DB_URL}"]
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});

test('args without command: info, since the image entrypoint is unknown', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: app
    spec:
      containers:
      - name: app
        image: app:1
        args: ["--advertise", "$HOSTNAME"]
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.severity, 'info');
  assert.equal(textOf(text, finding), '"$HOSTNAME"');
  assert.match(finding.detail, /entrypoint/);
});

test('undeclared variable with command set: offers the sh -c rewrite', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: app
    spec:
      containers:
      - name: app
        image: app:1
        command: ["/app", "--home", "$HOME"]
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.severity, 'warning');
  assert.match(finding.detail, /not declared/);
  const fixed = assertFixClears(text, ID, { title: 'Run the command through /bin/sh -c' });
  assert.match(fixed, /command: \[\/bin\/sh, -c, exec \/app --home \$HOME\]\n/);
});

test('envFrom: the $(VAR) rewrite is offered, not preferred', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: app
    spec:
      containers:
      - name: app
        image: app:1
        command: ["/app", "--db=$DB_HOST"]
        envFrom:
        - configMapRef: {name: settings}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.fixes[0].title, 'Write $(DB_HOST) (if envFrom provides DB_HOST)');
  assert.ok(!finding.fixes[0].preferred);
  assertFixClears(text, ID, { title: 'Write $(DB_HOST)' });
});

test('Deployment template in a multi-document file', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          initContainers:
          - name: migrate
            image: app:1
            command:
            - /migrate
            - --url=$DATABASE_URL
            env:
            - name: DATABASE_URL
              valueFrom:
                secretKeyRef: {name: db, key: url}
          containers:
          - name: web
            image: app:1
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 21);
  assert.equal(textOf(text, finding), '--url=$DATABASE_URL');
  assert.match(finding.message, /Init container "migrate"/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /- --url=\$\(DATABASE_URL\)\n/);
  assert.deepEqual(
    check(fixed).filter((f) => f.ruleId === ID),
    [],
  );
});

test('$(VAR) for a variable the container does not have: warning; the downward API fix declares it', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: app
    spec:
      containers:
      - name: app
        image: app:1
        command: ["/app", "--bind=$(POD_IP):8080"]
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(lineOf(text, finding), 8);
  assert.equal(textOf(text, finding), '"--bind=$(POD_IP):8080"');
  assert.equal(finding.message, 'Container "app" uses $(POD_IP), but POD_IP is not in its env: it stays literal');
  assert.equal(finding.fixes[0].title, 'Declare POD_IP in env from status.podIP');
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /env:\n\s+- name: POD_IP\n\s+valueFrom:\n\s+fieldRef:\n\s+fieldPath: status.podIP\n/);
});

test('$(VAR) quiet: declared later in env, envFrom, Service variables, command substitution in lower case', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: app
    spec:
      containers:
      - name: a
        image: app:1
        command: ["/app", "--node=$(NODE)", "--db=$(POSTGRES_SERVICE_HOST):$(POSTGRES_SERVICE_PORT)", "--cache=$(REDIS_PORT)", "--at=$(date)", "--raw=$$(LITERAL)"]
        env:
        - name: NODE
          valueFrom:
            fieldRef: {fieldPath: spec.nodeName}
      - name: b
        image: app:1
        command: ["/app", "--token=$(API_TOKEN)"]
        envFrom:
        - secretRef: {name: api}
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});

test('a declared value with spaces: the sh -c form is preferred, since $(VAR) would pass one argument', () => {
  const text = bad.replace('value: -Xmx512m', 'value: -Xmx512m -Xms256m');
  const [finding] = findingsOf(text, ID);
  assert.match(finding.detail, /holds spaces/);
  const preferred = finding.fixes.find((f) => f.preferred);
  assert.equal(preferred.title, 'Run the command through /bin/sh -c (the image needs a shell)');
  assert.ok(!finding.fixes.find((f) => f.title.startsWith('Write')).safe);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /command: \[\/bin\/sh, -c, exec java \$JAVA_OPTS -jar \/app.jar\]\n/);
});
