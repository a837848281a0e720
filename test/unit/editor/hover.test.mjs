// Hover: our notes on fields people get wrong, plus the facts computed from the manifest.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { hoverAt, ruleHoverMarkdown, ALL_RULES } from '../../../dist/server/engine.js';
import { yaml } from '../../helpers/engine.mjs';

const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: kube-apiserver
    namespace: kube-system
  spec:
    terminationGracePeriodSeconds: 20
    nodeName: node-a
    containers:
    - name: web
      image: nginx
      ports:
      - name: http
        containerPort: 8080
      startupProbe:
        httpGet: {path: /healthz, port: http}
        periodSeconds: 5
        failureThreshold: 30
      livenessProbe:
        httpGet:
          path: /healthz
          port: http
        initialDelaySeconds: 60
        periodSeconds: 5
        failureThreshold: 2
      readinessProbe:
        tcpSocket: {port: http}
      lifecycle:
        preStop:
          sleep:
            seconds: 5
    - name: sidecar
      image: envoyproxy/envoy:v1.32.1
`;

/** Hover with the cursor `n` characters into the first occurrence of `marker` after `after`. */
function hover(text, marker, { after = '', n = 1, version = '1.36', staticPod = false } = {}) {
  const from = text.indexOf(after);
  const index = text.indexOf(marker, from);
  assert.ok(index >= 0, `marker ${marker} not found`);
  return hoverAt(text, index + n, { version, staticPod });
}

describe('hover: probes', () => {
  it('liveness: first check, failures × period, worst case, defaults named', () => {
    const result = hover(POD, 'livenessProbe');
    assert.ok(result);
    assert.match(result.markdown, /first check at 60 s; restarted after 2 failures, 5 s apart ⇒ ~70 s after start/);
    assert.match(result.markdown, /Defaults applied: timeoutSeconds 1, successThreshold 1/);
    assert.match(result.markdown, /does not run until the startupProbe passes \(up to ~150 s\)/);
    assert.match(result.markdown, /kill grace: 20 s/);
    assert.match(result.markdown, /Restarts the container/, 'our field note');
    assert.equal(POD.slice(result.range.start, result.range.end), 'livenessProbe');
  });

  it('readiness: unready, never restarted, every default named', () => {
    const { markdown } = hover(POD, 'readinessProbe');
    assert.match(markdown, /unready after 3 failures, 10 s apart ⇒ out of Service endpoints ~30 s/);
    assert.match(markdown, /never restarted/);
    assert.match(markdown, /Defaults applied: initialDelaySeconds 0, timeoutSeconds 1, periodSeconds 10, successThreshold 1, failureThreshold 3/);
  });

  it('startup: when it gives up', () => {
    const { markdown } = hover(POD, 'startupProbe');
    assert.match(markdown, /gives up after 30 failures, 5 s apart ⇒ the container is restarted ~150 s after start/);
  });

  it('on a timing field inside the probe: the field note and the timeline', () => {
    const { markdown } = hover(POD, 'failureThreshold', { after: 'livenessProbe' });
    assert.match(markdown, /Consecutive failures/);
    assert.match(markdown, /livenessProbe timeline/);
  });
});

describe('hover: shutdown', () => {
  it('preStop: Terminating, endpoints, preStop N s, SIGTERM, SIGKILL at the grace period', () => {
    const { markdown } = hover(POD, 'preStop');
    assert.match(markdown, /Shutdown timeline\*\* · grace period 20 s/);
    assert.match(markdown, /Terminating/);
    assert.match(markdown, /endpoints/);
    assert.match(markdown, /preStop sleep action runs first: 5 s/);
    assert.match(markdown, /SIGTERM at 5 s; SIGKILL at 20 s/);
  });

  it('terminationGracePeriodSeconds: the timeline of the containers with a preStop hook', () => {
    const { markdown } = hover(POD, 'terminationGracePeriodSeconds');
    assert.match(markdown, /Container "web"/);
    assert.doesNotMatch(markdown, /Container "sidecar"/);
  });

  it('a workload without a grace period says the default', () => {
    const text = yaml`
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
          spec:
            containers:
            - name: web
              image: nginx:1.27
              lifecycle:
                preStop:
                  exec:
                    command: ["sh", "-c", "sleep 10 && nginx -s quit"]
    `;
    const { markdown } = hover(text, 'lifecycle');
    assert.match(markdown, /grace period 30 s \(terminationGracePeriodSeconds omitted: default 30\)/);
    assert.match(markdown, /10 s/);
  });
});

describe('hover: static Pods, apiVersions, images', () => {
  it('static Pod metadata/name: mirror Pod name and how to restart it', () => {
    const { markdown } = hover(POD, 'kube-apiserver', { staticPod: true });
    assert.match(markdown, /kube-apiserver-<nodeName>/);
    assert.match(markdown, /kube-system/);
    assert.match(markdown, /kubectl delete pod/);
    assert.match(markdown, /edit the manifest file|move the file/);
    assert.match(markdown, /nodeName: node-a` is overwritten/);
    assert.equal(hover(POD, 'kube-apiserver'), undefined, 'not a static Pod: nothing to say about the name');
    assert.ok(hover(`# podwise: static-pod\n${POD}`, 'kube-apiserver'), 'the marker comment counts');
  });

  it('a removed apiVersion names its replacement', () => {
    const petset = 'apiVersion: apps/v1alpha1\nkind: PetSet\nmetadata:\n  name: db\n';
    const { markdown } = hover(petset, 'apps/v1alpha1');
    assert.match(markdown, /removed in Kubernetes 1\.5/);
    assert.match(markdown, /apiVersion: apps\/v1`\*\* with `kind: StatefulSet`/);
    const deployment = hover('apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: web\n', 'extensions');
    assert.match(deployment.markdown, /apiVersion: apps\/v1`/);
    assert.equal(hover('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n', 'apps/v1'), undefined);
  });

  it('an untagged image: the pull policy it implies', () => {
    const { markdown } = hover(POD, 'nginx');
    assert.match(markdown, /sets \*\*`Always`\*\*/);
    const tagged = hover(POD, 'envoyproxy');
    assert.match(tagged.markdown, /`IfNotPresent`/);
  });

  it('a pull policy the API does not accept is not called "set explicitly"', () => {
    const text = POD.replace('image: nginx\n', 'image: nginx\n    imagePullPolicy: Alwaysz\n');
    assert.notEqual(text, POD);
    const { markdown } = hover(text, 'Alwaysz');
    assert.doesNotMatch(markdown, /Set explicitly to `Alwaysz`/);
    assert.match(markdown, /`Alwaysz` is not a pull policy \(`Always`, `IfNotPresent`, `Never`\)/);
    const valid = hover(text.replace('Alwaysz', 'Never'), 'Never');
    assert.match(valid.markdown, /Set explicitly to `Never`/);
  });

  it('nothing on plain values without notes, on non-Kubernetes YAML, or on broken text', () => {
    assert.equal(hover(POD, 'sidecar'), undefined);
    assert.equal(hover('jobs:\n  build:\n    runs-on: ubuntu-latest\n', 'runs-on'), undefined);
    for (let offset = 0; offset < 60; offset += 1) hoverAt('apiVersion: v1\nkind: Pod\nspec: {containers: [\n', offset, { version: '1.36' });
  });

  it('ranges are whole-text offsets in later documents', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n${POD}`;
    const result = hover(text, 'readinessProbe');
    assert.equal(text.slice(result.range.start, result.range.end), 'readinessProbe');
  });
});

const FIELDS = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    labels:
      app: web
  spec:
    hostnameOverride: web-0
    containers:
    - name: web
      image: nginx:1.27
      workingDir: /srv
      imagePullPolicy: IfNotPresent
      ports:
      - name: http
        containerPort: 8080
      readinessProbe:
        httpGet: {path: /ready, port: http}
        periodSeconds: 5
      resources:
        limits:
          memory: 256Mi
          cpu: 500m
    volumes:
    - name: scratch
      emptyDir: {}
`;

/** The first paragraph of a field hover: `**key** · type · required|optional[ · versions]`. */
const headOf = (result) => result?.markdown.split('\n\n')[0];
const VERSION_NOTE = /since 1\.|removed after|only in|not in Kubernetes/;

describe('hover: field facts from the schema', () => {
  it('workingDir: type, optional, the default, our note, the key as range', () => {
    const result = hover(FIELDS, 'workingDir');
    assert.equal(headOf(result), '**workingDir** · string · optional');
    assert.match(result.markdown, /Default: the image's WORKDIR/);
    assert.match(result.markdown, /directory the container's process starts in/);
    assert.doesNotMatch(result.markdown, VERSION_NOTE, 'in every version of the range: no version note');
    assert.equal(FIELDS.slice(result.range.start, result.range.end), 'workingDir');
    assert.ok(result.markdown.split('\n').length <= 8, `short:\n${result.markdown}`);
  });

  it('containerPort: integer, required, the port range', () => {
    const { markdown } = hover(FIELDS, 'containerPort');
    assert.equal(markdown.split('\n\n')[0], '**containerPort** · integer · required');
    assert.match(markdown, /Values: 1–65535/);
  });

  it('emptyDir: an object; volumes: a list of Volume; containers: required', () => {
    assert.equal(headOf(hover(FIELDS, 'emptyDir')), '**emptyDir** · object · optional');
    assert.equal(headOf(hover(FIELDS, 'volumes')), '**volumes** · list of Volume · optional');
    assert.equal(headOf(hover(FIELDS, 'containers')), '**containers** · list of Container · required');
    assert.equal(headOf(hover(FIELDS, 'limits')), '**limits** · map of quantity · optional');
  });

  it('kind and apiVersion: strings every manifest needs, without the one-value enum', () => {
    const kind = hover(FIELDS, 'kind');
    assert.equal(headOf(kind), '**kind** · string · required');
    assert.doesNotMatch(kind.markdown, /Values:/);
    assert.equal(headOf(hover(FIELDS, 'apiVersion')), '**apiVersion** · string · required');
    assert.equal(headOf(hover(FIELDS, 'name', { after: 'metadata' })), '**name** · string · required (or `generateName`)');
  });

  it('an enum: imagePullPolicy lists its values and the defaulting rule', () => {
    const { markdown } = hover(FIELDS, 'imagePullPolicy');
    assert.equal(markdown.split('\n\n')[0], '**imagePullPolicy** · string · optional');
    assert.match(markdown, /Values: `Always` \| `IfNotPresent` \| `Never`/);
    assert.match(markdown, /Default: `Always` for `:latest` or an image without tag and digest, else `IfNotPresent`/);
  });

  it('an int-or-string: the probe port, a number or a port name', () => {
    const { markdown } = hover(FIELDS, 'port', { after: 'readinessProbe' });
    assert.equal(markdown.split('\n\n')[0], '**port** · int-or-string · required');
    assert.match(markdown, /1–65535, or a container port's name/);
  });

  it('a quantity: resources.limits.memory and cpu, written the way each resource is', () => {
    const memory = hover(FIELDS, 'memory');
    assert.equal(headOf(memory), '**memory** · quantity');
    assert.match(memory.markdown, /`128Mi` or `1Gi`/);
    assert.match(hover(FIELDS, 'cpu:').markdown, /`250m`/);
  });

  it('a default our notes already state is not said twice; one they do not state is', () => {
    const { markdown } = hover(FIELDS, 'periodSeconds');
    assert.equal(markdown.split('\n\n')[0], '**periodSeconds** · integer · optional');
    assert.doesNotMatch(markdown, /Default:/);
    assert.equal(markdown.split('means 10').length, 2);
    const deployment = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        revisionHistoryLimit: 3
        strategy:
          rollingUpdate:
            maxUnavailable: 0
    `;
    assert.match(hover(deployment, 'revisionHistoryLimit').markdown, /integer · optional\n\nDefault: `10`/);
    assert.equal(headOf(hover(deployment, 'maxUnavailable')), '**maxUnavailable** · int-or-string · optional');
  });

  it('a field added in a later version: 1.36 says since when, 1.29 says it is not there yet', () => {
    assert.equal(headOf(hover(FIELDS, 'hostnameOverride', { version: '1.36' })), '**hostnameOverride** · string · optional · since 1.34');
    assert.equal(headOf(hover(FIELDS, 'hostnameOverride', { version: '1.29' })), '**hostnameOverride** · not in Kubernetes 1.29 · since 1.34');
    const gone = FIELDS.replace('  hostnameOverride: web-0\n', '  workloadRef: {}\n');
    assert.equal(headOf(hover(gone, 'workloadRef', { version: '1.35' })), '**workloadRef** · object · optional · only in 1.35');
    assert.equal(headOf(hover(gone, 'workloadRef', { version: '1.36' })), '**workloadRef** · not in Kubernetes 1.36 · only in 1.35');
    const claim = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        resourceClaims:
        - name: gpu
          source: {}
    `;
    assert.match(headOf(hover(claim, 'source:', { version: '1.29' })), /· removed after 1\.30$/);
  });

  it("a custom resource's fields, label keys and unknown fields: nothing, and no throw anywhere", () => {
    const custom = yaml`
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        name: w
      spec:
        image: nginx
        livenessProbe: {}
        workingDir: /srv
    `;
    for (const marker of ['image', 'livenessProbe', 'workingDir', 'spec']) assert.equal(hover(custom, marker), undefined, marker);
    for (let offset = 0; offset <= custom.length; offset += 1) hoverAt(custom, offset, { version: '1.36' });
    assert.equal(hover(FIELDS, 'app:'), undefined, 'a label key is not a field');
    assert.equal(hover(FIELDS.replace('workingDir', 'workingDirectory'), 'workingDirectory'), undefined);
  });

  it('every root and spec field of every built-in kind at 1.36, and every container field, gets its facts', () => {
    const definitions = JSON.parse(readFileSync(new URL('../../../schemas/v1.36/definitions.json', import.meta.url), 'utf8')).definitions;
    const { kinds } = JSON.parse(readFileSync(new URL('../../../schemas/v1.36/index.json', import.meta.url), 'utf8'));
    const refOf = (site) => site?.$ref?.replace('#/definitions/', '');
    let checked = 0;
    for (const [key, definition] of Object.entries(kinds)) {
      const cut = key.lastIndexOf('/');
      const header = `apiVersion: ${key.slice(0, cut)}\nkind: ${key.slice(cut + 1)}\n`;
      const root = definitions[definition];
      const spec = definitions[refOf(root.properties?.spec)];
      const fields = [
        ...Object.keys(root.properties ?? {})
          .filter((name) => name !== 'apiVersion' && name !== 'kind')
          .map((name) => ({ name, text: `${header}${name}: null\n` })),
        ...Object.keys(spec?.properties ?? {}).map((name) => ({ name, text: `${header}spec:\n  ${name}: null\n` })),
      ];
      if (key === 'v1/Pod') {
        const container = definitions['io.k8s.api.core.v1.Container'];
        fields.push(...Object.keys(container.properties).map((name) => ({ name, text: `${header}spec:\n  containers:\n  - ${name}: null\n` })));
      }
      for (const { name, text } of fields) {
        const result = hoverAt(text, text.lastIndexOf(`${name}:`) + 1, { version: '1.36' });
        assert.ok(result?.markdown.startsWith(`**${name}** · `), `${key} ${name}: ${result?.markdown}`);
        assert.match(result.markdown.split('\n\n')[0], / · (required|optional)/, `${key} ${name}`);
        checked += 1;
      }
    }
    assert.ok(checked > 800, `checked ${checked} fields`);
  });
});

describe('ruleHoverMarkdown', () => {
  it('summary, severity and docs link (under the base the front end gives) for every rule', () => {
    const base = 'file:///opt/podwise/docs/rules/';
    for (const rule of ALL_RULES) {
      const markdown = ruleHoverMarkdown(rule.meta.id, base);
      assert.ok(markdown.includes(rule.meta.summary));
      assert.ok(markdown.includes(`(${base}${rule.meta.id}.md)`));
      assert.ok(!ruleHoverMarkdown(rule.meta.id).includes(']('), 'no base, no link');
    }
    assert.equal(ruleHoverMarkdown('no-such-rule', base), undefined);
  });
});
