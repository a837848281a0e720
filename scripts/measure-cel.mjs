#!/usr/bin/env node
// Measures the offline CEL evaluator (server/src/engine/cel) on busy custom resources of the CRD
// catalog (../shared/crds): the time per object once warm, the rules evaluated per object, and the
// first (cold) call that compiles the rules. Usage: node scripts/measure-cel.mjs [--json]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadCel } from '../test/helpers/cel-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CRDS = join(root, '..', 'shared', 'crds');

function schemaOf(file, version) {
  const crd = parse(readFileSync(join(CRDS, file), 'utf8'));
  return crd.spec.versions.find((entry) => entry.name === version).schema.openAPIV3Schema;
}

const range = (count, make) => Array.from({ length: count }, (_, index) => make(index));

/** An HTTPRoute with 16 rules of 4 matches, 4 filters and 4 backendRefs each. */
function busyRoute() {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'busy' },
    spec: {
      parentRefs: range(4, (index) => ({ name: 'gw', sectionName: `s${index}` })),
      hostnames: range(8, (index) => `h${index}.example.com`),
      rules: range(16, (rule) => ({
        matches: range(4, (index) => ({ path: { type: 'PathPrefix', value: `/r${rule}/m${index}` }, headers: [{ name: 'x-a', value: 'b' }] })),
        filters: [
          { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-a', value: '1' }] } },
          { type: 'ResponseHeaderModifier', responseHeaderModifier: { add: [{ name: 'x-b', value: '2' }] } },
          { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/x' } } },
          { type: 'CORS', cors: { allowOrigins: ['https://a.example.com'], allowMethods: ['GET'] } },
        ],
        backendRefs: range(4, (index) => ({
          name: `svc${index}`,
          port: 8080,
          filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x', value: 'y' }] } }],
        })),
        timeouts: { request: '10s', backendRequest: '5s' },
      })),
    },
  };
}

/** A Gateway with 64 listeners (the pairwise uniqueness rules are 64² steps). */
function busyGateway() {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'busy' },
    spec: {
      gatewayClassName: 'cls',
      listeners: range(64, (index) => ({
        name: `l${index}`,
        port: 8000 + index,
        protocol: 'HTTPS',
        hostname: `h${index}.example.com`,
        tls: { mode: 'Terminate', certificateRefs: [{ name: 'cert' }] },
      })),
    },
  };
}

/** An Istio DestinationRule with 20 subsets and port-level traffic policies. */
function busyDestinationRule() {
  const policy = (index) => ({
    connectionPool: { tcp: { maxConnections: 100, connectTimeout: '30ms' }, http: { idleTimeout: '1h' } },
    outlierDetection: { consecutive5xxErrors: 7, interval: '5m', baseEjectionTime: '15m' },
    loadBalancer: { simple: 'ROUND_ROBIN', warmupDurationSecs: '10s' },
    portLevelSettings: range(4, (port) => ({ port: { number: 8000 + port + index }, connectionPool: { tcp: { connectTimeout: '10ms' } } })),
  });
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'DestinationRule',
    metadata: { name: 'busy' },
    spec: { host: 'reviews', trafficPolicy: policy(0), subsets: range(20, (index) => ({ name: `v${index}`, labels: { version: `v${index}` }, trafficPolicy: policy(index) })) },
  };
}

/** An everyday HTTPRoute: two rules, a header filter, two backends. */
function typicalRoute() {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'shop' },
    spec: {
      parentRefs: [{ name: 'gw', namespace: 'infra' }],
      hostnames: ['shop.example.com'],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/api' } }],
          filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-shop', value: '1' }] } }],
          backendRefs: [
            { name: 'api-v1', port: 8080, weight: 90 },
            { name: 'api-v2', port: 8080, weight: 10 },
          ],
        },
        { backendRefs: [{ name: 'web', port: 80 }], timeouts: { request: '10s' } },
      ],
    },
  };
}

const cel = await loadCel();
const cases = [
  ['HTTPRoute v1, typical', schemaOf('gateway-api/gateway.networking.k8s.io_httproutes.yaml', 'v1'), typicalRoute()],
  ['HTTPRoute v1, 16 rules × 4 matches/filters/backends', schemaOf('gateway-api/gateway.networking.k8s.io_httproutes.yaml', 'v1'), busyRoute()],
  ['Gateway v1, 64 listeners', schemaOf('gateway-api/gateway.networking.k8s.io_gateways.yaml', 'v1'), busyGateway()],
  ['Istio DestinationRule v1', schemaOf('istio/networking.istio.io_destinationrules.yaml', 'v1'), busyDestinationRule()],
];

const results = [];
for (const [name, schema, object] of cases) {
  const coldStart = performance.now();
  const findings = cel.celFindings(schema, object, { kubernetesVersion: '1.33', budgetMs: 1e9 });
  const cold = performance.now() - coldStart;
  const counters = cel.lastCelCounters();
  for (let index = 0; index < 200; index++) cel.celFindings(schema, object, { kubernetesVersion: '1.33' });
  const rounds = 500;
  const start = performance.now();
  for (let index = 0; index < rounds; index++) cel.celFindings(schema, object, { kubernetesVersion: '1.33' });
  const warm = (performance.now() - start) / rounds;
  results.push({
    name,
    evaluations: counters.evaluations,
    estimatedSteps: counters.totalCost,
    skippedCost: counters.skippedCost + counters.skippedObjectBudget,
    findings: findings.length,
    coldMs: Number(cold.toFixed(2)),
    warmMs: Number(warm.toFixed(3)),
  });
}

if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
else
  for (const row of results)
    console.log(
      `${row.name}: ${row.evaluations} rule evaluations (${row.estimatedSteps} estimated steps, ${row.skippedCost} skipped), ${row.findings} findings, cold ${row.coldMs} ms, warm ${row.warmMs} ms/object`,
    );
