// Completion from the schema of the target version, with Pod-spec context values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeAt } from '../../../dist/server/engine.js';
import { yaml } from '../../helpers/engine.mjs';

/** Completion at the `‸` marker (removed from the text). */
function complete(textWithCursor, version = '1.36') {
  const offset = textWithCursor.indexOf('‸');
  assert.ok(offset >= 0, 'no ‸ cursor marker');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return { items: completeAt(text, offset, version), text, offset };
}
const labels = (items, kind) => items.filter((item) => !kind || item.kind === kind).map((item) => item.label);

const POD = (containerTail, specTail = '') => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
      ports:
      - name: http
        containerPort: 8080
      - name: metrics
        containerPort: 9090
  ${containerTail}
    volumes:
    - name: data
      emptyDir: {}
    - name: config
      hostPath:
        path: /srv/config
  ${specTail}
`;

describe('completion: keys', () => {
  it('inside livenessProbe: probe fields, none already present, one handler only', () => {
    const { items } = complete(POD(`    livenessProbe:\n        httpGet:\n          path: /healthz\n          port: http\n        periodSeconds: 5\n        ‸\n`));
    const keys = labels(items, 'property');
    for (const expected of ['failureThreshold', 'initialDelaySeconds', 'successThreshold', 'timeoutSeconds', 'terminationGracePeriodSeconds']) {
      assert.ok(keys.includes(expected), `missing ${expected} in ${keys}`);
    }
    for (const present of ['httpGet', 'periodSeconds']) assert.ok(!keys.includes(present), `${present} is already there`);
    for (const handler of ['exec', 'tcpSocket', 'grpc']) assert.ok(!keys.includes(handler), `a second handler (${handler}) is an error`);
    assert.equal(new Set(keys).size, keys.length, 'duplicates');
    const failure = items.find((item) => item.label === 'failureThreshold');
    assert.equal(failure.detail, 'integer');
    assert.match(failure.documentation, /Omitted or 0 means 3/);
  });

  it('on an empty line right under livenessProbe: every probe field, handlers included', () => {
    const { items, offset } = complete(POD(`    livenessProbe:\n        ‸\n`));
    const keys = labels(items, 'property');
    for (const expected of ['httpGet', 'tcpSocket', 'exec', 'grpc', 'periodSeconds', 'failureThreshold']) assert.ok(keys.includes(expected), `missing ${expected}`);
    assert.ok(!keys.includes('image'), 'container keys leaked into the probe');
    const httpGet = items.find((item) => item.label === 'httpGet');
    assert.equal(httpGet.detail, 'HTTPGetAction');
    assert.equal(httpGet.insertTextFormat, 'snippet');
    assert.match(httpGet.insertText, /^httpGet:\n {2}\$0$/);
    assert.deepEqual(httpGet.replace, { start: offset, end: offset });
  });

  it('while typing a key inside a container (`    liv|`): container keys minus the present ones', () => {
    const { items, offset } = complete(POD(`    liv‸\n`));
    const keys = labels(items, 'property');
    assert.ok(keys.includes('livenessProbe'));
    assert.ok(keys.includes('readinessProbe'));
    for (const present of ['name', 'image', 'ports']) assert.ok(!keys.includes(present), `${present} is already there`);
    const liveness = items.find((item) => item.label === 'livenessProbe');
    assert.deepEqual(liveness.replace, { start: offset - 3, end: offset });
    assert.equal(liveness.detail, 'Probe');
  });

  it('offers probe blocks that use a port the container declares', () => {
    const { items } = complete(POD(`    ‸\n`));
    const snippet = items.find((item) => item.kind === 'snippet' && item.label === 'readinessProbe (httpGet)');
    assert.ok(snippet, `no readiness snippet in ${labels(items, 'snippet')}`);
    assert.match(snippet.insertText, /port: \$\{2:http\}/);
  });

  it('required keys first, on a fresh `- ` container item', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - ‸
    `;
    const { items } = complete(text);
    assert.equal(items[0].label, 'name');
    assert.equal(items[0].required, true);
    assert.ok(items.filter((item) => item.required).every((item) => items.indexOf(item) < items.findIndex((other) => !other.required)));
  });

  it('top level: required apiVersion/kind, no status; kind and apiVersion values', () => {
    const { items } = complete(yaml`
      apiVersion: apps/v1
      kind: Deployment
      ‸
    `);
    const keys = labels(items);
    assert.ok(keys.includes('metadata') && keys.includes('spec'));
    assert.ok(!keys.includes('status') && !keys.includes('kind') && !keys.includes('apiVersion'));
    const kinds = labels(complete('apiVersion: apps/v1\nkind: Dep‸\n').items);
    assert.ok(kinds.includes('Deployment'));
    assert.deepEqual(labels(complete('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n‸\nspec: {}\n').items, 'snippet'), [], 'no manifest inside a document');
    assert.deepEqual(labels(complete('apiVersion: ‸\nkind: Deployment\n').items), ['apps/v1']);
  });

  it('follows the target version', () => {
    const text = POD(`    ‸\n`);
    assert.ok(labels(complete(text, '1.36').items).includes('restartPolicyRules'));
    assert.ok(!labels(complete(text, '1.29').items).includes('restartPolicyRules'));
  });

  it('uses the kind of the document under the cursor', () => {
    const text = `apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  ports: []\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: b\nspec:\n  ‸\n`;
    const keys = labels(complete(text).items);
    assert.ok(keys.includes('backoffLimit'), keys.join(','));
    assert.ok(!keys.includes('clusterIP'));
  });
});

