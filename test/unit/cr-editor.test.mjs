// Custom resources in the editor (issue #15 part 4): completion and hover from the CRD's structural
// schema (bundled catalog or a CRD of the run), outline entries, and no built-in facts for a
// custom kind that shares a built-in kind's name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeAt, hoverAt, documentSymbols, inlayHints, FileAnalyzer } from '../../dist/server/engine.js';
import { yaml } from '../helpers/engine.mjs';

/** Completion at the `‸` marker (removed from the text). */
function complete(textWithCursor, version = '1.36') {
  const offset = textWithCursor.indexOf('‸');
  assert.ok(offset >= 0, 'no ‸ cursor marker');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return completeAt(text, offset, version);
}
const labels = (items) => items.map((item) => item.label);

/** Hover on the `n`th occurrence (0-based) of `needle`, one character in. */
function hover(text, needle, n = 0, version = '1.36') {
  let index = -1;
  for (let i = 0; i <= n; i += 1) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `no ${needle} in the text`);
  return hoverAt(text, index + 1, { version })?.markdown;
}

const ROUTE = (tail) => yaml`
  apiVersion: gateway.networking.k8s.io/v1
  kind: HTTPRoute
  metadata:
    name: web
  spec:
    parentRefs:
      - name: gateway
    rules:
      - matches:
          - path:
              type: PathPrefix
              value: /api
  ${tail}
`;

describe('completion in a custom resource', () => {
  it("offers the HTTPRoute's spec keys from the catalog schema, without those already there", () => {
    const text = yaml`
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: web
      spec:
        parentRefs:
          - name: gateway
        ‸
    `;
    const items = complete(text);
    const keys = labels(items);
    assert.ok(keys.includes('hostnames'), keys.join(','));
    assert.ok(keys.includes('rules'), keys.join(','));
    assert.ok(!keys.includes('parentRefs'), 'a key already there is not offered again');
    const hostnames = items.find((item) => item.label === 'hostnames');
    assert.equal(hostnames.detail.startsWith('[]string'), true, hostnames.detail);
    assert.match(hostnames.insertText, /^hostnames:\n {2}- /);
  });

  it('offers root keys with apiVersion/kind required and no status', () => {
    const text = yaml`
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      ‸
    `;
    const keys = labels(complete(text));
    assert.ok(keys.includes('spec') && keys.includes('metadata'), keys.join(','));
    assert.ok(!keys.includes('status'));
  });

  it('offers enum values for a path match type, and the enum as a snippet choice for the key', () => {
    const values = labels(complete(ROUTE('').replace('type: PathPrefix', 'type: ‸')));
    assert.deepEqual([...values].sort(), ['Exact', 'PathPrefix', 'RegularExpression']);
    const keyed = complete(ROUTE('').replace(/( *)type: PathPrefix\n/, (line, indent) => `${indent}‸\n`));
    const type = keyed.find((item) => item.label === 'type');
    assert.ok(type, labels(keyed).join(','));
    assert.match(type.insertText, /\$\{1\|Exact,PathPrefix,RegularExpression\|\}/);
    assert.match(type.detail, /default PathPrefix/);
  });

  it('offers CRD kinds under a CRD apiVersion, and CRD apiVersions for a custom kind', () => {
    const kinds = labels(complete('apiVersion: argoproj.io/v1alpha1\nkind: ‸\n'));
    assert.ok(kinds.includes('Rollout') && kinds.includes('AnalysisTemplate'), kinds.join(','));
    const apiVersions = labels(complete('apiVersion: ‸\nkind: HTTPRoute\n'));
    assert.ok(apiVersions.includes('gateway.networking.k8s.io/v1'), apiVersions.join(','));
    const builtIn = labels(complete('apiVersion: ‸\nkind: Deployment\n'));
    assert.ok(builtIn.includes('apps/v1') && !builtIn.some((value) => value.includes('argoproj')), builtIn.join(','));
  });

  it('metadata keys come from ObjectMeta, as for any object', () => {
    const text = yaml`
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: web
        ‸
    `;
    const keys = labels(complete(text));
    assert.ok(keys.includes('labels') && keys.includes('namespace'), keys.join(','));
  });

  it('a CRD of the run (workspace) defines the schema of a kind the catalog does not know', () => {
    const runObjects = [{ filePath: '/repo/crds.yaml', apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name: 'widgets.example.com', object: WIDGET_CRD }];
    const text = 'apiVersion: example.com/v1\nkind: Widget\nspec:\n  \n';
    const offset = text.indexOf('  \n') + 2;
    const snapshot = new FileAnalyzer().snapshot(text, { kubernetesVersion: '1.36', runObjects, filePath: '/repo/widget.yaml' });
    const items = completeAt(snapshot, offset, '1.36');
    assert.deepEqual(labels(items), ['size', 'color']);
    assert.equal(items[0].required, true);
    const hovered = hoverAt(snapshot, text.indexOf('spec') + 1, { version: '1.36' })?.markdown ?? '';
    assert.match(hovered, /\*\*spec\*\* · object/);
    assert.match(hovered, /workspace/);
    const old = 'apiVersion: example.com/v1alpha1\nkind: Widget\n';
    const oldSnapshot = new FileAnalyzer().snapshot(old, { kubernetesVersion: '1.36', runObjects, filePath: '/repo/widget.yaml' });
    const versions = hoverAt(oldSnapshot, 1, { version: '1.36' })?.markdown ?? '';
    assert.match(versions, /Widget versions in the workspace CRD \(example\.com\): \*\*`v1alpha1`\*\* \(deprecated\) · `v1` \(stored\)/);
    assert.match(versions, /Deprecation warning: example\.com\/v1alpha1 Widget is deprecated; use v1/);
  });
});

