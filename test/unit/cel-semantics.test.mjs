// The CEL evaluator's semantics, on small schemas: fieldPath, messageExpression, escaped property
// names, transition rules, defaults, numbers, the Kubernetes libraries, and silence on errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCel } from '../helpers/cel-bundle.mjs';

const cel = await loadCel();
// A generous clock: results must not depend on how busy the test machine is.
const OPTIONS = { kubernetesVersion: '1.33', budgetMs: 1e9 };

/** A root schema with `spec` holding the given properties and rules. */
function specSchema(properties, validations, extra = {}) {
  return {
    type: 'object',
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      spec: { type: 'object', properties, 'x-kubernetes-validations': validations, ...extra },
    },
  };
}

const resource = (spec) => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec });

/** Findings for one rule on `spec`. */
function run(properties, validation, spec, extra) {
  return cel.celFindings(specSchema(properties, [validation], extra), resource(spec), OPTIONS);
}

test('a false rule reports its message at the node; a true rule is silent', () => {
  const properties = { min: { type: 'integer' }, max: { type: 'integer' } };
  const rule = { rule: 'self.min <= self.max', message: 'min must not exceed max' };
  const findings = run(properties, rule, { min: 5, max: 3 });
  assert.equal(findings.length, 1);
  assert.equal(findings[0].ruleId, 'schema-cel');
  assert.equal(findings[0].message, 'min must not exceed max');
  assert.deepEqual(findings[0].path, ['spec']);
  assert.equal(findings[0].target, 'key');
  assert.match(findings[0].detail, /self\.min <= self\.max/);
  assert.deepEqual(run(properties, rule, { min: 3, max: 3 }), []);
});

test('without message the default is "failed rule: <rule>"; long messages are cut to 100 characters', () => {
  const properties = { a: { type: 'string' } };
  assert.equal(run(properties, { rule: "self.a == 'x'" }, { a: 'y' })[0].message, "failed rule: self.a == 'x'");
  const long = 'word '.repeat(40).trim();
  const finding = run(properties, { rule: "self.a == 'x'", message: long }, { a: 'y' })[0];
  assert.ok(finding.message.length <= 100);
  assert.ok(finding.detail.includes(long));
});

test('messageExpression is evaluated; a failing or blank one falls back to message', () => {
  const properties = { replicas: { type: 'integer' } };
  const base = { rule: 'self.replicas <= 5', message: 'too many replicas' };
  assert.equal(run(properties, { ...base, messageExpression: "'replicas is ' + string(self.replicas) + ', at most 5'" }, { replicas: 7 })[0].message, 'replicas is 7, at most 5');
  assert.equal(run(properties, { ...base, messageExpression: 'self.missing' }, { replicas: 7 })[0].message, 'too many replicas');
  assert.equal(run(properties, { ...base, messageExpression: "' '" }, { replicas: 7 })[0].message, 'too many replicas');
});

test('fieldPath moves the finding to the field it names, relative to the rule node', () => {
  const properties = { ports: { type: 'array', items: { type: 'integer' } }, labels: { type: 'object', additionalProperties: { type: 'string' } } };
  const onPort = run(properties, { rule: 'self.ports.all(p, p > 0)', fieldPath: '.ports[1]', message: 'bad port' }, { ports: [80, 0] })[0];
  assert.deepEqual(onPort.path, ['spec', 'ports', 1]);
  assert.equal(onPort.target, 'value');
  const onLabel = run(
    properties,
    { rule: "!('app.kubernetes.io/name' in self.labels)", fieldPath: ".labels['app.kubernetes.io/name']" },
    { labels: { 'app.kubernetes.io/name': 'x' } },
  )[0];
  assert.deepEqual(onLabel.path, ['spec', 'labels', 'app.kubernetes.io/name']);
  const invalid = run(properties, { rule: 'false', fieldPath: 'ports[' }, { ports: [] })[0];
  assert.deepEqual(invalid.path, ['spec']);
});

test('reason is named in the detail', () => {
  const finding = run({ a: { type: 'string' } }, { rule: 'has(self.a)', reason: 'FieldValueRequired', message: 'a is required' }, {})[0];
  assert.match(finding.detail, /FieldValueRequired/);
});