describe('completion: values', () => {
  it('enum values for restartPolicy and imagePullPolicy', () => {
    assert.deepEqual(labels(complete(POD('', '  restartPolicy: ‸')).items).sort(), ['Always', 'Never', 'OnFailure']);
    assert.deepEqual(labels(complete(POD('    imagePullPolicy: ‸\n')).items).sort(), ['Always', 'IfNotPresent', 'Never']);
    const partial = complete(POD('    imagePullPolicy: If‸\n'));
    assert.deepEqual(partial.items.find((item) => item.label === 'IfNotPresent').replace, { start: partial.offset - 2, end: partial.offset });
  });

  it('declared port names (then numbers) for a probe port; numbers only for gRPC', () => {
    const http = complete(POD(`    readinessProbe:\n        httpGet:\n          path: /ready\n          port: ‸\n`)).items;
    assert.deepEqual(labels(http).slice(0, 2).sort(), ['http', 'metrics']);
    assert.ok(labels(http).includes('8080'));
    const grpc = complete(POD(`    livenessProbe:\n        grpc:\n          port: ‸\n`)).items;
    assert.deepEqual(labels(grpc).sort(), ['8080', '9090']);
    const hook = complete(POD(`    lifecycle:\n        preStop:\n          httpGet:\n            port: ‸\n`)).items;
    assert.ok(labels(hook).includes('http'));
  });

  it('volume names for volumeMounts[].name, with StatefulSet claim templates', () => {
    const pod = complete(POD(`    volumeMounts:\n      - name: ‸\n        mountPath: /data\n`)).items;
    assert.deepEqual(labels(pod).sort(), ['config', 'data']);
    const sts = complete(yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
      spec:
        serviceName: db
        selector:
          matchLabels: {app: db}
        template:
          metadata:
            labels: {app: db}
          spec:
            containers:
              - name: db
                image: redis:7.4
                volumeMounts:
                  - name: ‸
        volumeClaimTemplates:
          - metadata:
              name: pgdata
    `).items;
    assert.deepEqual(labels(sts), ['pgdata']);
  });

  it('container names where a container is named', () => {
    const env = complete(
      POD(`    env:\n      - name: LIMIT\n        valueFrom:\n          resourceFieldRef:\n            resource: limits.memory\n            containerName: ‸\n`),
    ).items;
    assert.deepEqual(labels(env), ['web']);
    const annotation = complete(yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
            annotations:
              kubectl.kubernetes.io/default-container: ‸
          spec:
            containers:
              - name: app
                image: nginx:1.27
              - name: proxy
                image: envoyproxy/envoy:v1.32.1
    `).items;
    assert.deepEqual(labels(annotation), ['app', 'proxy']);
  });

  it('booleans', () => {
    assert.deepEqual(labels(complete(POD('', '  hostNetwork: ‸')).items), ['false', 'true']);
  });
});