/** A CRD of another file of the run, as the run-object collector holds it. */
const WIDGET_CRD = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    names: { kind: 'Widget', plural: 'widgets' },
    scope: 'Namespaced',
    versions: [
      {
        name: 'v1alpha1',
        served: true,
        storage: false,
        deprecated: true,
        deprecationWarning: 'example.com/v1alpha1 Widget is deprecated; use v1',
        schema: { openAPIV3Schema: { type: 'object' } },
      },
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: { spec: { type: 'object', required: ['size'], properties: { size: { type: 'string', enum: ['small', 'large'] }, color: { type: 'string' } } } },
          },
        },
      },
    ],
  },
};

describe('hover in a custom resource', () => {
  it('shows type, enum and default of an HTTPRoute path match type', () => {
    const markdown = hover(ROUTE(''), 'type:');
    assert.ok(markdown, 'expected a hover');
    assert.match(markdown, /\*\*type\*\* · string · optional/);
    assert.match(markdown, /Values: `Exact` \| `PathPrefix` \| `RegularExpression`/);
    assert.match(markdown, /Default: `PathPrefix`/);
    assert.match(markdown, /HTTPRoute CRD/);
  });

  it("shows the CEL rules' messages declared on a node, and bounds", () => {
    const markdown = hover(ROUTE(''), 'path:');
    assert.ok(markdown);
    assert.match(markdown, /Rules:\n- value must be an absolute path/);
    const value = hover(ROUTE(''), 'value:');
    assert.match(value, /Length ≤ 1024/);
  });

  it('metadata fields get the ObjectMeta facts', () => {
    const markdown = hover(ROUTE(''), 'name: web');
    assert.match(markdown ?? '', /\*\*name\*\* · string/);
  });

  it('a Knative Service field gets no core Service facts', () => {
    const text = yaml`
      apiVersion: serving.knative.dev/v1
      kind: Service
      metadata:
        name: hello
      spec:
        template:
          spec:
            containers:
              - image: ghcr.io/knative/helloworld-go:1.0
    `;
    const markdown = hover(text, 'template:') ?? '';
    assert.match(markdown, /\*\*template\*\* · object/);
    assert.match(markdown, /Service CRD \(serving\.knative\.dev\/v1/);
    // Not the core Service's apiVersion note, nor a kubelet-default note Knative does not follow.
    assert.doesNotMatch(hover(text, 'apiVersion') ?? '', /not served by Kubernetes/);
  });

  it('a Knative template field gets no kubelet-default notes or timelines (Knative sets its own)', () => {
    const text = yaml`
      apiVersion: serving.knative.dev/v1
      kind: Service
      metadata:
        name: hello
      spec:
        template:
          spec:
            timeoutSeconds: 300
            containers:
              - image: ghcr.io/knative/helloworld-go:1.0
                readinessProbe:
                  periodSeconds: 0
    `;
    const timeout = hover(text, 'timeoutSeconds') ?? '';
    assert.doesNotMatch(timeout, /single check/);
    const period = hover(text, 'periodSeconds') ?? '';
    assert.match(period, /\*\*periodSeconds\*\* · integer/);
    assert.doesNotMatch(period, /means 10|timeline/);
  });

  it("a probe in a Rollout's Pod template gets the CRD's facts, our note and the probe timeline", () => {
    const text = yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata:
        name: api
      spec:
        template:
          spec:
            containers:
              - name: api
                image: nginx:1.27
                livenessProbe:
                  httpGet: {path: /healthz, port: 8080}
    `;
    const markdown = hover(text, 'livenessProbe') ?? '';
    assert.match(markdown, /\*\*livenessProbe\*\* · object · optional/);
    assert.match(markdown, /Restarts the container/);
    assert.match(markdown, /Rollout CRD/);
  });

  it('a custom kind without a CRD gets no field hover', () => {
    const text = 'apiVersion: example.org/v1\nkind: Unknown\nspec:\n  size: 3\n';
    assert.equal(hover(text, 'size'), undefined);
  });
});

describe('outline of custom resources', () => {
  it('lists a custom resource like a built-in object, and a Rollout with its containers', () => {
    const text = yaml`
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: web
      spec:
        parentRefs:
          - name: gateway
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata:
        name: api
      spec:
        template:
          metadata:
            labels: {app: api}
          spec:
            containers:
              - name: api
                image: nginx:1.27
    `;
    const symbols = documentSymbols(text);
    assert.deepEqual(
      symbols.map((symbol) => [symbol.name, symbol.detail]),
      [
        ['HTTPRoute/web', 'gateway.networking.k8s.io/v1'],
        ['Rollout/api', 'argoproj.io/v1alpha1'],
      ],
    );
    assert.deepEqual(
      symbols[1].children.map((child) => child.name),
      ['api'],
    );
  });
});

describe('inlay hints in custom Pod templates', () => {
  it("a Rollout's template gets the API server's defaults; a Knative template (own defaults) gets none", () => {
    const rollout = yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata:
        name: api
      spec:
        template:
          spec:
            containers:
              - name: api
                image: nginx:1.27
    `;
    assert.ok(
      inlayHints(rollout).some((hint) => hint.label === 'grace 30s'),
      JSON.stringify(inlayHints(rollout)),
    );
    const knative = rollout.replace('argoproj.io/v1alpha1', 'serving.knative.dev/v1').replace('kind: Rollout', 'kind: Service');
    assert.deepEqual(inlayHints(knative), []);
  });
});
