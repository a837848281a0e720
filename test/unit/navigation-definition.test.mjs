// Navigation across files (engine/navigation): go to definition and find references, on a
// workspace of several files. The current file comes from its snapshot; the others as the
// language server's index holds them (collectRunObjects), read again only to locate a target.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { definitionAt, referencesAt } from '../../dist/server/engine.js';
import { CONFIG, DEPLOYMENT, INGRESS, SERVICE, workspaceOf } from './navigation-fixtures.mjs';
import { yaml } from '../helpers/engine.mjs';

const FILES = { '/w/deploy.yaml': DEPLOYMENT, '/w/service.yaml': SERVICE, '/w/config.yaml': CONFIG, '/w/ingress.yaml': INGRESS };

describe('navigation: go to definition', () => {
  it('from a Service selector value or key to the workload in another file (its metadata.name)', async () => {
    const { workspace, locate, at } = workspaceOf(FILES, '/w/service.yaml');
    const value = await locate(definitionAt(workspace, at('app: web', 0, 6)));
    assert.deepEqual(value, [{ file: '/w/deploy.yaml', line: 3, text: 'web' }]);
    const key = await locate(definitionAt(workspace, at('app: web', 0, 1)));
    assert.deepEqual(key, value);
  });

  it('from configMapKeyRef to the ConfigMap key, and from its name to the ConfigMap', async () => {
    const { workspace, locate, at } = workspaceOf(FILES, '/w/deploy.yaml');
    assert.deepEqual(await locate(definitionAt(workspace, at('key: mode', 0, 6))), [{ file: '/w/config.yaml', line: 5, text: 'mode' }]);
    assert.deepEqual(await locate(definitionAt(workspace, at('name: settings', 0, 7))), [{ file: '/w/config.yaml', line: 3, text: 'settings' }]);
  });

  it('from secretKeyRef (flow style), claimName and serviceAccountName to their objects in a multi-document file', async () => {
    const { workspace, locate, at } = workspaceOf(FILES, '/w/deploy.yaml');
    assert.deepEqual(await locate(definitionAt(workspace, at('key: token', 0, 6))), [{ file: '/w/config.yaml', line: 13, text: 'token' }]);
    assert.deepEqual(await locate(definitionAt(workspace, at('claimName: web-data', 0, 12))), [{ file: '/w/config.yaml', line: 18, text: 'web-data' }]);
    assert.deepEqual(await locate(definitionAt(workspace, at('serviceAccountName: web-sa', 0, 21))), [{ file: '/w/config.yaml', line: 26, text: 'web-sa' }]);
  });

  it("from an Ingress backend to the Service, and from its port name to the Service's port", async () => {
    const { workspace, locate, at } = workspaceOf(FILES, '/w/ingress.yaml');
    assert.deepEqual(await locate(definitionAt(workspace, at('name: web', 1, 7))), [{ file: '/w/service.yaml', line: 3, text: 'web' }]);
    assert.deepEqual(await locate(definitionAt(workspace, at('name: http', 0, 7))), [{ file: '/w/service.yaml', line: 8, text: 'http' }]);
  });

  it("from a Service's named targetPort to the container port of that name in the selected Pods", async () => {
    const { workspace, locate, at } = workspaceOf(FILES, '/w/service.yaml');
    assert.deepEqual(await locate(definitionAt(workspace, at('targetPort: http', 0, 13))), [{ file: '/w/deploy.yaml', line: 19, text: 'http' }]);
  });

  it('in the same file: a Service selecting a Deployment of the next document', async () => {
    const text = `${SERVICE}---\n${DEPLOYMENT}`;
    const { workspace, locate, at, reads } = workspaceOf({ '/w/all.yaml': text }, '/w/all.yaml');
    assert.deepEqual(await locate(definitionAt(workspace, at('app: web', 0, 6))), [{ file: '/w/all.yaml', line: 15, text: 'web' }]);
    assert.deepEqual(reads, [], 'the current file comes from its snapshot');
  });

  it('namespaces count: a Service in another namespace selects nothing; nothing navigable answers nothing', async () => {
    const other = SERVICE.replace('name: web\n', 'name: web\n  namespace: other\n');
    const files = { ...FILES, '/w/deploy.yaml': DEPLOYMENT.replace('name: web\n', 'name: web\n  namespace: team\n'), '/w/service.yaml': other };
    const { workspace, at } = workspaceOf(files, '/w/service.yaml');
    assert.deepEqual(definitionAt(workspace, at('app: web', 0, 6)), []);
    assert.deepEqual(definitionAt(workspace, at('port: 80', 0, 7)), []);
    assert.deepEqual(definitionAt(workspace, at('kind: Service', 0, 7)), []);
  });

  it('a reference to an object the workspace does not hold has no definition', async () => {
    const { workspace, at } = workspaceOf({ '/w/deploy.yaml': DEPLOYMENT }, '/w/deploy.yaml');
    assert.deepEqual(definitionAt(workspace, at('name: settings', 0, 7)), []);
  });
});