describe('completion: robustness', () => {
  it('CRLF line endings and a cursor in the middle of a key', () => {
    const text = POD('').replace(/\n/g, '\r\n');
    const offset = text.indexOf('Port: 9090');
    const items = completeAt(text, offset, '1.36');
    assert.deepEqual(labels(items), ['containerPort', 'hostIP', 'hostPort', 'protocol']);
    assert.equal(text.slice(items[0].replace.start, items[0].replace.end), 'containerPort');
  });

  it('nothing in comments, block scalars and flow collections', () => {
    assert.deepEqual(complete(POD('    # liv‸\n')).items, []);
    assert.deepEqual(complete(POD('    command:\n      - sh\n      - -c\n      - |\n        echo ‸\n')).items, []);
    assert.deepEqual(complete(POD('    resources: {limits: {‸}}\n')).items, []);
  });

  it('unknown kinds and non-Kubernetes YAML give nothing', () => {
    assert.deepEqual(complete('apiVersion: example.com/v1\nkind: Widget\nspec:\n  ‸\n').items, []);
    assert.deepEqual(complete('jobs:\n  build:\n    ‸\n').items, []);
  });

  it('never throws on broken YAML', () => {
    const samples = [
      POD('    livenessProbe: {httpGet: [\n      ‸'),
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: "unterminated\n    ‸',
      '\t\tkey:\n\t‸',
      '- - - ‸',
      '‸',
      'apiVersion: v1\nkind: Pod\n---\n---\n‸',
      'kind: Pod\napiVersion: v1\nspec: &a\n  x: *a\n  ‸',
    ];
    for (const sample of samples) assert.ok(Array.isArray(complete(sample).items));
    const text = POD('    livenessProbe:\n        httpGet:\n          port: http\n');
    for (let offset = 0; offset <= text.length; offset += 1) assert.ok(Array.isArray(completeAt(text, offset, '1.36')));
    assert.deepEqual(
      completeAt('', 0, '1.36')
        .filter((item) => item.kind === 'property')
        .map((item) => item.label),
      ['apiVersion', 'kind', 'metadata', 'spec'],
    );
  });
});

const MANIFESTS = ['cronjob', 'deployment-zero-downtime', 'job', 'pod', 'pod-prestop', 'pod-probes', 'statefulset', 'static-pod'];