test('escaped property names: __dash__, __dot__, __slash__, __underscores__ and keywords', () => {
  const properties = {
    'max-size': { type: 'integer' },
    'a.b': { type: 'string' },
    'x/y': { type: 'string' },
    my__field: { type: 'string' },
    namespace: { type: 'string' },
    in: { type: 'string' },
  };
  const spec = { 'max-size': 3, 'a.b': 'dot', 'x/y': 'slash', my__field: 'u', namespace: 'ns', in: 'kw' };
  const rules = [
    'self.max__dash__size == 3',
    "self.a__dot__b == 'dot'",
    "self.x__slash__y == 'slash'",
    "self.my__underscores__field == 'u'",
    "self.__namespace__ == 'ns'",
    "self.__in__ == 'kw'",
  ];
  for (const rule of rules) {
    assert.deepEqual(run(properties, { rule }, spec), [], rule);
    assert.equal(run(properties, { rule: `!(${rule})` }, spec).length, 1, rule);
  }
});

test('transition rules (oldSelf) are skipped on create', () => {
  const findings = run({ a: { type: 'string' } }, { rule: 'self.a == oldSelf.a', message: 'immutable' }, { a: 'x' });
  assert.deepEqual(findings, []);
  assert.equal(cel.lastCelCounters().skippedTransition, 1);
});

test('rules on absent fields are not evaluated; null on a non-nullable field is absent', () => {
  const properties = { inner: { type: 'object', properties: { a: { type: 'string' } }, 'x-kubernetes-validations': [{ rule: 'false', message: 'never' }] } };
  const schema = specSchema(properties, []);
  assert.deepEqual(cel.celFindings(schema, resource({}), OPTIONS), []);
  assert.deepEqual(cel.celFindings(schema, resource({ inner: null }), OPTIONS), []);
  assert.equal(cel.celFindings(schema, resource({ inner: {} }), OPTIONS).length, 1);
});

test('defaults are applied before rules run, as the API server does', () => {
  const properties = { mode: { type: 'string', default: 'Terminate' }, certs: { type: 'array', items: { type: 'string' } } };
  const rule = { rule: "self.mode == 'Terminate' ? has(self.certs) : true", message: 'certs required' };
  assert.equal(run(properties, rule, {}).length, 1);
  assert.deepEqual(run(properties, rule, { mode: 'Passthrough' }), []);
});

test('integers are CEL int, numbers double, int-or-string either', () => {
  const properties = { count: { type: 'integer' }, ratio: { type: 'number' }, port: { 'x-kubernetes-int-or-string': true } };
  assert.deepEqual(run(properties, { rule: 'type(self.count) == int && self.count / 2 == 1' }, { count: 3 }), []);
  assert.deepEqual(run(properties, { rule: 'type(self.ratio) == double' }, { ratio: 1 }), []);
  assert.deepEqual(run(properties, { rule: 'type(self.port) == int' }, { port: 8080 }), []);
  assert.deepEqual(run(properties, { rule: 'type(self.port) == string' }, { port: 'http' }), []);
});

test('runtime errors and compile errors stay silent', () => {
  const properties = { a: { type: 'string' } };
  assert.deepEqual(run(properties, { rule: 'self.b == 1' }, { a: 'x' }), []);
  assert.equal(cel.lastCelCounters().runtimeErrors, 1);
  assert.deepEqual(run(properties, { rule: 'self.a ==' }, { a: 'x' }), []);
  assert.deepEqual(run(properties, { rule: 'noSuchFunction(self.a)' }, { a: 'x' }), []);
  assert.equal(cel.compileRule('noSuchFunction(self.a)').ok, false);
  assert.equal(cel.compileRule('unknownVariable == 1').ok, false);
});

test('a resource root sees apiVersion, kind and metadata.name; status rules do not run', () => {
  const schema = {
    type: 'object',
    properties: { metadata: { type: 'object' }, spec: { type: 'object' }, status: { type: 'object', 'x-kubernetes-validations': [{ rule: 'false' }] } },
    'x-kubernetes-validations': [{ rule: "self.metadata.name.startsWith('web-')", message: 'name must start with web-' }],
  };
  const findings = cel.celFindings(schema, { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'api' }, spec: {}, status: {} }, OPTIONS);
  assert.deepEqual(
    findings.map((finding) => [finding.message, finding.path]),
    [['name must start with web-', []]],
  );
});

