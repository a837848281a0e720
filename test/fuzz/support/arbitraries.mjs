// fast-check arbitraries for engine inputs: corpus manifests with random edits, YAML 1.1 traps
// in every value position, alias bombs of every shape, deep nesting, binary junk, CRLF, BOMs
// and tabs. Inputs are small (a seed is at most a few KB), so a hang shows as a time bound.
import fc from 'fast-check';
import { seeds } from './corpus.mjs';

/**
 * YAML 1.1 scalars that do not mean what they look like (go-yaml, and so kubectl, reads them as
 * booleans, octal, sexagesimal, floats or null), plus tags and indicators that change a value.
 */
export const YAML11_TRAPS = [
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'Y',
  'N',
  'YES',
  'No',
  'On',
  'OFF',
  'true',
  'False',
  'TRUE',
  'nO',
  '0777',
  '0o777',
  '0x1F',
  '0b1010',
  '08',
  '09',
  '00',
  '-0',
  '+12',
  '0.',
  '.5',
  '1_000',
  '1_000_000',
  '0b1_0',
  '1:30',
  '12:30:00',
  '190:20:30',
  '-1:00',
  '1e3',
  '1.0e+3',
  '6.8523015e+5',
  '685_230.15',
  '.inf',
  '-.inf',
  '+.INF',
  '.NaN',
  '.nan',
  '~',
  'null',
  'Null',
  'NULL',
  '""',
  "''",
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  '2002-12-14 21:59:43.10 -5',
  '!!binary aGVsbG8=',
  '!!str 1',
  '!!int "1"',
  '!!float 1',
  '!!bool yes',
  '!!null ""',
  '!!timestamp 2001-12-14',
  '!!set {a, b}',
  '!!omap [a: 1]',
  '<<',
  '=',
  '"\\x00"',
  '"\\uD800"',
  '"\\U0001F600"',
  '|',
  '>-',
  '|+',
  '>2',
  '- a',
  '? a',
  '&a',
  '*a',
  '!',
  '%',
  '@',
  '`',
  '{',
  '[',
  '}',
  ']',
  '"a: b"',
  'a: b',
  'a #b',
  '#',
  ':',
  '-',
  '---',
  '...',
];

/** Characters that matter to YAML, plus a few that break naive code (NUL, BOM, lone surrogates). */
const CHARS = [
  ' ',
  ' ',
  '\n',
  '\n',
  '\t',
  ':',
  '-',
  '#',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '&',
  '*',
  '!',
  '|',
  '>',
  '?',
  '%',
  '@',
  '`',
  '\\',
  'a',
  '0',
  '\r',
  '\u0000',
  '\ufeff',
  '\ud800',
  '\udc00',
  '\u2028',
  '\u00a0',
  'é',
  '😀',
];

const SEED_MAX_BYTES = 16 * 1024;

export function seedTexts() {
  const list = seeds({ maxBytes: SEED_MAX_BYTES });
  if (list.length === 0) throw new Error('no seed manifests found (examples/ and the shared corpus)');
  return list;
}

/** One edit of a text; positions are taken modulo the text's length, so any number works. */
export const mutationArb = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('char'), at: fc.nat(), kind: fc.constantFrom('insert', 'delete', 'replace'), char: fc.constantFrom(...CHARS) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('deleteLine'), line: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicateLine'), line: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swapLines'), line: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate'), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('indent'), line: fc.nat(), count: fc.integer({ min: 1, max: 8 }), delta: fc.integer({ min: -4, max: 4 }) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('trap'), line: fc.nat(), value: fc.constantFrom(...YAML11_TRAPS) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('nest'),
      line: fc.nat(),
      depth: fc.integer({ min: 1, max: 700 }),
      style: fc.constantFrom('flow-seq', 'flow-map', 'block-seq', 'block-map'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('marker'), line: fc.nat(), marker: fc.constantFrom('---', '...', '--- |', '--- # c', '%YAML 1.1', '---\n---') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('alias'), line: fc.nat(), target: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('tabs'), line: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('junk'), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 12 }) }) },
  { weight: 1, arbitrary: fc.constantFrom({ op: 'crlf' }, { op: 'bom' }, { op: 'cr' }) },
);