describe('navigation: find references', () => {
  it("of a ConfigMap's name: every reader in the workspace, with the declaration when asked", async () => {
    const pod = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: tool
      spec:
        containers:
        - name: tool
          image: busybox:1.36
          envFrom:
          - configMapRef:
              name: settings
        volumes:
        - name: cfg
          configMap:
            name: settings
            items:
            - key: mode
              path: mode
    `;
    const elsewhere = pod.replace('name: tool\n', 'name: tool\n  namespace: other\n').replace('tool\nspec', 'tool2\nspec');
    const files = { ...FILES, '/w/pod.yaml': pod, '/w/elsewhere.yaml': elsewhere.replace('name: tool\n  namespace', 'name: tool2\n  namespace') };
    files['/w/config.yaml'] = CONFIG.replace('name: settings\n', 'name: settings\n  namespace: default\n');
    const { workspace, locate, at } = workspaceOf(files, '/w/config.yaml');
    const offset = at('name: settings', 0, 7);
    const found = await locate(referencesAt(workspace, offset, true));
    assert.deepEqual(found, [
      { file: '/w/config.yaml', line: 3, text: 'settings' },
      { file: '/w/deploy.yaml', line: 25, text: 'settings' },
      { file: '/w/pod.yaml', line: 10, text: 'settings' },
      { file: '/w/pod.yaml', line: 14, text: 'settings' },
    ]);
    const without = await locate(referencesAt(workspace, offset, false));
    assert.equal(without.length, 3);
  });

  it('of a ConfigMap key reference: every reader of the key', async () => {
    const { workspace, locate, at } = workspaceOf(FILES, '/w/deploy.yaml');
    assert.deepEqual(await locate(referencesAt(workspace, at('key: mode', 0, 6), true)), [
      { file: '/w/config.yaml', line: 5, text: 'mode' },
      { file: '/w/deploy.yaml', line: 26, text: 'mode' },
    ]);
  });

  it('of a template label: the selectors that select the Pods through it, in every file', async () => {
    const { workspace, locate, at } = workspaceOf(FILES, '/w/deploy.yaml');
    assert.deepEqual(await locate(referencesAt(workspace, at('app: web', 1, 1), false)), [
      { file: '/w/deploy.yaml', line: 7, text: 'app' },
      { file: '/w/service.yaml', line: 6, text: 'app' },
    ]);
    assert.deepEqual(await locate(referencesAt(workspace, at('tier: front', 0, 1), false)), [], 'no selector uses tier');
  });

  it("of a Service's name: the Ingress backend that names it", async () => {
    const { workspace, locate, at } = workspaceOf(FILES, '/w/service.yaml');
    assert.deepEqual(await locate(referencesAt(workspace, at('name: web', 0, 7), false)), [{ file: '/w/ingress.yaml', line: 12, text: 'web' }]);
  });

  it("of a container port's name: the container's probes and the targetPort of the Services that select the Pods", async () => {
    const deployment = DEPLOYMENT.replace('containerPort: 8080\n', 'containerPort: 8080\n        readinessProbe:\n          httpGet: {path: /, port: http}\n');
    const { workspace, locate, at } = workspaceOf({ ...FILES, '/w/deploy.yaml': deployment }, '/w/deploy.yaml');
    assert.deepEqual(await locate(referencesAt(workspace, at('name: http', 0, 7), true)), [
      { file: '/w/deploy.yaml', line: 19, text: 'http' },
      { file: '/w/deploy.yaml', line: 22, text: 'http' },
      { file: '/w/service.yaml', line: 10, text: 'http' },
    ]);
  });
});

describe('navigation: other selectors', () => {
  it("a PodDisruptionBudget's matchExpressions (a value, the key) lead to the workload, in a file with a NetworkPolicy", async () => {
    const policies = yaml`
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata:
        name: web
      spec:
        minAvailable: 1
        selector:
          matchExpressions:
          - {key: app, operator: In, values: [web, api]}
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: all
      spec:
        podSelector: {}
    `;
    const { workspace, locate, at } = workspaceOf({ ...FILES, '/w/policies.yaml': policies }, '/w/policies.yaml');
    assert.deepEqual(await locate(definitionAt(workspace, at('web, api', 0, 1))), [{ file: '/w/deploy.yaml', line: 3, text: 'web' }]);
    assert.deepEqual(await locate(definitionAt(workspace, at('key: app', 0, 6))), [{ file: '/w/deploy.yaml', line: 3, text: 'web' }]);
  });
});
