// Fixtures of the benchmark and the edits that toggle a planted error in them.
//  (a) bench/fixtures/pod-150.yaml: a realistic 150-line Pod with probes and lifecycle hooks.
//  (b) generateLarge(): exactly 5,000 lines, 100 documents (Pods and Deployments alternating),
//      generated deterministically (seeded PRNG), so every run and every machine sees the same text.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

export function loadPodFixture() {
  return readFileSync(join(BENCH_DIR, 'fixtures', 'pod-150.yaml'), 'utf8');
}

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LINES_PER_DOCUMENT = 50;
const ENV_NAMES = [
  'LOG_LEVEL',
  'CACHE_TTL',
  'FEATURE_FLAGS',
  'REGION',
  'HTTP_TIMEOUT',
  'MAX_CONNS',
  'TRACE_RATIO',
  'DB_POOL',
  'QUEUE_NAME',
  'RETRY_BACKOFF',
  'LOCALE',
  'BATCH_SIZE',
];

function containerLines(rand, n, indent) {
  const pad = ' '.repeat(indent);
  const port = 8000 + Math.floor(rand() * 1000);
  const period = 5 + Math.floor(rand() * 4) * 5;
  const livenessProbe =
    rand() < 0.5
      ? ['  livenessProbe:', '    httpGet:', '      path: /healthz', '      port: http', `    periodSeconds: ${period}`]
      : ['  livenessProbe:', '    tcpSocket:', '      port: http', `    initialDelaySeconds: ${Math.floor(rand() * 10)}`, `    periodSeconds: ${period}`];
  const lines = [
    `- name: app`,
    `  image: registry.example.com/team-${n % 7}/svc-${n}:1.${n % 13}.${Math.floor(rand() * 20)}`,
    '  ports:',
    '    - name: http',
    `      containerPort: ${port}`,
    '  env:',
    '@ENV@',
    '  resources:',
    '    requests:',
    `      cpu: ${50 + Math.floor(rand() * 4) * 50}m`,
    `      memory: ${64 * (1 + Math.floor(rand() * 4))}Mi`,
    '    limits:',
    `      memory: ${256 * (1 + Math.floor(rand() * 2))}Mi`,
    ...livenessProbe,
    '  readinessProbe:',
    '    httpGet:',
    '      path: /ready',
    '      port: http',
    `    periodSeconds: ${period}`,
    '  lifecycle:',
    '    preStop:',
    '      exec:',
    `        command: ["sleep", "${5 + Math.floor(rand() * 10)}"]`,
  ];
  return lines.map((line) => (line === '@ENV@' ? line : pad + line));
}

function podDocument(rand, n) {
  return [
    '---',
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: svc-${n}`,
    `  namespace: team-${n % 7}`,
    '  labels:',
    `    app: svc-${n}`,
    '@LABEL@',
    'spec:',
    `  terminationGracePeriodSeconds: ${30 + Math.floor(rand() * 4) * 10}`,
    '  containers:',
    ...containerLines(rand, n, 4),
  ];
}

function deploymentDocument(rand, n) {
  return [
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: svc-${n}`,
    `  namespace: team-${n % 7}`,
    '  labels:',
    `    app: svc-${n}`,
    '@LABEL@',
    'spec:',
    `  replicas: ${1 + Math.floor(rand() * 5)}`,
    '  selector:',
    '    matchLabels:',
    `      app: svc-${n}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: svc-${n}`,
    '    spec:',
    '      containers:',
    ...containerLines(rand, n, 8),
  ];
}

/** Fills a document to exactly LINES_PER_DOCUMENT lines with env vars (2 lines) and a label (1 line). */
function fill(lines, rand, envIndent) {
  const fixed = lines.filter((line) => line !== '@ENV@' && line !== '@LABEL@').length;
  let missing = LINES_PER_DOCUMENT - fixed;
  if (missing < 2) throw new Error('document template too long');
  const extraLabel = missing % 2 === 1;
  if (extraLabel) missing -= 1;
  const env = [];
  for (let i = 0; i < missing / 2; i++) {
    const name = ENV_NAMES[i % ENV_NAMES.length] + (i >= ENV_NAMES.length ? `_${i}` : '');
    env.push(`${' '.repeat(envIndent)}- name: ${name}`, `${' '.repeat(envIndent)}  value: "${Math.floor(rand() * 1000)}"`);
  }
  const out = [];
  for (const line of lines) {
    if (line === '@ENV@') out.push(...env);
    else if (line === '@LABEL@') {
      if (extraLabel) out.push('    tier: backend');
    } else out.push(line);
  }
  if (out.length !== LINES_PER_DOCUMENT) throw new Error(`document has ${out.length} lines`);
  return out;
}

/** Fixture (b): 100 documents, 5,000 lines, Pods and Deployments alternating. */
export function generateLarge({ documents = 100, seed = 20250601 } = {}) {
  const rand = prng(seed);
  const lines = [];
  for (let n = 0; n < documents; n++) {
    const isPod = n % 2 === 0;
    const doc = isPod ? podDocument(rand, n) : deploymentDocument(rand, n);
    lines.push(...fill(doc, rand, isPod ? 8 : 12));
  }
  return lines.join('\n') + '\n';
}

/**
 * The toggle edit: the `P` of the `livenessProbe:` key nearest to `nearLine` (0-based), so one
 * keystroke turns the key into the unknown field `livenessprobe` and the next turns it back.
 */
export function findToggle(text, nearLine = 0) {
  const lines = text.split('\n');
  let best;
  lines.forEach((line, index) => {
    const column = line.indexOf('livenessProbe:');
    if (column >= 0 && (!best || Math.abs(index - nearLine) < Math.abs(best.line - nearLine))) best = { line: index, character: column + 'liveness'.length };
  });
  if (!best) throw new Error('fixture has no livenessProbe key');
  return { ...best, good: 'P', bad: 'p' };
}

/** The text with the toggle in the given state (true: the planted error is present). */
export function applyToggle(text, toggle, broken) {
  const lines = text.split('\n');
  const line = lines[toggle.line];
  lines[toggle.line] = line.slice(0, toggle.character) + (broken ? toggle.bad : toggle.good) + line.slice(toggle.character + 1);
  return lines.join('\n');
}