const KEY_VALUE = /^(\s*(?:-\s+)*)([^\s:#][^:#]*):[ \t]+(\S.*)$/;

export function applyMutation(text, mutation) {
  const lines = text.split('\n');
  const lineAt = (n) => n % Math.max(lines.length, 1);
  const at = (n) => n % (text.length + 1);
  switch (mutation.op) {
    case 'char': {
      const i = at(mutation.at);
      if (mutation.kind === 'insert') return text.slice(0, i) + mutation.char + text.slice(i);
      if (mutation.kind === 'delete') return text.slice(0, i) + text.slice(i + 1);
      return text.slice(0, i) + mutation.char + text.slice(i + 1);
    }
    case 'deleteLine':
      lines.splice(lineAt(mutation.line), 1);
      return lines.join('\n');
    case 'duplicateLine': {
      const i = lineAt(mutation.line);
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 'swapLines': {
      const i = lineAt(mutation.line);
      if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, at(mutation.at));
    case 'indent': {
      const start = lineAt(mutation.line);
      for (let i = start; i < Math.min(lines.length, start + mutation.count); i += 1) {
        lines[i] = mutation.delta >= 0 ? ' '.repeat(mutation.delta) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-mutation.delta}}`), '');
      }
      return lines.join('\n');
    }
    case 'trap': {
      // The value of the first `key: value` line at or after the chosen one (env values, ports,
      // names, labels, replicas… whatever the manifest has there).
      const n = lines.length;
      for (let k = 0; k < n; k += 1) {
        const i = (lineAt(mutation.line) + k) % n;
        const match = KEY_VALUE.exec(lines[i]);
        if (match) {
          lines[i] = `${match[1]}${match[2]}: ${mutation.value}`;
          return lines.join('\n');
        }
      }
      return `${text}\nvalue: ${mutation.value}\n`;
    }
    case 'nest': {
      const i = lineAt(mutation.line);
      const indent = /^\s*/.exec(lines[i] ?? '')[0];
      const d = mutation.depth;
      const nested = {
        'flow-seq': `${indent}nested: ${'['.repeat(d)}x${']'.repeat(d)}`,
        'flow-map': `${indent}nested: ${'{a: '.repeat(d)}x${'}'.repeat(d)}`,
        'block-seq': `${indent}nested:\n${indent}${'- '.repeat(d)}x`,
        'block-map': `${indent}nested:\n${Array.from({ length: Math.min(d, 200) }, (_, k) => `${indent}${' '.repeat(k + 1)}k:`).join('\n')} x`,
      }[mutation.style];
      lines.splice(i, 0, nested);
      return lines.join('\n');
    }
    case 'marker':
      lines.splice(lineAt(mutation.line), 0, mutation.marker);
      return lines.join('\n');
    case 'alias': {
      // An anchor on one value and an alias to it in another (possibly before it, or inside it).
      const candidates = lines.map((line, i) => (KEY_VALUE.test(line) ? i : -1)).filter((i) => i >= 0);
      if (candidates.length === 0) return text;
      const from = candidates[mutation.line % candidates.length];
      const to = candidates[mutation.target % candidates.length];
      lines[from] = lines[from].replace(KEY_VALUE, (_m, indent, key, value) => `${indent}${key}: &fz ${value}`);
      lines[to] = lines[to].replace(KEY_VALUE, (_m, indent, key) => `${indent}${key}: *fz`);
      return lines.join('\n');
    }
    case 'tabs': {
      const i = lineAt(mutation.line);
      lines[i] = (lines[i] ?? '').replace(/^( {2})+/, (spaces) => '\t'.repeat(spaces.length / 2));
      return lines.join('\n');
    }
    case 'junk': {
      const i = at(mutation.at);
      return text.slice(0, i) + mutation.text + text.slice(i);
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'cr':
      return text.replace(/\r?\n/g, '\r');
    case 'bom':
      return `\ufeff${text}`;
    default:
      throw new Error(`unknown mutation ${mutation.op}`);
  }
}

export const optionsArb = fc.record({
  kubernetesVersion: fc.constantFrom('1.29', '1.31', '1.33', '1.36'),
  staticPodManifest: fc.boolean(),
  rules: fc.constantFrom({}, { 'image-latest-tag': 'off', 'yaml-limit': 'error' }, { 'schema-unknown-field': 'off', 'resources-unset': 'hint' }),
});

/** A corpus or example manifest (or 2-3 joined as one multi-document file). */
export function seedArb() {
  const list = seedTexts();
  const one = fc.nat({ max: list.length - 1 }).map((i) => list[i]);
  return fc.oneof(
    { weight: 4, arbitrary: one },
    {
      weight: 1,
      arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }).map((parts) => ({ name: parts.map((p) => p.name).join(' + '), text: parts.map((p) => p.text).join('\n---\n') })),
    },
  );
}

export function mutatedSeedArb({ maxMutations = 6 } = {}) {
  return fc.record({ seed: seedArb(), mutations: fc.array(mutationArb, { maxLength: maxMutations }) }).map(({ seed, mutations }) => ({
    kind: 'mutated',
    name: seed.name,
    mutations,
    text: mutations.reduce(applyMutation, seed.text),
  }));
}

/** A Pod and a Deployment with a YAML 1.1 trap in every value position that matters. */
export const trapManifestArb = fc
  .record({
    name: fc.constantFrom(...YAML11_TRAPS),
    label: fc.constantFrom(...YAML11_TRAPS),
    annotation: fc.constantFrom(...YAML11_TRAPS),
    envName: fc.constantFrom(...YAML11_TRAPS),
    envValue: fc.constantFrom(...YAML11_TRAPS),
    port: fc.constantFrom(...YAML11_TRAPS),
    probePort: fc.constantFrom(...YAML11_TRAPS),
    replicas: fc.constantFrom(...YAML11_TRAPS),
    image: fc.constantFrom(...YAML11_TRAPS),
    policy: fc.constantFrom(...YAML11_TRAPS),
    arg: fc.constantFrom(...YAML11_TRAPS),
    mode: fc.constantFrom(...YAML11_TRAPS),
    grace: fc.constantFrom(...YAML11_TRAPS),
  })
  .map((t) => ({
    kind: 'traps',
    name: 'trap manifest',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: ${t.name}
  labels:
    app: ${t.label}
  annotations:
    note: ${t.annotation}
spec:
  terminationGracePeriodSeconds: ${t.grace}
  restartPolicy: ${t.policy}
  containers:
  - name: app
    image: registry.example.com/app:${t.image}
    args: [${t.arg}]
    ports:
    - containerPort: ${t.port}
    env:
    - name: ${t.envName}
      value: ${t.envValue}
    readinessProbe:
      httpGet: {path: /, port: ${t.probePort}}
    volumeMounts:
    - {name: cfg, mountPath: /etc/cfg}
  volumes:
  - name: cfg
    configMap: {name: cfg, defaultMode: ${t.mode}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${t.replicas}
  selector: {matchLabels: {app: ${t.label}}}
  template:
    metadata: {labels: {app: ${t.label}}}
    spec:
      containers:
      - name: ${t.name}
        image: nginx:${t.image}
        ports: [{containerPort: ${t.port}, hostPort: ${t.port}}]
`,
  }));

/** Alias bombs: exponential (billion laughs) and linear, in flow, block, merge and key form. */
export const aliasBombArb = fc
  .record({
    levels: fc.integer({ min: 1, max: 10 }),
    fanout: fc.integer({ min: 1, max: 10 }),
    style: fc.constantFrom('flow', 'block', 'merge', 'key', 'chain'),
    inKubernetes: fc.boolean(),
  })
  .map(({ levels, fanout, style, inKubernetes }) => {
    const lines = [];
    if (style === 'flow') {
      lines.push(`a0: &a0 [${Array(fanout).fill('"lol"').join(', ')}]`);
      for (let i = 1; i <= levels; i += 1)
        lines.push(
          `a${i}: &a${i} [${Array(fanout)
            .fill(`*a${i - 1}`)
            .join(', ')}]`,
        );
    } else if (style === 'block') {
      lines.push('a0: &a0', ...Array(fanout).fill('- lol'));
      for (let i = 1; i <= levels; i += 1) lines.push(`a${i}: &a${i}`, ...Array(fanout).fill(`- *a${i - 1}`));
    } else if (style === 'merge') {
      lines.push('a0: &a0 {k: v}');
      for (let i = 1; i <= levels; i += 1)
        lines.push(
          `a${i}: &a${i} {<<: [${Array(fanout)
            .fill(`*a${i - 1}`)
            .join(', ')}], k${i}: v}`,
        );
    } else if (style === 'key') {
      lines.push('a0: &a0 [x, y]');
      for (let i = 1; i <= levels; i += 1) lines.push(`a${i}: &a${i} {${Array.from({ length: fanout }, (_, j) => `? [*a${i - 1}, ${j}] : *a${i - 1}`).join(', ')}}`);
    } else {
      lines.push(`a0: &a0 ${'['.repeat(fanout * 10)}${']'.repeat(fanout * 10)}`);
      for (let i = 1; i <= levels * 10; i += 1) lines.push(`a${i}: &a${i} ${'['.repeat(fanout * 10)}*a${i - 1}${']'.repeat(fanout * 10)}`);
    }
    const last = `*a${style === 'chain' ? levels * 10 : levels}`;
    const body = lines.map((line) => (line.startsWith('- ') ? `  ${line}` : `  ${line}`)).join('\n');
    const text = inKubernetes
      ? `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\n  annotations:\n    x: ${last}\nbombs:\n${body}\ndata:\n  k: ${last}\n`
      : `bombs:\n${body}\nuse: ${last}\n`;
    return { kind: 'alias-bomb', name: `alias bomb ${style} ${levels}x${fanout}`, text };
  });

/** Bytes that are not YAML at all, and strings of any code unit. */
export const junkArb = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }).map((bytes) => ({ kind: 'junk', name: 'binary (utf-8)', text: new TextDecoder('utf-8').decode(bytes) })),
  fc.uint8Array({ maxLength: 3000 }).map((bytes) => ({ kind: 'junk', name: 'binary (latin1)', text: Buffer.from(bytes).toString('latin1') })),
  fc.string({ unit: 'binary', maxLength: 500 }).map((text) => ({ kind: 'junk', name: 'code units', text })),
  fc.array(fc.constantFrom(...CHARS, ...YAML11_TRAPS.map((t) => `${t} `)), { maxLength: 300 }).map((parts) => ({ kind: 'junk', name: 'yaml soup', text: parts.join('') })),
);

