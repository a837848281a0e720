// Every CEL rule of the CRD catalog (../shared/crds) compiles in our environment, and a fuzz
// property: random objects shaped by each CRD's schema never make the evaluator throw, and no rule
// runs above the step budget (the cost estimate gates every evaluation; counted, not timed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadCel } from '../helpers/cel-bundle.mjs';
import { SHARED_DIR } from '../helpers/shared.mjs';

const cel = await loadCel();
const CRDS = join(SHARED_DIR, 'crds');
/** The CRD files are not beside a fresh clone: the tests over all of them are skipped then, with this reason. */
const CRDS_MISSING = existsSync(CRDS) ? false : `the CRD files are not beside the clone (${CRDS})`;

/** Each served or unserved version's schema of every catalog CRD, with its rules. */
function catalog() {
  const versions = [];
  for (const project of readdirSync(CRDS)) {
    const folder = join(CRDS, project);
    if (!statSync(folder).isDirectory()) continue;
    for (const file of readdirSync(folder)) {
      const text = readFileSync(join(folder, file), 'utf8');
      // Parsing 17 MB of YAML is slow: files without rules add nothing here.
      if (!text.includes('x-kubernetes-validations')) continue;
      const crd = parse(text);
      for (const version of crd.spec.versions) {
        const schema = version.schema?.openAPIV3Schema;
        if (!schema) continue;
        const rules = [];
        collectRules(schema, rules);
        versions.push({ name: `${project}/${file}@${version.name}`, group: crd.spec.group, kind: crd.spec.names.kind, version: version.name, schema, rules });
      }
    }
  }
  return versions;
}

function collectRules(node, rules) {
  if (Array.isArray(node)) return node.forEach((item) => collectRules(item, rules));
  if (!node || typeof node !== 'object') return;
  for (const validation of node['x-kubernetes-validations'] ?? []) rules.push(validation);
  for (const [key, value] of Object.entries(node)) if (key !== 'x-kubernetes-validations') collectRules(value, rules);
}

const VERSIONS = CRDS_MISSING ? [] : catalog();

test('every CEL rule and messageExpression of the catalog compiles', { skip: CRDS_MISSING }, () => {
  const rules = VERSIONS.flatMap((version) => version.rules.map((rule) => ({ ...rule, crd: version.name })));
  assert.ok(rules.length >= 749, `${rules.length} rules`);
  // No exceptions: if one is ever needed, list it here with the reason it cannot compile offline.
  const failures = [];
  for (const rule of rules) {
    for (const expression of [rule.rule, rule.messageExpression].filter(Boolean)) {
      const compiled = cel.compileRule(expression);
      if (!compiled.ok) failures.push(`${rule.crd}: ${expression}: ${compiled.error}`);
    }
  }
  assert.deepEqual(failures, []);
});

/** mulberry32: a small seeded PRNG, so a failure replays. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = [
  '',
  '*',
  'a',
  'web',
  'Service',
  'HTTP',
  'HTTPS',
  'TLS',
  'TCP',
  'Terminate',
  'PathPrefix',
  'ReplaceFullPath',
  'RequestRedirect',
  'URLRewrite',
  '10s',
  '0s',
  '1ms',
  'soon',
  'https://example.com/x',
  'unix:///tmp/s',
  'unix://a/',
  '10.0.0.1',
  '::1',
  'example.com/name',
  'A_B',
  '500m',
  'a'.repeat(300),
  'x'.repeat(3000),
];
const KEYS = ['a', 'b', '*', '', 'app.kubernetes.io/name', 'example.com/-bad-', 'x'.repeat(300)];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function listLength(random) {
  const roll = random();
  return roll < 0.85 ? Math.floor(random() * 4) : roll < 0.97 ? 40 : 300;
}

function scalar(random) {
  return pick(random, [pick(random, STRINGS), 0, 1, -1, 65535, 65536, 0.5, true, false, null]);
}

/** A random value shaped by `schema` (sometimes of the wrong type, as users write them). */
function generate(schema, random, depth) {
  if (!schema || typeof schema !== 'object' || depth > 10 || random() < 0.05) return scalar(random);
  if (Array.isArray(schema.enum) && random() < 0.8) return pick(random, schema.enum);
  if (schema['x-kubernetes-int-or-string']) return random() < 0.5 ? pick(random, [0, 80, 65536]) : pick(random, STRINGS);
  switch (schema.type) {
    case 'object': {
      const object = {};
      const required = new Set(schema.required ?? []);
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (required.has(name) ? random() < 0.9 : random() < 0.35) object[name] = generate(property, random, depth + 1);
      }
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        const count = listLength(random);
        for (let index = 0; index < count; index++) object[index < KEYS.length ? pick(random, KEYS) : `k${index}`] = generate(schema.additionalProperties, random, depth + 1);
      }
      return object;
    }
    case 'array':
      return Array.from({ length: listLength(random) }, () => generate(schema.items, random, depth + 1));
    case 'string':
      return pick(random, STRINGS);
    case 'integer':
      return pick(random, [0, 1, -1, 8080, 65535, 65536, 2 ** 53 - 1]);
    case 'number':
      return pick(random, [0, 0.5, 1, -2.5]);
    case 'boolean':
      return random() < 0.5;
    default:
      return scalar(random);
  }
}

test('fuzz: random objects for every catalog CRD with rules never throw and stay within the step budget', { skip: CRDS_MISSING }, () => {
  const random = prng(0x5eed);
  let evaluations = 0;
  let skippedCost = 0;
  const withRules = VERSIONS.filter((version) => version.rules.length > 0);
  assert.ok(withRules.length >= 70);
  for (const version of withRules) {
    for (let round = 0; round < 25; round++) {
      const object = generate(version.schema, random, 0);
      if (object && typeof object === 'object' && !Array.isArray(object))
        Object.assign(object, { apiVersion: `${version.group}/${version.version}`, kind: version.kind, metadata: { name: 'fuzz' } });
      const root = object && typeof object === 'object' && !Array.isArray(object) ? object : {};
      let findings;
      assert.doesNotThrow(() => {
        findings = cel.celFindings(version.schema, root, { kubernetesVersion: '1.33', budgetMs: 1e9 });
      }, version.name);
      const counters = cel.lastCelCounters();
      assert.ok(counters.maxCost <= cel.STEP_BUDGET, `${version.name}: cost ${counters.maxCost}`);
      assert.ok(counters.totalCost <= cel.OBJECT_STEP_BUDGET, `${version.name}: total cost ${counters.totalCost}`);
      assert.equal(counters.compileFailures, 0, version.name);
      evaluations += counters.evaluations;
      skippedCost += counters.skippedCost + counters.skippedObjectBudget;
      for (const finding of findings) {
        assert.equal(finding.ruleId, 'schema-cel');
        assert.ok(finding.message.length > 0 && finding.message.length <= 100, finding.message);
        assert.ok(Array.isArray(finding.path));
      }
    }
  }
  assert.ok(evaluations > 1000, `${evaluations} evaluations`);
  // The 300-element lists make some nested loops too expensive: those rules are skipped, not run.
  assert.ok(skippedCost > 0, 'no rule was ever over budget: the fuzz lists are too small');
});
