import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, check, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'liveness-slow-start-budget';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: shop
  spec:
    containers:
    - name: shop # a Spring Boot app
      image: eclipse-temurin:21-jre
      livenessProbe:
        httpGet:
          path: /actuator/health/liveness
          port: 8080
        initialDelaySeconds: 10
        periodSeconds: 10
      ports:
      - containerPort: 8080
`;

test('a JVM image whose liveness allows 40 s to start, without a startupProbe: info on the probe key', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'info');
  assert.equal(lineOf(bad, finding), 8);
  assert.equal(textOf(bad, finding), 'livenessProbe');
  assert.equal(finding.message, 'The livenessProbe of container "shop" allows 40 s to start; eclipse-temurin often needs longer');
  assert.match(finding.detail, /initialDelaySeconds 10 \+ failureThreshold 3 × periodSeconds 10 = 40 s/);
  assert.match(finding.detail, /A JVM \(eclipse-temurin\) can take ~60 s/);
});

test('fix: a startupProbe with the same check (30 × 10 s); the liveness delay goes', () => {
  const [finding] = findingsOf(bad, ID);
  assert.equal(finding.fixes[0].title, 'Add a startupProbe with the same check (up to 300 s to start)');
  const fixed = assertFixClears(bad, ID);
  assert.match(fixed, /startupProbe:\n\s+httpGet:\n\s+path: \/actuator\/health\/liveness\n\s+port: 8080\n\s+periodSeconds: 10\n\s+failureThreshold: 30\n/);
  assert.doesNotMatch(fixed, /initialDelaySeconds/);
  assert.deepEqual(
    check(fixed).filter((f) => f.ruleId.startsWith('liveness-')),
    [],
  );
});

test('quiet: budget at the threshold, a startupProbe, fast runtimes, what other liveness rules report', () => {
  // 30 + 3 × 10 = 60 s: enough for the JVM heuristic.
  assert.deepEqual(findingsOf(bad.replace('initialDelaySeconds: 10', 'initialDelaySeconds: 30'), ID), []);
  const withStartup = bad.replace('    ports:', '    startupProbe:\n      tcpSocket: {port: 8080}\n      failureThreshold: 30\n    ports:');
  assert.deepEqual(findingsOf(withStartup, ID), []);
  assert.deepEqual(findingsOf(bad.replace('eclipse-temurin:21-jre', 'nginx:1.27'), ID), []);
  assert.deepEqual(findingsOf(bad.replace('eclipse-temurin:21-jre', 'prometheuscommunity/postgres-exporter:v0.15.0'), ID), []);
  // initialDelaySeconds ≥ 60: liveness-long-initial-delay; failureThreshold 1: liveness-failure-threshold-tight.
  assert.deepEqual(findingsOf(bad.replace('initialDelaySeconds: 10', 'initialDelaySeconds: 50').replace('periodSeconds: 10', 'periodSeconds: 1'), ID), []);
  assert.deepEqual(findingsOf(bad.replace('periodSeconds: 10', 'periodSeconds: 10\n      failureThreshold: 1'), ID), []);
  assert.equal(findingsOf(bad.replace('initialDelaySeconds: 10', 'initialDelaySeconds: 90'), 'liveness-long-initial-delay').length, 1);
  assert.deepEqual(findingsOf(bad.replace('initialDelaySeconds: 10', 'initialDelaySeconds: 90'), ID), []);
});

test('runtime families: databases, .NET, registries and paths', () => {
  const cases = [
    ['postgres:16', 1],
    ['docker.io/bitnami/postgresql:16.2.0', 1],
    ['mcr.microsoft.com/mssql/server:2022-latest', 1],
    ['confluentinc/cp-kafka:7.6.0', 1],
    ['quay.io/keycloak/keycloak:24.0', 1],
    ['mcr.microsoft.com/dotnet/aspnet:8.0', 0],
    ['redis:7', 0],
    ['myorg/my-service:1.0', 0],
  ];
  for (const [image, count] of cases) {
    assert.equal(findingsOf(bad.replace('eclipse-temurin:21-jre', image), ID).length, count, image);
  }
  // .NET: a ~30 s heuristic. The default budget (0 + 3 × 10 = 30 s) meets it; 5 + 3 × 5 = 20 s does not.
  const dotnet = bad.replace('eclipse-temurin:21-jre', 'mcr.microsoft.com/dotnet/aspnet:8.0');
  assert.deepEqual(findingsOf(dotnet.replace('initialDelaySeconds: 10', 'initialDelaySeconds: 0'), ID), []);
  const [short] = findingsOf(dotnet.replace('initialDelaySeconds: 10', 'initialDelaySeconds: 5').replace('periodSeconds: 10', 'periodSeconds: 5'), ID);
  assert.match(short.message, /allows 20 s to start; aspnet often needs longer/);
});

test('StatefulSet template in a multi-document file, exec handler copied', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: db
    spec:
      clusterIP: None
      selector: {app: db}
      ports:
      - port: 5432
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: db
    spec:
      serviceName: db
      selector:
        matchLabels: {app: db}
      template:
        metadata:
          labels: {app: db}
        spec:
          containers:
          - name: postgres
            image: postgres:16.2
            livenessProbe:
              exec:
                command: ["pg_isready", "-U", "postgres"]
              timeoutSeconds: 5
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 25);
  assert.match(finding.message, /allows 30 s to start; postgres often needs longer/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /startupProbe:\n\s+exec:\n\s+command:\n\s+- pg_isready\n\s+- -U\n\s+- postgres\n\s+timeoutSeconds: 5\n\s+periodSeconds: 10\n\s+failureThreshold: 30\n/);
});
