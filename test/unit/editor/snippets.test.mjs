// Every snippet, expanded with its defaults, is a manifest our own rules find nothing wrong with
// (no finding of any severity) at the default Kubernetes version and the oldest supported one.
// Fragments (probe blocks, init containers, a preStop block, a container, a volume) are placed
// into a full Pod at the indentation the editor would give them before checking. The snippets
// are offered by the language server's completion (snippets.ts), not contributed to VS Code.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeText, completeAt, DEFAULT_VERSION, SUPPORTED_VERSIONS } from '../../../dist/server/engine.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const snippets = JSON.parse(readFileSync(join(root, 'snippets', 'kubernetes.code-snippets.json'), 'utf8'));
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** The default version and the oldest supported one. */
const VERSIONS = [...new Set([DEFAULT_VERSION, SUPPORTED_VERSIONS[0]])];

/**
 * Expands a VS Code snippet body with its defaults: `${1:default}` (nested placeholders too),
 * `${1|a,b|}` (first choice), `$1` / `${1}` mirrors, `$0`, and the escapes `\$`, `\}`, `\\`.
 */
export function expandSnippet(body) {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const values = new Map();
  let pos = 0;
  const parse = (stopAtBrace) => {
    let out = '';
    while (pos < text.length) {
      const char = text[pos];
      if (char === '\\' && pos + 1 < text.length && '$}\\,|'.includes(text[pos + 1])) {
        out += text[pos + 1];
        pos += 2;
      } else if (stopAtBrace && char === '}') {
        return out;
      } else if (char === '$') {
        out += parseDollar();
      } else {
        out += char;
        pos += 1;
      }
    }
    assert.ok(!stopAtBrace, 'unterminated ${…} in snippet');
    return out;
  };
  const parseDollar = () => {
    const simple = /^\$(\d+)/.exec(text.slice(pos));
    if (simple) {
      pos += simple[0].length;
      return Number(simple[1]) === 0 ? '' : mirror(Number(simple[1]));
    }
    const open = /^\$\{(\d+)(:|\||\})/.exec(text.slice(pos));
    assert.ok(open, `unsupported $ at ${pos}: ${text.slice(pos, pos + 20)}`);
    const index = Number(open[1]);
    pos += open[0].length;
    if (open[2] === '}') return mirror(index);
    if (open[2] === '|') {
      const end = text.indexOf('|}', pos);
      const choices = text.slice(pos, end).split(',');
      pos = end + 2;
      values.set(index, values.get(index) ?? choices[0]);
      return values.get(index);
    }
    const value = parse(true);
    pos += 1;
    if (!values.has(index)) values.set(index, value);
    return values.get(index);
  };
  // Mirrors may precede their placeholder in the text; resolve them after a first pass.
  const mirror = (index) => `\u0000${index}\u0000`;
  let result = parse(false);
  for (let round = 0; round < 5 && result.includes('\u0000'); round += 1) {
    result = result.replace(/\u0000(\d+)\u0000/g, (_, index) => {
      assert.ok(values.has(Number(index)), `$${index} mirrors a tab stop without a default`);
      return values.get(Number(index));
    });
  }
  return result;
}

const indent = (text, spaces) =>
  text
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : ' '.repeat(spaces) + line))
    .join('\n');

/** A Pod to hold a fragment; the fragment replaces the marker at the given indentation. */
const CONTAINER_HOST = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: host',
  '  labels:',
  '    app: host',
  'spec:',
  '  containers:',
  '    - name: main',
  '      image: nginx:1.27',
  '      ports:',
  '        - name: http',
  '          containerPort: 8080',
  '        - name: grpc',
  '          containerPort: 9090',
  '@@CONTAINER@@',
  '      resources:',
  '        requests:',
  '          cpu: 100m',
  '          memory: 64Mi',
  '        limits:',
  '          memory: 64Mi',
  '@@CONTAINERS@@',
  '@@SPEC@@',
  '',
].join('\n');

/** Where a fragment goes in the host, by the snippet's `context`, and at which indentation. */
const PLACES = {
  container: { marker: '@@CONTAINER@@', indent: 6 },
  containers: { marker: '@@CONTAINERS@@', indent: 4 },
  'pod-spec': { marker: '@@SPEC@@', indent: 2 },
  volumes: { marker: '@@SPEC@@', indent: 2, wrap: (fragment) => `volumes:\n${fragment}` },
};

function manifestFor(snippet, expanded) {
  const place = PLACES[snippet.context];
  if (!place) return expanded;
  const fragment = expanded.replace(/\n+$/, '');
  let host = CONTAINER_HOST;
  for (const marker of ['@@CONTAINER@@', '@@CONTAINERS@@', '@@SPEC@@']) {
    const text = marker === place.marker ? `${indent(place.wrap ? place.wrap(fragment) : fragment, place.indent)}\n` : '';
    host = host.replace(`${marker}\n`, text);
  }
  return host;
}

