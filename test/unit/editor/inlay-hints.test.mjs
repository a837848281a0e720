// Inlay hints show what the API server fills in for omitted fields.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inlayHints } from '../../../dist/server/engine.js';
import { yaml } from '../../helpers/engine.mjs';

/** Each hint as `text before it ⟨label⟩`, with the 20 characters before the hint's offset. */
const show = (text, hints) =>
  hints.map(
    (hint) =>
      `${text
        .slice(Math.max(0, hint.offset - 20), hint.offset)
        .split('\n')
        .pop()}⟨${hint.label}⟩`,
  );

const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx
      livenessProbe:
        httpGet: {path: /healthz, port: 8080}
        periodSeconds: 5
        successThreshold: 0
      readinessProbe:
        tcpSocket: {port: 8080}
        periodSeconds: 5
        timeoutSeconds: 2
        failureThreshold: 3
        successThreshold: 2
    - name: proxy
      image: registry:5000/envoy@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
    - name: pinned
      image: nginx:1.27
      imagePullPolicy: Always
`;

describe('inlay hints', () => {
  it('probe defaults after the probe key, grace period on spec, pull policy after the image', () => {
    const hints = inlayHints(POD);
    assert.deepEqual(show(POD, hints), [
      'spec:⟨grace 30s⟩',
      '    image: nginx⟨pull: Always⟩',
      '    livenessProbe:⟨timeout 1s · failure 3⟩',
      'cdef0123456789abcdef⟨pull: IfNotPresent⟩',
    ]);
    assert.ok(hints.every((hint) => hint.paddingLeft === true && typeof hint.tooltip === 'string'));
  });

  it('an explicit grace period and complete probes need no hint', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        terminationGracePeriodSeconds: 45
        containers:
        - name: web
          image: nginx:1.27
          imagePullPolicy: IfNotPresent
          readinessProbe:
            tcpSocket: {port: 8080}
            periodSeconds: 5
            timeoutSeconds: 2
            failureThreshold: 3
            successThreshold: 1
    `;
    assert.deepEqual(inlayHints(text), []);
  });

  it('workload templates: the hint sits on the template spec, in every document', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\n${yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: nightly
      spec:
        schedule: "0 3 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Never
                containers:
                - name: job
                  image: busybox:1.36
    `}`;
    assert.deepEqual(show(text, inlayHints(text)), ['        spec:⟨grace 30s⟩', ' image: busybox:1.36⟨pull: IfNotPresent⟩']);
    // The grace hint sits on the Pod template's own `spec:` (the line before restartPolicy),
    // not on the CronJob's or the Job template's `spec:`.
    const podSpecKey = text.lastIndexOf('spec:', text.indexOf('restartPolicy: Never'));
    assert.equal(inlayHints(text)[0].offset, podSpecKey + 'spec:'.length);
  });

  it('a probe with every timing omitted: the label fits the 43 characters of VS Code, the tooltip names all four', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        terminationGracePeriodSeconds: 30
        containers:
        - name: web
          image: nginx:1.27
          imagePullPolicy: IfNotPresent
          readinessProbe:
            httpGet: {path: /ready, port: 8080}
    `;
    const [hint] = inlayHints(text);
    assert.equal(hint.label, 'period 10s · timeout 1s · failure 3');
    assert.ok(hint.label.length <= 43, `${hint.label.length} characters`);
    assert.match(hint.tooltip, /periodSeconds 10, timeoutSeconds 1, failureThreshold 3, successThreshold 1/);
  });

  it('no hint where a trailing comment follows on the line (it would push the comment right)', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:  # the Pod
        containers:
        - name: web
          image: nginx   # pinned later
          livenessProbe: # keep it cheap
            tcpSocket: {port: 8080}
        - name: side
          image: "busybox:1.36" # quoted
        - name: quiet
          image: 'busybox:1.36' #x
        - name: flow
          image: busybox:1.36
          readinessProbe: {tcpSocket: {port: 8080}, exec: {command: ["a # b", 'it''s # d', e#f]}}
    `;
    assert.deepEqual(show(text, inlayHints(text)), [' image: busybox:1.36⟨pull: IfNotPresent⟩', '    readinessProbe:⟨period 10s · timeout 1s · failure 3⟩']);
  });

  it('filters by range', () => {
    const all = inlayHints(POD);
    const range = { start: POD.indexOf('livenessProbe'), end: POD.indexOf('readinessProbe') };
    assert.deepEqual(
      inlayHints(POD, range).map((hint) => hint.label),
      ['timeout 1s · failure 3'],
    );
    assert.equal(inlayHints(POD, { start: 0, end: POD.length }).length, all.length);
  });

  it('leaves templated images, non-Kubernetes YAML and broken text alone', () => {
    const templated = POD.replace('image: nginx\n', 'image: ${IMAGE}\n');
    assert.ok(!inlayHints(templated).some((hint) => hint.label.startsWith('pull') && templated.slice(hint.offset - 8, hint.offset) === '${IMAGE}'));
    assert.deepEqual(inlayHints('jobs:\n  build:\n    runs-on: ubuntu-latest\n'), []);
    assert.ok(Array.isArray(inlayHints('apiVersion: v1\nkind: Pod\nspec: {containers: [\n')));
    assert.deepEqual(inlayHints(''), []);
  });
});