describe('completion: snippets by context', () => {
  it('manifests on an empty document (also while the prefix is typed), as they are', () => {
    assert.deepEqual(labels(complete('‸').items, 'snippet'), MANIFESTS);
    const typed = complete('# a comment\ndep‸\n');
    const deployment = typed.items.find((item) => item.label === 'deployment-zero-downtime');
    assert.match(deployment.insertText, /^apiVersion: apps\/v1\nkind: Deployment\n/);
    assert.deepEqual(deployment.replace, { start: typed.offset - 3, end: typed.offset });
    assert.deepEqual(labels(complete('apiVersion: v1\nkind: Service\n---\n‸').items, 'snippet'), MANIFESTS, 'an empty document after ---');
  });

  it('after the last line of a Kubernetes document: manifests as a new document (---)', () => {
    const { items } = complete('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata: {}\njo‸\n\n# end\n');
    const job = items.find((item) => item.label === 'job');
    assert.ok(job, labels(items).join(','));
    assert.match(job.insertText, /^---\napiVersion: batch\/v1\nkind: Job\n/);
    assert.deepEqual(labels(complete('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  ‸\n').items, 'snippet'), [], 'not below column 0');
    assert.deepEqual(labels(complete('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n‸data: {}\n').items, 'snippet'), [], 'not on a line with a key');
  });

  it('none in other YAML (a GitHub workflow, a compose file), at any level', () => {
    for (const text of ['on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n‸\n', 'on: push\njobs:\n  build:\n    ‸\n', 'services:\n  web:\n    image: nginx\n‸\n']) {
      assert.deepEqual(complete(text).items, [], text);
    }
  });

  it('nothing Kubernetes in an empty file another tool owns (by its path)', () => {
    for (const path of ['file:///repo/.github/workflows/ci.yaml', '/repo/docker-compose.yml', 'C:\\repo\\compose.prod.yaml', '/repo/.gitlab-ci.yml']) {
      assert.deepEqual(completeAt('', 0, '1.36', { path }), [], path);
    }
    assert.ok(completeAt('', 0, '1.36', { path: '/repo/k8s/deploy.yaml' }).some((item) => item.label === 'pod'));
    assert.ok(completeAt('apiVersion: v1\nkind: Pod\n', 26, '1.36', { path: '/repo/.github/workflows/pod.yaml' }).length > 0, 'a manifest is a manifest anywhere');
  });

  it('none at a value position', () => {
    assert.deepEqual(labels(complete(POD('    imagePullPolicy: ‸\n')).items, 'snippet'), []);
    assert.deepEqual(labels(complete('kind: ‸\n').items, 'snippet'), []);
  });

  it('probe and preStop blocks in a container only, fitted to it; none inside a probe', () => {
    const inContainer = labels(complete(POD('    ‸\n')).items, 'snippet');
    for (const wanted of ['probe-http', 'probe-tcp', 'probe-exec', 'probe-grpc', 'prestop']) assert.ok(inContainer.includes(wanted), `${wanted} in ${inContainer}`);
    for (const manifest of MANIFESTS) assert.ok(!inContainer.includes(manifest), `${manifest} in a container`);
    assert.deepEqual(labels(complete(POD('    livenessProbe:\n        ‸\n')).items, 'snippet'), [], 'nothing inside a probe');
    const withTwo = complete(
      POD('    livenessProbe:\n      tcpSocket:\n        port: http\n    readinessProbe:\n      tcpSocket:\n        port: http\n    lifecycle: {}\n    ‸\n'),
    ).items;
    const http = withTwo.find((item) => item.label === 'probe-http');
    assert.match(http.insertText, /^startupProbe:\n/, 'only the missing probe key');
    assert.match(http.insertText, /port: \$\{3:http\}/, 'a declared port name');
    assert.match(withTwo.find((item) => item.label === 'probe-grpc').insertText, /port: \$\{2:8080\}/, 'gRPC: a declared number');
    assert.ok(!labels(withTwo).includes('prestop'), 'lifecycle is there already');
  });

  it('a container in a containers list, a volume in volumes, init containers in a Pod spec', () => {
    const dash = complete(yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
          - name: web
            image: nginx:1.27
          - ‸
    `).items;
    const container = dash.find((item) => item.label === 'container');
    assert.ok(container, labels(dash).join(','));
    assert.match(container.insertText, /^name: \$\{1:app\}\nimage: /, 'after its dash: the entry without a dash');
    assert.ok(!labels(dash).includes('probe-http'), 'no probe on an empty entry');
    const column = complete(yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
          - name: web
            image: nginx:1.27
          ‸
    `).items;
    assert.deepEqual(labels(column, 'snippet'), ['container']);
    assert.match(column[0].insertText, /^- name: /);
    const volume = labels(
      complete('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n  volumes:\n    - ‸\n').items,
      'snippet',
    );
    assert.deepEqual(volume, ['volume-configmap', 'volume-emptydir']);
    const spec = labels(complete('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n  ‸\n').items, 'snippet');
    assert.deepEqual(spec, ['init-container', 'sidecar']);
  });
});