test('rules on list items and map values run once per element', () => {
  const properties = {
    items: { type: 'array', items: { type: 'string', 'x-kubernetes-validations': [{ rule: "self != '*'", message: 'no wildcard' }] } },
    labels: { type: 'object', additionalProperties: { type: 'string', 'x-kubernetes-validations': [{ rule: "!self.contains('*')", message: 'no wildcard value' }] } },
  };
  const findings = cel.celFindings(specSchema(properties, []), resource({ items: ['a', '*', '*'], labels: { ok: 'v', bad: 'v*' } }), OPTIONS);
  assert.deepEqual(
    findings.map((finding) => finding.path),
    [
      ['spec', 'items', 1],
      ['spec', 'items', 2],
      ['spec', 'labels', 'bad'],
    ],
  );
});

/** Evaluates an expression with `self` = a string field's value: true, false or 'error'. */
function evaluate(expression, value = '') {
  const schema = { type: 'object', properties: { v: { type: 'string', 'x-kubernetes-validations': [{ rule: expression }] } } };
  const findings = cel.celFindings(schema, { v: value }, OPTIONS);
  if (findings.length > 0) return false;
  return cel.lastCelCounters().runtimeErrors > 0 ? 'error' : true;
}

test('strings library', () => {
  for (const expression of [
    "'a,b,c'.split(',') == ['a', 'b', 'c']",
    "'ABC'.lowerAscii() == 'abc'",
    "'abc'.upperAscii() == 'ABC'",
    "'a-b'.replace('-', '_') == 'a_b'",
    "'  x '.trim() == 'x'",
    "['a', 'b'].join('/') == 'a/b'",
    "'hello'.indexOf('l') == 2",
    "'hello'.lastIndexOf('l') == 3",
    "'hello'.substring(1, 3) == 'el'",
    "'hello'.charAt(1) == 'e'",
    "'%s-%d'.format(['a', 1]) == 'a-1'",
  ])
    assert.equal(evaluate(expression), true, expression);
});

test('lists library', () => {
  for (const expression of [
    '[1, 2, 3].isSorted()',
    '![3, 1].isSorted()',
    '[1, 2, 3].sum() == 6',
    '[1.5, 2.5].sum() == 4.0',
    '[3, 1, 2].min() == 1',
    "['b', 'a'].max() == 'b'",
    "['a', 'b', 'a'].indexOf('a') == 0",
    "['a', 'b', 'a'].lastIndexOf('a') == 2",
    '[1, 2].indexOf(5) == -1',
  ])
    assert.equal(evaluate(expression), true, expression);
  assert.equal(evaluate('[].min() == 0'), 'error');
});

test('regex library: matches (RE2 with (?i)), find, findAll', () => {
  for (const expression of [
    "'ABC'.matches('(?i)^abc$')",
    "'abc123def'.find('[0-9]+') == '123'",
    "'abc'.find('[0-9]+') == ''",
    "'a1b22c333'.findAll('[0-9]+') == ['1', '22', '333']",
    "'a1b22c333'.findAll('[0-9]+', 2) == ['1', '22']",
  ])
    assert.equal(evaluate(expression), true, expression);
  assert.equal(evaluate("'aaaa'.find('(a+)+b') == ''"), true, 'no match: RE2 answers before any backtracking engine runs');
  assert.equal(evaluate("'aaab'.find('(a+)+b') == 'aaab'"), 'error', 'nested quantifiers are not located offline');
});

