import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, lineOf, textOf } from '../../helpers/engine.mjs';
import { refFindings } from '../../helpers/references.mjs';

const ID = 'ingress-backend-missing';

const INGRESS = yaml`
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata:
    name: site
    namespace: web
  spec:
    rules:
    - host: example.com
      http:
        paths:
        - path: /
          pathType: Prefix
          backend:
            service:
              name: frontend
              port: {number: 80}
        - path: /api
          pathType: Prefix
          backend:
            service:
              name: api
              port: {name: http}
`;

const service = (name, ports, namespace = 'web') => yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: ${name}
    namespace: ${namespace}
  spec:
    selector: {app: ${name}}
    ports: ${JSON.stringify(ports)}
`;

const SERVICES = service('frontend', [{ port: 80, targetPort: 8080 }]) + '---\n' + service('api', [{ name: 'http', port: 8000 }]);

test('Services and ports in another file: nothing to say', () => {
  assert.deepEqual(refFindings(INGRESS, ID, { files: { '/work/app/services.yaml': SERVICES } }), []);
});

test('a Service no file defines: info at the service name; warning when complete', () => {
  const files = { '/work/app/services.yaml': service('frontend', [{ port: 80 }]) };
  const [finding, ...rest] = refFindings(INGRESS, ID, { files });
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'info');
  assert.equal(lineOf(INGRESS, finding), 20);
  assert.equal(textOf(INGRESS, finding), 'api');
  assert.equal(finding.message, 'Ingress backend Service "api" was not found');
  assert.equal(refFindings(INGRESS, ID, { files, workspaceIsComplete: true })[0].severity, 'warning');
});

test('a port the Service does not expose, by number and by name', () => {
  const files = { '/work/app/services.yaml': service('frontend', [{ port: 8080 }]) + '---\n' + service('api', [{ name: 'grpc', port: 9000 }]) };
  const findings = refFindings(INGRESS, ID, { files });
  assert.deepEqual(
    findings.map((finding) => [textOf(INGRESS, finding), finding.message]),
    [
      ['80', 'Service "frontend" has no port 80'],
      ['http', 'Service "api" has no port "http"'],
    ],
  );
  assert.match(findings[0].detail, /exposes port 8080/);
});

test('namespace mismatch; the Service in the same multi-document file; no run: silent', () => {
  assert.equal(
    refFindings(INGRESS, ID, { files: { '/work/app/services.yaml': service('frontend', [{ port: 80 }], 'other') + '---\n' + service('api', [{ name: 'http', port: 1 }]) } }).length,
    1,
  );
  assert.deepEqual(refFindings(SERVICES + '---\n' + INGRESS, ID, { files: {} }), []);
  assert.deepEqual(refFindings(INGRESS, ID, { alone: true }), []);
});

test('extensions/v1beta1 backends (serviceName, servicePort) at 1.29', () => {
  const text = yaml`
    apiVersion: networking.k8s.io/v1beta1
    kind: Ingress
    metadata:
      name: old
    spec:
      backend:
        serviceName: legacy
        servicePort: 80
  `;
  const [finding] = refFindings(text, ID, { files: {}, version: '1.29' });
  assert.equal(textOf(text, finding), 'legacy');
  assert.deepEqual(refFindings(text, ID, { files: { '/work/app/s.yaml': service('legacy', [{ port: 80 }], '""') }, version: '1.29' }), []);
});