describe('snippets', () => {
  it('are not contributed to VS Code statically: the language server offers them where they fit', () => {
    assert.equal(packageJson.contributes.snippets, undefined);
  });

  it('each has a known context', () => {
    for (const [name, snippet] of Object.entries(snippets)) {
      assert.ok(['document', 'pod-spec', 'container', 'containers', 'volumes'].includes(snippet.context), `${name}: context ${snippet.context}`);
      assert.equal(snippet.context === 'document', /^kind: /m.test(snippet.body.join('\n')), `${name}: whole manifests (and only they) are document snippets`);
    }
  });

  it('completion on an empty document offers every manifest snippet, body as in snippets/', () => {
    const offered = completeAt('', 0, DEFAULT_VERSION).filter((item) => item.kind === 'snippet');
    const manifests = Object.values(snippets).filter((snippet) => snippet.context === 'document');
    assert.deepEqual(offered.map((item) => item.label).sort(), manifests.map((snippet) => snippet.prefix).sort());
    for (const snippet of manifests) {
      const item = offered.find((candidate) => candidate.label === snippet.prefix);
      assert.equal(item.insertText, snippet.body.join('\n'));
      assert.equal(item.insertTextFormat, 'snippet');
      assert.equal(item.documentation, snippet.description);
    }
  });

  it('cover what the issue asks for', () => {
    const prefixes = Object.values(snippets).map((snippet) => snippet.prefix);
    for (const wanted of [
      'pod',
      'pod-probes',
      'static-pod',
      'init-container',
      'sidecar',
      'pod-prestop',
      'prestop',
      'statefulset',
      'deployment-zero-downtime',
      'job',
      'cronjob',
      'probe-http',
      'probe-tcp',
      'probe-exec',
      'probe-grpc',
      'container',
      'volume-emptydir',
      'volume-configmap',
    ]) {
      assert.ok(prefixes.includes(wanted), `no snippet with prefix ${wanted}`);
    }
    assert.equal(new Set(prefixes).size, prefixes.length, 'duplicate prefixes');
  });

  it('the expander handles the snippet syntax we use', () => {
    assert.equal(expandSnippet(['name: ${1:web}', 'app: $1', 'x: ${2|a,b|} ${3:${4:in}ner} \\$HOME ${1}$0']), 'name: web\napp: web\nx: a inner $HOME web');
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    describe(`${snippet.prefix} (${name})`, () => {
      const expanded = expandSnippet(snippet.body);

      it('has a description and a body, and ends at $0', () => {
        assert.ok(typeof snippet.description === 'string' && snippet.description.length > 20);
        assert.ok(Array.isArray(snippet.body) && snippet.body.length > 0);
        assert.ok(snippet.body.join('\n').includes('$0'), 'no final tab stop');
      });

      it('pins every image to a tag other than latest', () => {
        for (const [, image] of expanded.matchAll(/image:\s*(\S+)/g)) {
          const lastPart = image.split('/').pop();
          assert.ok(lastPart.includes(':') || image.includes('@'), `${image} has no tag`);
          assert.ok(!/:latest$/.test(image), `${image} uses latest`);
        }
      });

      it('derives repeated names from one placeholder', () => {
        const body = snippet.body.join('\n');
        // Whole manifests name the object, its labels and its container after `${1:…}`.
        if (!/^kind: /m.test(body)) return;
        assert.match(body, /name: \$\{1:[^}]+\}/, 'the object name is not the first tab stop');
        assert.ok(/\$1(?!\d)/.test(body), 'the name placeholder $1 is never reused');
      });

      for (const version of VERSIONS) {
        it(`is clean at ${version}: no finding of any severity`, () => {
          const manifest = manifestFor(snippet, expanded);
          const staticPod = snippet.prefix === 'static-pod';
          // resources-unset is off by default; snippets are examples, so they satisfy it too.
          const result = analyzeText(manifest, { kubernetesVersion: version, staticPodManifest: staticPod, rules: { 'resources-unset': 'info' } });
          assert.deepEqual(
            result.findings.map((finding) => `${finding.severity} ${finding.ruleId} ${JSON.stringify(finding.path)}: ${finding.message}`),
            [],
            `snippet "${name}" expands to:\n${manifest}`,
          );
          const kinds = result.documents.map((document) => document.kind);
          assert.ok(
            kinds.every((kind) => kind === 'kubernetes'),
            `every document should be a Kubernetes object, got ${kinds}`,
          );
        });
      }
    });
  }
});