test('URL library', () => {
  for (const expression of [
    "url('https://example.com:8443/a%20b?x=1&x=2&y').getScheme() == 'https'",
    "url('https://example.com:8443/a').getHost() == 'example.com:8443'",
    "url('https://example.com:8443/a').getHostname() == 'example.com'",
    "url('https://[::1]:80/').getHostname() == '::1'",
    "url('https://example.com:8443/a').getPort() == '8443'",
    "url('https://example.com/a%20b').getEscapedPath() == '/a%20b'",
    "url('https://example.com/?x=1&x=2&y').getQuery() == {'x': ['1', '2'], 'y': ['']}",
    "url('/just/a/path').getScheme() == ''",
    "isURL('https://example.com')",
    "!isURL('example.com')",
    "!isURL('https://exa mple.com')",
    "!isURL('https://example.com:port')",
  ])
    assert.equal(evaluate(expression), true, expression);
  assert.equal(evaluate("url('not a url').getScheme() == ''"), 'error');
});

test('IP and CIDR libraries', () => {
  for (const expression of [
    "isIP('10.0.0.1')",
    "isIP('2001:db8::1')",
    "!isIP('010.0.0.1')",
    "!isIP('::ffff:10.0.0.1')",
    "!isIP('fe80::1%eth0')",
    "ip('10.0.0.1').family() == 4",
    "ip('::1').family() == 6",
    "ip('127.0.0.1').isLoopback()",
    "ip('0.0.0.0').isUnspecified()",
    "ip('fe80::1').isLinkLocalUnicast()",
    "ip('224.0.0.1').isLinkLocalMulticast()",
    "ip('8.8.8.8').isGlobalUnicast()",
    "ip.isCanonical('2001:db8::1')",
    "!ip.isCanonical('2001:DB8:0:0:0:0:0:1')",
    "string(ip('2001:DB8:0:0:0:0:0:1')) == '2001:db8::1'",
    "isCIDR('10.0.0.0/8')",
    "!isCIDR('10.0.0.0/33')",
    "cidr('10.0.0.0/8').containsIP('10.1.2.3')",
    "!cidr('10.0.0.0/8').containsIP(ip('11.0.0.1'))",
    "cidr('10.0.0.0/8').containsCIDR('10.1.0.0/16')",
    "!cidr('10.1.0.0/16').containsCIDR(cidr('10.0.0.0/8'))",
    "cidr('10.1.2.3/8').prefixLength() == 8",
    "string(cidr('10.1.2.3/8').masked()) == '10.0.0.0/8'",
    "cidr('10.1.2.3/8').ip() == ip('10.1.2.3')",
  ])
    assert.equal(evaluate(expression), true, expression);
  assert.equal(evaluate("ip('nope').family() == 4"), 'error');
});

test('quantity library', () => {
  for (const expression of [
    "isQuantity('500m')",
    "!isQuantity('5 Gi')",
    "quantity('500m').isLessThan(quantity('1'))",
    "quantity('1Gi').isGreaterThan(quantity('1G'))",
    "quantity('1k').compareTo(quantity('1000')) == 0",
    "quantity('2Ki').asInteger() == 2048",
    "quantity('1.5').asApproximateFloat() == 1.5",
    "!quantity('1.5').isInteger()",
    "quantity('-1').sign() == -1",
    "quantity('1').add(quantity('500m')).compareTo(quantity('1.5')) == 0",
    "quantity('1').sub(1).compareTo(quantity('0')) == 0",
  ])
    assert.equal(evaluate(expression), true, expression);
  assert.equal(evaluate("quantity('1.5').asInteger() == 1"), 'error');
});

test('format library: validate returns an optional list of errors', () => {
  for (const expression of [
    "!format.dns1123Label().validate('web-1').hasValue()",
    "format.dns1123Label().validate('Web_1').hasValue()",
    "format.dns1123Subdomain().validate('a..b').value().size() > 0",
    "!format.qualifiedName().validate('example.com/name').hasValue()",
    "!format.uuid().validate('123e4567-e89b-12d3-a456-426614174000').hasValue()",
    "format.dns1035Label().validate('1abc').orValue([]).size() > 0",
    "format.labelValue().validate('ok').orValue(['none']) == ['none']",
  ])
    assert.equal(evaluate(expression), true, expression);
});

test('standard functions: duration, has on nested list elements, size, int', () => {
  for (const expression of [
    "duration('1h30m') > duration('90s')",
    "duration('10ms') >= duration('1ms')",
    'has({"a": [{"path": 1}]}.a[0].path)',
    "size('abc') == 3 && int('42') == 42",
    '[1, 2, 3].exists_one(x, x == 2) && [1, 2].all(x, x > 0) && [1, 2].filter(x, x > 1).size() == 1',
    '[1, 2].map(x, x * 2) == [2, 4]',
  ])
    assert.equal(evaluate(expression), true, expression);
});

