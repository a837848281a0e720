// Structural-schema validation of custom resources (engine/crd/): each semantic the API server
// applies, with a bad case and a good case at the boundary. CRDs come from `runObjects` (as the
// CLI's input set or the workspace index supply them) or from the bundled catalog.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText, LineIndex } from '../../dist/server/engine.js';
import { assertFixClears, check, findingsOf, lineOf, textOf, yaml } from '../helpers/engine.mjs';

/** A CustomResourceDefinition object for group example.com, kind Widget. */
function crd(spec, { versions, kind = 'Widget', group = 'example.com' } = {}) {
  const schema = { type: 'object', properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, spec } };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${kind.toLowerCase()}s.${group}` },
    spec: {
      group,
      names: { kind, plural: `${kind.toLowerCase()}s` },
      scope: 'Namespaced',
      versions: versions ?? [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema } }],
    },
  };
}

function runObjectsOf(...crds) {
  return crds.map((object) => ({ filePath: '/crds.yaml', apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name, object }));
}

/** Findings for `text` with the CRDs as run objects; fails on any internal error. */
function checkWith(text, crds, version = '1.36') {
  const findings = analyzeText(text, { kubernetesVersion: version, filePath: '/widget.yaml', runObjects: runObjectsOf(...crds) }).findings;
  assert.deepEqual(
    findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message),
    [],
  );
  for (const finding of findings) assert.ok(finding.message.length <= 100, finding.message);
  return findings;
}

const schemaIds = (findings) => findings.filter((f) => /^(schema|api-version)-/.test(f.ruleId));
const line = (text, finding) => new LineIndex(text).positionAt(finding.range.start).line;

function widget(specYaml) {
  return `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n${specYaml}`;
}

describe('crd structural: unknown fields', () => {
  const def = crd({ type: 'object', properties: { size: { type: 'integer' }, config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } });

  test('an unknown field is an error with did-you-mean, at its key', () => {
    const text = widget('  sise: 3\n');
    const [finding, ...rest] = schemaIds(checkWith(text, [def]));
    assert.equal(rest.length, 0);
    assert.equal(finding.ruleId, 'schema-unknown-field');
    assert.equal(line(text, finding), 5);
    assert.equal(textOf(text, finding), 'sise');
    assert.match(finding.message, /did you mean "size"/);
  });

  test('status is not judged: the API server ignores it on write', () => {
    const withStatus = crd({ type: 'object' });
    withStatus.spec.versions[0].schema.openAPIV3Schema.properties.status = { type: 'object', properties: { phase: { type: 'string', enum: ['Ready'] } } };
    assert.deepEqual(schemaIds(checkWith(widget('  {}\nstatus:\n  phase: 3\n  other: x\n'), [withStatus])), []);
  });

  test('x-kubernetes-preserve-unknown-fields keeps anything below it', () => {
    const text = widget('  size: 3\n  config:\n    anything: [1, 2]\n    nested: {deep: true}\n');
    assert.deepEqual(schemaIds(checkWith(text, [def])), []);
  });

  test('apiVersion, kind and metadata are always known at the top', () => {
    const bare = crd({ type: 'object' });
    bare.spec.versions[0].schema.openAPIV3Schema = { type: 'object', properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } };
    assert.deepEqual(schemaIds(checkWith(widget('  a: 1\n'), [bare])), []);
  });

  test('an unknown metadata field is checked against ObjectMeta', () => {
    const text = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  label:\n    app: x\nspec: {}\n';
    const findings = schemaIds(checkWith(text, [def]));
    assert.equal(findings.length, 1);
    assert.equal(findings[0].ruleId, 'schema-unknown-field');
    assert.match(findings[0].message, /did you mean "labels"/);
    assert.equal(line(text, findings[0]), 4);
  });

  test('a CRD may restrict metadata.name; the rest of metadata stays an ObjectMeta', () => {
    const restricted = crd({ type: 'object' });
    restricted.spec.versions[0].schema.openAPIV3Schema.properties.metadata = { type: 'object', properties: { name: { type: 'string', maxLength: 5 } } };
    const ok = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: short\n  labels: {app: x}\nspec: {}\n';
    assert.deepEqual(schemaIds(checkWith(ok, [restricted])), []);
    const text = ok.replace('short', 'toolong');
    const findings = schemaIds(checkWith(text, [restricted]));
    assert.deepEqual(
      findings.map((f) => [f.ruleId, textOf(text, f)]),
      [['schema-format', 'toolong']],
    );
  });

  test('a label value must be a string (the metadata rules report it once)', () => {
    const text = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  labels:\n    tier: 1\nspec: {}\n';
    const findings = checkWith(text, [def]).filter((f) => f.severity === 'error');
    assert.equal(findings.length, 1);
    assert.equal(line(text, findings[0]), 5);
  });
});

describe('crd structural: types, int-or-string, nullable, defaults', () => {
  const def = crd({
    type: 'object',
    required: ['mode', 'port'],
    properties: {
      port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
      mode: { type: 'string', default: 'fast' },
      note: { type: 'string', nullable: true },
      count: { type: 'integer' },
      limits: { type: 'object', default: {}, properties: { cpu: { type: 'string', default: '1' } }, required: ['cpu'] },
    },
  });

  test('int-or-string takes an integer or a string, not a boolean', () => {
    assert.deepEqual(schemaIds(checkWith(widget('  port: 8080\n'), [def])), []);
    assert.deepEqual(schemaIds(checkWith(widget('  port: http\n'), [def])), []);
    const text = widget('  port: true\n');
    const findings = schemaIds(checkWith(text, [def]));
    assert.equal(findings.length, 1);
    assert.equal(findings[0].ruleId, 'schema-type');
    assert.match(findings[0].message, /an integer or a string/);
    assert.equal(textOf(text, findings[0]), 'true');
  });

  test('a number where a string belongs is a type error with a quote fix', () => {
    const text = widget('  port: 1\n  mode: 5\n');
    const findings = schemaIds(checkWith(text, [def]));
    assert.equal(findings.length, 1);
    assert.equal(findings[0].ruleId, 'schema-type');
    assert.equal(line(text, findings[0]), 6);
    assert.ok(findings[0].fixes.some((fix) => fix.title === 'Quote the value'));
  });

  test('a fractional number is not an integer', () => {
    const findings = schemaIds(checkWith(widget('  port: 1\n  count: 1.5\n'), [def]));
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['schema-type'],
    );
  });

  test('nullable accepts null; a null elsewhere is dropped, then a required field is missing', () => {
    assert.deepEqual(schemaIds(checkWith(widget('  port: 1\n  note: null\n  count: null\n'), [def])), []);
    const text = widget('  port: null\n');
    const findings = schemaIds(checkWith(text, [def]));
    assert.deepEqual(
      findings.map((f) => [f.ruleId, textOf(text, f)]),
      [['schema-required', 'port']],
    );
  });

  test('a field with a default is not missing (also nested in a defaulted object)', () => {
    assert.deepEqual(schemaIds(checkWith(widget('  port: 1\n'), [def])), []);
    const text = widget('  mode: slow\n');
    const findings = schemaIds(checkWith(text, [def]));
    assert.equal(findings.length, 1);
    assert.equal(findings[0].ruleId, 'schema-required');
    assert.match(findings[0].message, /"spec\.port"/);
  });
});

describe('crd structural: enum, pattern, format and bounds', () => {
  const def = crd({
    type: 'object',
    properties: {
      kind: { type: 'string', enum: ['Exact', 'Prefix'] },
      host: { type: 'string', pattern: '^(?i)[a-z0-9.-]+$', maxLength: 5 },
      name: { type: 'string', pattern: '^[a-z]+$', minLength: 2 },
      weird: { type: 'string', pattern: '(?U)a+' },
      anchored: { type: 'string', pattern: '\\Aab\\z' },
      at: { type: 'string', format: 'date-time' },
      ip: { type: 'string', format: 'ipv4' },
      blob: { type: 'string', format: 'byte' },
      replicas: { type: 'integer', minimum: 1, maximum: 10 },
      ratio: { type: 'number', minimum: 0, exclusiveMinimum: true, multipleOf: 0.5 },
      tags: { type: 'array', maxItems: 2, items: { type: 'string' } },
      labels: { type: 'object', minProperties: 1, additionalProperties: { type: 'string' } },
    },
  });

  test('enum: a near miss gets did-you-mean and a fix', () => {
    const text = widget('  kind: exact\n');
    const [finding] = schemaIds(checkWith(text, [def]));
    assert.equal(finding.ruleId, 'schema-enum');
    assert.match(finding.message, /did you mean "Exact"/);
    assert.equal(textOf(text, finding), 'exact');
    assert.deepEqual(schemaIds(checkWith(widget('  kind: Prefix\n'), [def])), []);
  });

  test('pattern: a Go (?i) pattern is translated; a mismatch is schema-pattern', () => {
    assert.deepEqual(schemaIds(checkWith(widget('  host: A.B-C\n'), [def])), []);
    const text = widget('  host: a_b\n');
    const [finding] = schemaIds(checkWith(text, [def]));
    assert.equal(finding.ruleId, 'schema-pattern');
    assert.equal(textOf(text, finding), 'a_b');
    assert.match(finding.detail, /should match '\^\(\?i\)\[a-z0-9\.-\]\+\$'/);
  });

  test('pattern: \\A and \\z anchor the whole text; an untranslatable pattern is skipped', () => {
    assert.deepEqual(schemaIds(checkWith(widget('  anchored: ab\n  weird: bbb\n'), [def])), []);
    assert.deepEqual(
      schemaIds(checkWith(widget('  anchored: abc\n'), [def])).map((f) => f.ruleId),
      ['schema-pattern'],
    );
  });

  test('pattern: (?i) inside a group, POSIX classes and named groups translate; a mixed-case (?i) is skipped', () => {
    const month = '^((?i)jan|feb)(?::((?i)jan|feb))?$';
    const special = crd({
      type: 'object',
      properties: {
        month: { type: 'string', pattern: month },
        word: { type: 'string', pattern: '^[[:alpha:]]+$' },
        named: { type: 'string', pattern: '^(?P<n>[0-9]+)$' },
        day: { type: 'string', pattern: '^((?i)mon|tues)day$' },
      },
    });
    assert.deepEqual(schemaIds(checkWith(widget('  month: JAN:feb\n  word: abc\n  named: "12"\n  day: MONDAY\n'), [special])), []);
    const text = widget('  month: mar\n  word: a1\n  named: x\n');
    assert.deepEqual(
      schemaIds(checkWith(text, [special])).map((f) => [f.ruleId, line(text, f)]),
      [
        ['schema-pattern', 5],
        ['schema-pattern', 6],
        ['schema-pattern', 7],
      ],
    );
  });

  test('length counts characters (runes), not bytes', () => {
    assert.deepEqual(
      schemaIds(checkWith(widget('  host: ééééé\n'), [def])).map((f) => f.ruleId),
      ['schema-pattern'],
    );
    assert.deepEqual(schemaIds(checkWith(widget('  host: abcde\n'), [def])), []);
    const text = widget('  host: abcdef\n');
    const [finding] = schemaIds(checkWith(text, [def]));
    assert.equal(finding.ruleId, 'schema-format');
    assert.match(finding.message, /at most 5 characters long, not 6/);
    assert.equal(schemaIds(checkWith(widget('  name: a\n'), [def]))[0].ruleId, 'schema-format');
  });

  test('formats: date-time, ipv4 and byte', () => {
    assert.deepEqual(schemaIds(checkWith(widget('  at: "2024-05-01T12:00:00Z"\n  ip: 10.0.0.1\n  blob: aGVsbG8=\n'), [def])), []);
    // Unquoted, YAML 1.1 reads a timestamp; Kubernetes decodes it as the JSON string it is.
    assert.deepEqual(schemaIds(checkWith(widget('  at: 2024-05-01T12:00:00Z\n'), [def])), []);
    const text = widget('  at: yesterday\n  ip: 10.0.0.256\n  blob: "not base64!"\n');
    const findings = schemaIds(checkWith(text, [def]));
    assert.deepEqual(
      findings.map((f) => [f.ruleId, line(text, f)]),
      [
        ['schema-format', 5],
        ['schema-format', 6],
        ['schema-format', 7],
      ],
    );
  });

  test('numbers: minimum/maximum, exclusive bounds and multipleOf', () => {
    assert.deepEqual(schemaIds(checkWith(widget('  replicas: 10\n  ratio: 0.5\n'), [def])), []);
    const findings = schemaIds(checkWith(widget('  replicas: 11\n  ratio: 0\n'), [def]));
    assert.deepEqual(
      findings.map((f) => f.message),
      ['spec.replicas must be at most 10, not 11', 'spec.ratio must be greater than 0, not 0'],
    );
    assert.match(schemaIds(checkWith(widget('  ratio: 0.7\n'), [def]))[0].message, /multiple of 0.5/);
  });

  test('item and property counts', () => {
    assert.deepEqual(schemaIds(checkWith(widget('  tags: [a, b]\n  labels: {a: b}\n'), [def])), []);
    const text = widget('  tags: [a, b, c]\n  labels: {}\n');
    const findings = schemaIds(checkWith(text, [def]));
    assert.deepEqual(
      findings.map((f) => [f.ruleId, textOf(text, f)]),
      [
        ['schema-format', 'tags'],
        ['schema-format', 'labels'],
      ],
    );
  });
});

describe('crd structural: list types and combinators', () => {
  const def = crd({
    type: 'object',
    properties: {
      names: { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } },
      ports: {
        type: 'array',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['port', 'protocol'],
        items: { type: 'object', required: ['port'], properties: { port: { type: 'integer' }, protocol: { type: 'string', default: 'TCP' } } },
      },
      match: {
        type: 'object',
        properties: { exact: { type: 'string' }, prefix: { type: 'string' }, regex: { type: 'string' } },
        oneOf: [
          { not: { anyOf: [{ required: ['exact'] }, { required: ['prefix'] }, { required: ['regex'] }] } },
          { required: ['exact'] },
          { required: ['prefix'] },
          { required: ['regex'] },
        ],
      },
      source: {
        type: 'object',
        properties: { configMap: { type: 'string' }, secret: { type: 'string' } },
        oneOf: [{ required: ['configMap'] }, { required: ['secret'] }],
      },
      selector: { type: 'object', properties: { name: { type: 'string' }, names: { type: 'array', items: { type: 'string' } } }, not: { required: ['name', 'names'] } },
    },
  });

  test('set: a repeated item is reported at the repeat', () => {
    assert.deepEqual(schemaIds(checkWith(widget('  names: [a, b]\n'), [def])), []);
    const text = widget('  names:\n  - a\n  - b\n  - a\n');
    const [finding] = schemaIds(checkWith(text, [def]));
    assert.equal(finding.ruleId, 'schema-format');
    assert.equal(line(text, finding), 8);
  });

  test('map: keys compare after defaulting (protocol defaults to TCP)', () => {
    assert.deepEqual(schemaIds(checkWith(widget('  ports:\n  - port: 80\n  - port: 80\n    protocol: UDP\n'), [def])), []);
    const text = widget('  ports:\n  - port: 80\n  - port: 80\n    protocol: TCP\n');
    const [finding, ...rest] = schemaIds(checkWith(text, [def]));
    assert.equal(rest.length, 0);
    assert.equal(finding.ruleId, 'schema-format');
    assert.equal(line(text, finding), 7);
    assert.match(finding.message, /repeats entry \[0\]/);
  });

  test('oneOf with a not-anyOf branch: at most one of the fields', () => {
    assert.deepEqual(schemaIds(checkWith(widget('  match: {}\n'), [def])), []);
    assert.deepEqual(schemaIds(checkWith(widget('  match: {exact: /a}\n'), [def])), []);
    const text = widget('  match:\n    exact: /a\n    prefix: /b\n');
    const [finding] = schemaIds(checkWith(text, [def]));
    assert.equal(finding.ruleId, 'schema-format');
    assert.match(finding.message, /sets "exact" and "prefix"; only one of them is allowed/);
    assert.equal(line(text, finding), 5);
  });

  test('oneOf of required fields: one must be set', () => {
    assert.deepEqual(schemaIds(checkWith(widget('  source: {secret: s}\n'), [def])), []);
    const [finding] = schemaIds(checkWith(widget('  source: {}\n'), [def]));
    assert.equal(finding.ruleId, 'schema-required');
    assert.match(finding.message, /must set one of "configMap" or "secret"/);
  });

  test('not: a forbidden combination', () => {
    assert.deepEqual(schemaIds(checkWith(widget('  selector: {name: a}\n'), [def])), []);
    const [finding] = schemaIds(checkWith(widget('  selector: {name: a, names: [b]}\n'), [def]));
    assert.match(finding.message, /must not set both "name" and "names"/);
  });
});

describe('crd structural: embedded resources', () => {
  const def = crd({ type: 'object', properties: { template: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true } } });

  test('an embedded built-in object is validated as that kind', () => {
    const text = widget('  template:\n    apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: c}\n    dat: {a: b}\n');
    const [finding, ...rest] = schemaIds(checkWith(text, [def]));
    assert.equal(rest.length, 0);
    assert.equal(finding.ruleId, 'schema-unknown-field');
    assert.deepEqual(finding.path, ['spec', 'template', 'dat']);
    assert.equal(line(text, finding), 9);
  });

  test('an embedded object of an unknown kind keeps its unknown fields', () => {
    assert.deepEqual(schemaIds(checkWith(widget('  template:\n    apiVersion: x.io/v1\n    kind: Thing\n    any: 1\n'), [def])), []);
  });
});

describe('crd versions: served and deprecated', () => {
  const schema = { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } } };
  const def = crd(
    {},
    {
      versions: [
        { name: 'v1alpha1', served: false, storage: false, schema },
        { name: 'v1beta1', served: true, storage: false, deprecated: true, deprecationWarning: 'example.com/v1beta1 Widget is deprecated; use example.com/v1', schema },
        { name: 'v1', served: true, storage: true, schema },
      ],
    },
  );
  const text = (version) => `apiVersion: example.com/${version}\nkind: Widget\nmetadata:\n  name: w\nspec: {}\n`;

  test('a version the CRD lists but does not serve, or does not list', () => {
    for (const version of ['v1alpha1', 'v2']) {
      const findings = schemaIds(checkWith(text(version), [def]));
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.path]),
        [['api-version-unknown', ['apiVersion']]],
      );
      assert.equal(findings[0].severity, 'error');
      assert.equal(findings[0].fixes[0].title, 'Use example.com/v1');
    }
  });

  test('a deprecated version warns with the CRD warning and offers the stored version', () => {
    const [finding] = schemaIds(checkWith(text('v1beta1'), [def]));
    assert.equal(finding.ruleId, 'api-version-deprecated');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.detail, /example.com\/v1beta1 Widget is deprecated; use example.com\/v1/);
    assert.equal(finding.fixes[0].title, 'Use example.com/v1');
    assert.deepEqual(schemaIds(checkWith(text('v1'), [def])), []);
  });

  test('a version the bundled catalog does not serve is a warning (the cluster may run another release)', () => {
    const text = 'apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: HTTPRoute\nmetadata:\n  name: r\nspec: {}\n';
    const [finding] = findingsOf(text, 'api-version-unknown');
    assert.equal(finding.severity, 'warning');
    assert.equal(textOf(text, finding), 'gateway.networking.k8s.io/v1alpha2');
    assert.equal(finding.fixes[0].title, 'Use gateway.networking.k8s.io/v1');
  });

  test('an unknown group stays silent', () => {
    assert.deepEqual(schemaIds(checkWith('apiVersion: nobody.example/v1\nkind: Gadget\nmetadata: {name: g}\nspec: {x: 1}\n', [def])), []);
  });
});

describe('crd lookup: workspace and catalog', () => {
  const route = yaml`
    apiVersion: gateway.networking.k8s.io/v1
    kind: HTTPRoute
    metadata:
      name: web
    spec:
      parentRefs:
      - name: gw
      rules:
      - backendRefs:
        - name: web
          weigth: 80
  `;

  test('the bundled catalog validates a custom resource', () => {
    const [finding] = findingsOf(route, 'schema-unknown-field');
    assert.equal(lineOf(route, finding), 10);
    assert.match(finding.message, /did you mean "weight"/);
  });

  test('the rename fix clears it', () => {
    assertFixClears(route, 'schema-unknown-field');
  });

  test('a workspace CRD takes precedence over the catalog', () => {
    const open = crd({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' });
    assert.deepEqual(schemaIds(checkWith(route, [open])), []);
  });

  test('every object of a multi-document file is checked', () => {
    const text = `${route}---\n${route.replace('weigth: 80', 'weight: 80')}---\n${route}`;
    const findings = findingsOf(text, 'schema-unknown-field');
    const third = 2 * (route.split('\n').length - 1 + 1);
    assert.deepEqual(
      findings.map((f) => lineOf(text, f)),
      [10, third + 10],
    );
  });

  test('an item of a List is checked at its place', () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n${route
      .split('\n')
      .filter(Boolean)
      .map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`))
      .join('\n')}\n`;
    const [finding] = findingsOf(text, 'schema-unknown-field');
    assert.deepEqual(finding.path, ['items', 0, 'spec', 'rules', 0, 'backendRefs', 0, 'weigth']);
  });

  test('a Deployment-like Pod template inside a custom resource (Argo Rollout) is validated by its schema', () => {
    const text = yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata:
        name: web
      spec:
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
            - name: web
              image: nginx:1.27
              imagePullPolicy: IfNotPresent
              bogus: 1
        strategy:
          canary:
            steps:
            - setWeight: 20
    `;
    const [finding] = findingsOf(text, 'schema-unknown-field');
    assert.equal(lineOf(text, finding), 15);
    assert.equal(finding.message, 'Unknown field "bogus" in container "web"');
  });

  test('a custom resource that lost its indentation gets one finding, as built-in kinds do', () => {
    const text = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\nname: a\nnamespace: b\nspec:\n  secretName: x\n  issuerRef: {name: i}\n';
    const findings = check(text).filter((f) => f.ruleId.startsWith('schema-'));
    assert.deepEqual(
      findings.map((f) => [f.ruleId, lineOf(text, f)]),
      [['schema-indentation-lost', 3]],
    );
  });

  test('the same schema applies whatever the target Kubernetes version', () => {
    for (const version of ['1.29', '1.36']) assert.equal(findingsOf(route, 'schema-unknown-field', { version }).length, 1);
  });
});