/** Deep nesting of every shape, around the nesting limit and well past it. */
export const deepArb = fc.record({ depth: fc.integer({ min: 100, max: 10_000 }), style: fc.constantFrom('[', '{', '- ', 'map', '[{', 'unclosed') }).map(({ depth, style }) => {
  const shapes = {
    '[': () => `${'['.repeat(depth)}${']'.repeat(depth)}`,
    '{': () => `${'{a: '.repeat(depth)}x${'}'.repeat(depth)}`,
    '- ': () => `${'- '.repeat(depth)}x`,
    map: () => Array.from({ length: Math.min(depth, 3000) }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' x',
    '[{': () => `${'[{a: '.repeat(depth >> 1)}x${'}]'.repeat(depth >> 1)}`,
    unclosed: () => '['.repeat(depth),
  };
  return { kind: 'deep', name: `nesting ${style} x${depth}`, text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  k: ${shapes[style]()}\n` };
});

/** Any engine input, mostly mutated real manifests. */
export function inputArb() {
  return fc.oneof(
    { weight: 8, arbitrary: mutatedSeedArb() },
    { weight: 2, arbitrary: trapManifestArb },
    { weight: 1, arbitrary: aliasBombArb },
    { weight: 1, arbitrary: junkArb },
    { weight: 1, arbitrary: deepArb },
  );
}

/** Successive versions of one document: each step applies a few edits to the previous text. */
export function editSequenceArb({ maxSteps = 6 } = {}) {
  return fc
    .record({
      seed: seedArb(),
      steps: fc.array(fc.record({ mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }), options: fc.option(optionsArb, { freq: 4 }) }), {
        minLength: 1,
        maxLength: maxSteps,
      }),
    })
    .map(({ seed, steps }) => {
      let text = seed.text;
      let options = { kubernetesVersion: '1.36' };
      const sequence = [{ text, options }];
      for (const step of steps) {
        text = step.mutations.reduce(applyMutation, text);
        if (step.options) options = step.options;
        sequence.push({ text, options });
      }
      return { name: seed.name, steps, sequence };
    });
}
