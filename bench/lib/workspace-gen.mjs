// The large workspace of the workspace benchmark (issue #14): a repository of N services, each a
// kustomize base of its own folder (Deployment or StatefulSet, Service, ConfigMap, and a PVC for
// the Deployments), two overlays (staging, prod) that list every base and patch some of them, so
// the index sees what real repositories hold: objects that reference each other across files.
// Deterministic (seeded): every run and every machine writes the same files.
//
//   generateWorkspace(dir, { files: 2000 }) → { files, manifests, services, statefulSets, kustomizations, bytes, crossFile }
//
// `crossFile` names a StatefulSet and the file of its governing Service (another file of the same
// base): renaming that Service makes `statefulset-service-missing` appear on the StatefulSet.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

const TEAMS = ['payments', 'search', 'identity', 'catalog', 'billing', 'platform', 'data'];

function podTemplate(name, team, rand, { claim }) {
  const lines = [
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${name}`,
    `        team: ${team}`,
    '    spec:',
    '      containers:',
    '        - name: app',
    `          image: registry.example.com/${team}/${name}:1.${Math.floor(rand() * 30)}.${Math.floor(rand() * 10)}`,
    '          ports:',
    '            - name: http',
    `              containerPort: ${8000 + Math.floor(rand() * 1000)}`,
    '          envFrom:',
    '            - configMapRef:',
    `                name: ${name}-config`,
    '          resources:',
    '            requests:',
    `              cpu: ${50 + Math.floor(rand() * 4) * 50}m`,
    `              memory: ${64 * (1 + Math.floor(rand() * 4))}Mi`,
    '            limits:',
    `              memory: ${256 * (1 + Math.floor(rand() * 2))}Mi`,
    '          readinessProbe:',
    '            httpGet:',
    '              path: /ready',
    '              port: http',
    '          livenessProbe:',
    '            httpGet:',
    '              path: /healthz',
    '              port: http',
    `            periodSeconds: ${10 + Math.floor(rand() * 3) * 5}`,
  ];
  if (claim)
    lines.push(
      '          volumeMounts:',
      '            - name: data',
      '              mountPath: /data',
      '      volumes:',
      '        - name: data',
      '          persistentVolumeClaim:',
      `            claimName: ${claim}`,
    );
  return lines;
}

function deployment(name, team, rand) {
  const template = podTemplate(name, team, rand, { claim: `${name}-data` });
  const text = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${team}`,
    '  labels:',
    `    app: ${name}`,
    'spec:',
    `  replicas: ${1 + Math.floor(rand() * 4)}`,
    '  selector:',
    '    matchLabels:',
    `      app: ${name}`,
    ...template,
  ];
  return text.join('\n') + '\n';
}

function statefulSet(name, team, rand) {
  const template = podTemplate(name, team, rand, { claim: undefined });
  const text = [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${team}`,
    'spec:',
    `  serviceName: ${name}-headless`,
    '  replicas: 3',
    '  selector:',
    '    matchLabels:',
    `      app: ${name}`,
    ...template,
  ];
  return text.join('\n') + '\n';
}

function services(name, team, headless) {
  const service = (serviceName, clusterIp) =>
    [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      `  name: ${serviceName}`,
      `  namespace: ${team}`,
      'spec:',
      ...(clusterIp ? ['  clusterIP: None'] : []),
      '  selector:',
      `    app: ${name}`,
      '  ports:',
      '    - name: http',
      '      port: 80',
      '      targetPort: http',
    ].join('\n') + '\n';
  return headless ? `${service(name, false)}---\n${service(`${name}-headless`, true)}` : service(name, false);
}

function configMap(name, team, rand) {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: ${name}-config`, `  namespace: ${team}`, 'data:'];
  const keys = 3 + Math.floor(rand() * 6);
  for (let k = 0; k < keys; k++) lines.push(`  SETTING_${k}: "${Math.floor(rand() * 100000)}"`);
  return lines.join('\n') + '\n';
}

function claim(name, team, rand) {
  return (
    [
      'apiVersion: v1',
      'kind: PersistentVolumeClaim',
      'metadata:',
      `  name: ${name}-data`,
      `  namespace: ${team}`,
      'spec:',
      '  accessModes: ["ReadWriteOnce"]',
      '  resources:',
      '    requests:',
      `      storage: ${1 + Math.floor(rand() * 20)}Gi`,
    ].join('\n') + '\n'
  );
}

/** Writes the workspace below `dir` (which must exist or is created) and describes it. */
export function generateWorkspace(dir, { files = 2000, seed = 20261205 } = {}) {
  const rand = prng(seed);
  let manifests = 0;
  let bytes = 0;
  let kustomizations = 0;
  let statefulSets = 0;
  const bases = [];
  const patched = { staging: [], prod: [] };
  let crossFile;
  const write = (path, text, manifest = true) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
    if (manifest) manifests += 1;
  };
  for (let i = 0; manifests < files; i++) {
    const name = `svc-${String(i).padStart(4, '0')}`;
    const team = TEAMS[i % TEAMS.length];
    const base = join(dir, 'apps', name, 'base');
    const stateful = i % 10 === 3;
    const resources = [];
    if (stateful) {
      statefulSets += 1;
      write(join(base, 'statefulset.yaml'), statefulSet(name, team, rand));
      write(join(base, 'service.yaml'), services(name, team, true));
      resources.push('statefulset.yaml', 'service.yaml');
      crossFile ??= { workload: join(base, 'statefulset.yaml'), service: join(base, 'service.yaml'), serviceName: `${name}-headless` };
    } else {
      write(join(base, 'deployment.yaml'), deployment(name, team, rand));
      write(join(base, 'service.yaml'), services(name, team, false));
      write(join(base, 'pvc.yaml'), claim(name, team, rand));
      resources.push('deployment.yaml', 'service.yaml', 'pvc.yaml');
    }
    if (manifests < files) {
      write(join(base, 'configmap.yaml'), configMap(name, team, rand));
      resources.push('configmap.yaml');
    }
    write(
      join(base, 'kustomization.yaml'),
      ['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'resources:', ...resources.map((r) => `  - ${r}`)].join('\n') + '\n',
      false,
    );
    kustomizations += 1;
    bases.push(name);
    // Every 25th Deployment gets a replica patch in prod (a partial object, as kustomize patches are).
    if (!stateful && i % 25 === 0 && manifests < files) {
      const patch = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${team}\nspec:\n  replicas: ${3 + (i % 4)}\n`;
      write(join(dir, 'overlays', 'prod', 'patches', `${name}-replicas.yaml`), patch);
      patched.prod.push(`patches/${name}-replicas.yaml`);
    }
  }
  for (const overlay of ['staging', 'prod']) {
    const lines = [
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      `namePrefix: ${overlay}-`,
      'resources:',
      ...bases.map((name) => `  - ../../apps/${name}/base`),
    ];
    if (patched[overlay].length > 0) lines.push('patches:', ...patched[overlay].map((path) => `  - path: ${path}`));
    write(join(dir, 'overlays', overlay, 'kustomization.yaml'), lines.join('\n') + '\n', false);
    kustomizations += 1;
  }
  return { files: manifests + kustomizations, manifests, services: bases.length, statefulSets, kustomizations, bytes, crossFile };
}
