// Hover: our notes on fields people get wrong, plus the facts computed from the manifest.
import assert from 'node:assert/strict';
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

describe('ruleHoverMarkdown', () => {
  it('summary, severity and docs link for every rule', () => {
    for (const rule of ALL_RULES) {
      const markdown = ruleHoverMarkdown(rule.meta.id);
      assert.ok(markdown.includes(rule.meta.summary));
      assert.ok(markdown.includes(`/docs/rules/${rule.meta.id}.md`));
    }
    assert.equal(ruleHoverMarkdown('no-such-rule'), undefined);
  });
});