test('sets and semver libraries', () => {
  for (const expression of [
    'sets.contains([1, 2, 3], [2, 3])',
    '!sets.contains([1], [2])',
    'sets.equivalent([1, 2], [2, 1, 1])',
    "sets.intersects(['a', 'b'], ['b', 'c'])",
    "isSemver('1.2.3-rc.1+build.5')",
    "!isSemver('v1.2')",
    "isSemver('v1.2', true)",
    "semver('1.2.3').major() == 1 && semver('1.2.3').minor() == 2 && semver('1.2.3').patch() == 3",
    "semver('1.2.3').isLessThan(semver('1.10.0'))",
    "semver('1.0.0-rc.1').isLessThan(semver('1.0.0'))",
    "semver('1.0.0-alpha').isLessThan(semver('1.0.0-alpha.1'))",
    "semver('2.0.0').compareTo(semver('2.0.0+build')) == 0",
  ])
    assert.equal(evaluate(expression), true, expression);
});

test('syntax the bundled parser lacks (optional `.?`, two-variable comprehensions) does not compile: silent, counted', () => {
  for (const expression of ['self.?x.orValue(1) == 1', "{'a': 1}.all(k, v, v > 0)"]) {
    assert.equal(cel.compileRule(expression).ok, false, expression);
    assert.deepEqual(run({ a: { type: 'string' } }, { rule: expression }, { a: 'x' }), []);
    assert.equal(cel.lastCelCounters().compileFailures, 1);
  }
});

test('cost limits: a nested loop over a long list is skipped, not run; the clock stops the rest', () => {
  const properties = { names: { type: 'array', items: { type: 'string' } } };
  const names = Array.from({ length: 2000 }, (_, index) => `n${index}`);
  const unique = { rule: 'self.names.all(a, self.names.exists_one(b, a == b))', message: 'names must be unique' };
  assert.deepEqual(run(properties, unique, { names: [...names, 'n0'] }), []);
  assert.equal(cel.lastCelCounters().skippedCost, 1);
  assert.equal(cel.lastCelCounters().evaluations, 0);
  // The same rule on a short list runs (and finds the duplicate).
  assert.equal(run(properties, unique, { names: ['a', 'b', 'a'] }).length, 1);
  // With no time left, nothing is evaluated.
  const schema = specSchema(properties, [unique]);
  assert.deepEqual(cel.celFindings(schema, resource({ names: ['a', 'a'] }), { kubernetesVersion: '1.33', budgetMs: 0 }), []);
  assert.equal(cel.lastCelCounters().deadlineStops, 1);
});

test('the object step budget caps the rules of one object together', () => {
  // 1,000 list items, each with a rule reading a 40,000-character string: each alone is allowed.
  const properties = { items: { type: 'array', items: { type: 'string', 'x-kubernetes-validations': [{ rule: "self.contains('zz')", message: 'no zz' }] } } };
  const long = 'a'.repeat(40_000);
  run(properties, { rule: 'true' }, { items: Array.from({ length: 1000 }, () => long) });
  const counters = cel.lastCelCounters();
  assert.ok(counters.skippedObjectBudget > 0, JSON.stringify(counters));
  assert.ok(counters.totalCost <= cel.OBJECT_STEP_BUDGET);
});

test('find locates matches of everyday patterns (optional groups with inner repetition)', () => {
  assert.equal(evaluate("'Web web-1 now'.find('[a-z0-9]([-a-z0-9]*[a-z0-9])?') == 'eb'"), true);
  assert.equal(evaluate("'id: ab-12'.find('[a-z]+-[0-9]+') == 'ab-12'"), true);
  // A repeated group that repeats inside is not located offline (conservative): an error, so silent.
  assert.equal(evaluate("'x web-1.example.com'.find('[a-z0-9-]+(\\\\.[a-z0-9-]+)+') == 'web-1.example.com'"), 'error');
});