describe('completion: what the API and the file know', () => {
  it('kind values: only the kinds the apiVersion serves', () => {
    const kinds = labels(complete('apiVersion: apps/v1\nkind: ‸\n').items).sort();
    assert.deepEqual(kinds, ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet']);
    assert.deepEqual(labels(complete('apiVersion: example.com/v1\nkind: ‸\n').items), [], 'a CRD group: no built-in kinds');
    assert.ok(labels(complete('apiVersion: batch/v1\nkind: ‸\n', '1.29').items).includes('CronJob'));
  });

  it('a kind picked with no apiVersion brings it: a line above, in the file’s line ending', () => {
    const { items, text } = complete('metadata:\r\n  name: web\r\nkind: Dep‸\r\n');
    const deployment = items.find((item) => item.label === 'Deployment');
    assert.equal(deployment.detail, 'apps/v1');
    const kindLine = text.indexOf('kind:');
    assert.deepEqual(deployment.additionalEdits, [{ range: { start: kindLine, end: kindLine }, newText: 'apiVersion: apps/v1\r\n' }]);
    // Several apiVersions: stable and newest (autoscaling/v2), the core group on a tie (Event: v1).
    assert.equal(items.find((item) => item.label === 'HorizontalPodAutoscaler').detail, 'autoscaling/v2');
    assert.equal(items.find((item) => item.label === 'Event').detail, 'v1');
    assert.ok(!labels(items).some((label) => label.endsWith('List')));
    // An empty `apiVersion:` is filled rather than doubled.
    const empty = complete('apiVersion:\nkind: Dep‸\n');
    assert.deepEqual(empty.items.find((item) => item.label === 'Deployment').additionalEdits, [{ range: { start: 11, end: 11 }, newText: ' apps/v1' }]);
  });

  it('apiVersion values: only those serving the kind', () => {
    assert.deepEqual(labels(complete('apiVersion: ‸\nkind: HorizontalPodAutoscaler\n').items).sort(), ['autoscaling/v1', 'autoscaling/v2']);
  });

  it('selector.matchLabels: the Pod template labels, as keys and values', () => {
    const deployment = (selector) => yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        selector:
          matchLabels:
            ${selector}
        template:
          metadata:
            labels:
              app: web
              tier: front
          spec:
            containers:
              - name: web
                image: nginx:1.27
    `;
    const keys = complete(deployment('‸')).items;
    assert.deepEqual(labels(keys), ['app', 'tier']);
    assert.equal(keys[0].insertText, 'app: web');
    assert.deepEqual(labels(complete(deployment('app: web\n      ti‸')).items), ['tier'], 'present keys left out, half-typed key');
    assert.deepEqual(labels(complete(deployment('tier: ‸')).items), ['front']);
  });

  it('ConfigMap and Secret names (and keys) from the same file, same namespace', () => {
    const objects = yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: app-config
      data:
        LOG_LEVEL: info
        MODE: fast
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: creds
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: elsewhere
        namespace: other
      ---
    `;
    const pod = (tail, namespace = 'apps') =>
      `${objects}apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: ${namespace}\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n${tail}`;
    assert.deepEqual(labels(complete(pod('      envFrom:\n        - configMapRef:\n            name: ‸\n')).items), ['app-config']);
    assert.deepEqual(labels(complete(pod('      envFrom:\n        - secretRef:\n            name: ‸\n')).items), ['creds']);
    assert.deepEqual(labels(complete(pod('      envFrom:\n        - secretRef:\n            name: ‸\n', 'other')).items).sort(), ['creds', 'elsewhere']);
    const keyRef = (ref) => pod(`      env:\n        - name: X\n          valueFrom:\n            ${ref}:\n              name: ‸\n`);
    assert.deepEqual(labels(complete(keyRef('configMapKeyRef')).items), ['app-config']);
    assert.deepEqual(labels(complete(keyRef('secretKeyRef')).items), ['creds']);
    const keys = complete(pod('      env:\n        - name: X\n          valueFrom:\n            configMapKeyRef:\n              name: app-config\n              key: ‸\n')).items;
    assert.deepEqual(labels(keys), ['LOG_LEVEL', 'MODE']);
    const volume = (source, field) => pod(`  volumes:\n    - name: v\n      ${source}:\n        ${field}: ‸\n`);
    assert.deepEqual(labels(complete(volume('configMap', 'name')).items), ['app-config']);
    assert.deepEqual(labels(complete(volume('secret', 'secretName')).items), ['creds']);
  });
});
