// A custom resource in the real editor: a Gateway API HTTPRoute that breaks one of its CRD's CEL
// rules (x-kubernetes-validations, evaluated offline from the bundled catalog and the lazily loaded
// CEL chunk) shows the CRD's own message on the field the rule sits on, as the API server would
// report it. Fixture: test/e2e/workspace/custom-resources/httproute.yaml.
'use strict';

const assert = require('assert');
const { test } = require('./harness');
const h = require('./vscode-helpers');

test("an HTTPRoute that breaks a CEL rule: the CRD's message at spec.rules[1].matches[0].path", async () => {
  const { uri } = await h.open('custom-resources/httproute.yaml');
  await h.activate();
  const diags = await h.waitForDiagnostics(uri, h.has('schema-cel'), 'a schema-cel finding');
  const cel = h.single(diags, 'schema-cel');
  assert.strictEqual(cel.message, "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']");
  assert.strictEqual(cel.severity, 0 /* Error */);
  // The second match's `path:` key (0-based line 18), not the first one's, which starts with "/".
  assert.strictEqual(cel.range.start.line, 18);
  assert.strictEqual(cel.range.start.character, 6);
  assert.deepStrictEqual(
    diags.map((d) => h.codeOf(d)),
    ['schema-cel'],
    'nothing else on a route that is otherwise valid',
  );
});
