// Every snippet, expanded with its defaults, is a manifest our own rules find nothing wrong with
// (no error, no warning) at the default Kubernetes version. Fragments (probe blocks, init
// containers, a preStop block) are placed into a full Pod at the indentation VS Code would give
// them before checking.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeText, DEFAULT_VERSION } from '../../../dist/server/engine.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const snippets = JSON.parse(readFileSync(join(root, 'snippets', 'kubernetes.code-snippets.json'), 'utf8'));
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

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
  '    - name: app',
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
  '@@SPEC@@',
  '',
].join('\n');

/** Where each fragment snippet goes; every other snippet is a whole file. */
const FRAGMENTS = {
  'init-container': 'spec',
  sidecar: 'spec',
  prestop: 'container',
  'probe-http': 'container',
  'probe-tcp': 'container',
  'probe-exec': 'container',
  'probe-grpc': 'container',
};

function manifestFor(prefix, expanded) {
  const place = FRAGMENTS[prefix];
  if (!place) return expanded;
  const fragment = expanded.replace(/\n+$/, '');
  return CONTAINER_HOST.replace('@@CONTAINER@@\n', place === 'container' ? `${indent(fragment, 6)}\n` : '').replace(
    '@@SPEC@@\n',
    place === 'spec' ? `${indent(fragment, 2)}\n` : '',
  );
}

describe('snippets', () => {
  it('are contributed for YAML in package.json', () => {
    const entry = (packageJson.contributes.snippets ?? []).find((item) => item.path.endsWith('kubernetes.code-snippets.json'));
    assert.ok(entry, 'contributes.snippets entry missing');
    assert.equal(entry.language, 'yaml');
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

      it('is clean: no error and no warning from the engine', () => {
        const manifest = manifestFor(snippet.prefix, expanded);
        const staticPod = snippet.prefix === 'static-pod';
        const result = analyzeText(manifest, { kubernetesVersion: DEFAULT_VERSION, staticPodManifest: staticPod });
        const bad = result.findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning');
        assert.deepEqual(
          bad.map((finding) => `${finding.severity} ${finding.ruleId} ${JSON.stringify(finding.path)}: ${finding.message}`),
          [],
          `snippet "${name}" expands to:\n${manifest}`,
        );
        const kinds = result.documents.map((document) => document.kind);
        assert.ok(
          kinds.every((kind) => kind === 'kubernetes'),
          `every document should be a Kubernetes object, got ${kinds}`,
        );
      });
    });
  }
});
