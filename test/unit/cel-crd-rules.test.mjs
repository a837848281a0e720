// CEL rules of real CRDs (../shared/crds: Gateway API, Istio, cert-manager, external-secrets, Flux),
// each with an object that breaks it (the CRD's own message, at the right path) and one that passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadCel } from '../helpers/cel-bundle.mjs';
import { SHARED_DIR } from '../helpers/shared.mjs';

const cel = await loadCel();
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CRDS = join(SHARED_DIR, 'crds');
const CATALOG = join(ROOT, 'schemas', 'crds');

/**
 * A CRD version's schema: from the CRD file itself when ../shared is beside the clone, else from
 * the bundled catalog generated from it (same structure and rules, no prose), so these tests run
 * on a fresh clone too. `file` is `<project>/<group>_<plural>.yaml`.
 */
const schemas = new Map();
function schemaOf(file, version) {
  const key = `${file}@${version}`;
  if (!schemas.has(key)) {
    if (existsSync(CRDS)) {
      const crd = parse(readFileSync(join(CRDS, file), 'utf8'));
      schemas.set(key, crd.spec.versions.find((entry) => entry.name === version).schema.openAPIV3Schema);
    } else {
      const [group, plural] = file
        .split('/')[1]
        .replace(/\.yaml$/, '')
        .split('_');
      const { resources } = JSON.parse(readFileSync(join(CATALOG, 'index.json'), 'utf8'));
      const [, entry] = Object.entries(resources).find(([id, found]) => id.startsWith(`${group}/${version}/`) && found.plural === plural);
      schemas.set(key, JSON.parse(readFileSync(join(CATALOG, entry.file), 'utf8')).openAPIV3Schema);
    }
  }
  return schemas.get(key);
}

function findings(file, version, text) {
  return cel.celFindings(schemaOf(file, version), parse(text, { version: '1.1' }), { kubernetesVersion: '1.33', budgetMs: 1e9 });
}

const summary = (list) => list.map((finding) => `${finding.path.join('.')}: ${finding.message}`);

const HTTPROUTE = 'gateway-api/gateway.networking.k8s.io_httproutes.yaml';

test('HTTPRoute: a filter whose type names a missing field, and a field of another type', () => {
  const bad = `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop}
spec:
  parentRefs: [{name: gw}]
  rules:
  - filters:
    - type: RequestHeaderModifier
      urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /}}
    backendRefs: [{name: shop, port: 80}]
`;
  assert.deepEqual(summary(findings(HTTPROUTE, 'v1', bad)), [
    'spec.rules.0.filters.0: filter.requestHeaderModifier must be specified for RequestHeaderModifier filter.type',
    'spec.rules.0.filters.0: filter.urlRewrite must be nil if the filter.type is not URLRewrite',
  ]);
  const good = bad.replace('      urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /}}', '      requestHeaderModifier: {set: [{name: x-shop, value: "1"}]}');
  assert.deepEqual(findings(HTTPROUTE, 'v1', good), []);
});

test('HTTPRoute: a Service backendRef needs a port (group and kind come from defaults)', () => {
  const bad = `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop}
spec:
  rules:
  - backendRefs: [{name: shop}]
`;
  assert.deepEqual(summary(findings(HTTPROUTE, 'v1', bad)), ['spec.rules.0.backendRefs.0: Must have port for Service reference']);
  assert.deepEqual(findings(HTTPROUTE, 'v1', bad.replace('[{name: shop}]', '[{name: shop, port: 8080}]')), []);
  assert.deepEqual(findings(HTTPROUTE, 'v1', bad.replace('[{name: shop}]', '[{name: shop, kind: Bucket, group: storage.example.com}]')), []);
});

test('HTTPRoute: backendRequest timeout longer than the request timeout', () => {
  const text = (backend) => `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop}
spec:
  rules:
  - timeouts: {request: 10s, backendRequest: ${backend}}
`;
  assert.deepEqual(summary(findings(HTTPROUTE, 'v1', text('20s'))), ['spec.rules.0.timeouts: backendRequest timeout cannot be longer than request timeout']);
  assert.deepEqual(findings(HTTPROUTE, 'v1', text('10s')), []);
});

test('HTTPRoute: two parentRefs to the same Gateway need distinct sectionNames (escaped __namespace__)', () => {
  const text = (second) => `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop}
spec:
  parentRefs:
  - {name: gw, namespace: infra, sectionName: http}
  - {name: gw, namespace: infra${second}}
`;
  const messages = findings(HTTPROUTE, 'v1', text('')).map((finding) => finding.message);
  assert.ok(
    messages.some((message) => message.startsWith('sectionName must be specified when parentRefs includes 2 or more')),
    messages.join('\n'),
  );
  assert.deepEqual(findings(HTTPROUTE, 'v1', text(', sectionName: https')), []);
});

const GATEWAY = 'gateway-api/gateway.networking.k8s.io_gateways.yaml';

test('Gateway: listener names must be unique; tls only where the protocol allows it', () => {
  const bad = `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: cls
  listeners:
  - {name: web, port: 80, protocol: HTTP, tls: {mode: Terminate, certificateRefs: [{name: cert}]}}
  - {name: web, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}
`;
  const got = summary(findings(GATEWAY, 'v1', bad));
  assert.ok(got.includes("spec.listeners: tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']"), got.join('\n'));
  assert.ok(got.includes('spec.listeners: Listener name must be unique within the Gateway'), got.join('\n'));
  const good = bad.replace('{name: web, port: 80, protocol: HTTP, tls: {mode: Terminate, certificateRefs: [{name: cert}]}}', '{name: http, port: 80, protocol: HTTP}');
  assert.deepEqual(findings(GATEWAY, 'v1', good), []);
});

test('Gateway: annotation keys of the infrastructure must be qualified names (RE2 raw string)', () => {
  const text = (key) => `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: cls
  listeners: [{name: http, port: 80, protocol: HTTP}]
  infrastructure:
    annotations: {"${key}": "v"}
`;
  const got = findings(GATEWAY, 'v1', text('example.com/-bad-'));
  assert.equal(got.length, 1, summary(got).join('\n'));
  assert.deepEqual(got[0].path, ['spec', 'infrastructure', 'annotations']);
  assert.match(got[0].message, /^Annotation keys must be in the form of an optional DNS subdomain prefix/);
  assert.deepEqual(findings(GATEWAY, 'v1', text('example.com/good')), []);
});

const AUTHZ = 'istio/security.istio.io_authorizationpolicies.yaml';

test('Istio AuthorizationPolicy: selector and targetRef together; wildcard label keys', () => {
  const bad = `
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: deny}
spec:
  selector:
    matchLabels: {"app*": web}
  targetRef: {kind: Gateway, group: gateway.networking.k8s.io, name: gw}
`;
  assert.deepEqual(summary(findings(AUTHZ, 'v1', bad)), [
    'spec.selector.matchLabels: wildcard not allowed in label key match',
    'spec: only one of targetRefs or selector can be set',
  ]);
  const good = `
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: deny}
spec:
  selector:
    matchLabels: {app: web}
`;
  assert.deepEqual(findings(AUTHZ, 'v1', good), []);
});

const VIRTUAL_SERVICE = 'istio/networking.istio.io_virtualservices.yaml';

test('Istio VirtualService: corsPolicy.maxAge must be a duration of at least 1ms', () => {
  const text = (maxAge) => `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: web}
spec:
  hosts: [web]
  http:
  - corsPolicy: {maxAge: ${maxAge}}
    route: [{destination: {host: web}}]
`;
  const got = findings(VIRTUAL_SERVICE, 'v1', text('0s'));
  assert.deepEqual(summary(got), ['spec.http.0.corsPolicy.maxAge: must be a valid duration greater than 1ms']);
  assert.equal(got[0].target, 'value');
  assert.deepEqual(findings(VIRTUAL_SERVICE, 'v1', text('24h')), []);
  // Not a duration at all: the API server reports an evaluation error; we stay silent.
  assert.deepEqual(findings(VIRTUAL_SERVICE, 'v1', text('soon')), []);
});

const CLUSTER_ISSUER = 'cert-manager/cert-manager.io_clusterissuers.yaml';

test('cert-manager ClusterIssuer: venafi needs exactly one of tpp, cloud or ngts', () => {
  const text = (venafi) => `
apiVersion: cert-manager.io/v1
kind: ClusterIssuer
metadata: {name: venafi}
spec:
  venafi:
    zone: DevOps
${venafi}
`;
  const both = '    tpp: {url: "https://tpp.example.com/vedsdk", credentialsRef: {name: tpp}}\n    cloud: {apiTokenSecretRef: {name: token}}';
  assert.deepEqual(summary(findings(CLUSTER_ISSUER, 'v1', text(both))), ['spec.venafi: exactly one of tpp, cloud, or ngts must be configured']);
  assert.deepEqual(findings(CLUSTER_ISSUER, 'v1', text('    cloud: {apiTokenSecretRef: {name: token}}')), []);
});

const CLUSTER_SECRET_STORE = 'external-secrets/external-secrets.io_clustersecretstores.yaml';

test('external-secrets ClusterSecretStore: secretserver password is a value or a secretRef', () => {
  const text = (password) => `
apiVersion: external-secrets.io/v1
kind: ClusterSecretStore
metadata: {name: store}
spec:
  provider:
    secretserver:
      serverURL: https://ss.example.com
      username: {value: admin}
      password: ${password}
`;
  assert.deepEqual(summary(findings(CLUSTER_SECRET_STORE, 'v1', text('{value: pw, secretRef: {name: s, key: k}}'))), [
    'spec.provider.secretserver.password: exactly one of value or secretRef must be set',
  ]);
  assert.deepEqual(findings(CLUSTER_SECRET_STORE, 'v1', text('{secretRef: {name: s, key: k}}')), []);
});

const HELM_RELEASE = 'flux/helm.toolkit.fluxcd.io_helmreleases.yaml';

test('Flux HelmRelease: chart or chartRef, not both, not neither', () => {
  const head = `
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: podinfo}
spec:
  interval: 5m
`;
  const chart = '  chart: {spec: {chart: podinfo, sourceRef: {kind: HelmRepository, name: podinfo}}}\n';
  const chartRef = '  chartRef: {kind: OCIRepository, name: podinfo}\n';
  assert.deepEqual(summary(findings(HELM_RELEASE, 'v2', head)), ['spec: either chart or chartRef must be set']);
  assert.deepEqual(summary(findings(HELM_RELEASE, 'v2', head + chart + chartRef)), ['spec: either chart or chartRef must be set']);
  assert.deepEqual(findings(HELM_RELEASE, 'v2', head + chart), []);
  assert.deepEqual(findings(HELM_RELEASE, 'v2', head + chartRef), []);
});
