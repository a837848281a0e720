import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

const ID = 'mount-hides-command';

const file = ({ mountPath = '/app', volume = 'configMap: {name: app-config}', data = 'config.yaml: "port: 8080"', init = '' } = {}) => yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: app-config
  data:
    ${data}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: app
  spec:
    selector:
      matchLabels: {app: app}
    template:
      metadata:
        labels: {app: app}
      spec:${init}
        containers:
        - name: app
          image: app:1.0
          command: [/app/server, --config, /app/config.yaml]
          volumeMounts:
          - {name: config, mountPath: ${mountPath}}
        volumes:
        - name: config
          ${volume}
`;

test('a ConfigMap mounted over /app, where the program lives: warning on the mountPath, in the Deployment’s document', () => {
  const text = file();
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.documentIndex, 1);
  assert.equal(textOf(text, finding), '/app');
  assert.equal(
    lineOf(text, finding),
    text.split('\n').findIndex((line) => line.includes('mountPath: /app')),
  );
  assert.match(finding.message, /volume "config" at "\/app" hides "\/app\/server"/);
  assert.match(finding.detail, /ConfigMap "app-config" in this file has no key server/);
  assert.match(finding.detail, /subPath/);
});

test('boundary: a ConfigMap that holds the program, a mount beside it, or a subPath mount are fine', () => {
  assert.deepEqual(findingsOf(file({ data: 'server: "#!/bin/sh"' }), ID), []);
  assert.deepEqual(findingsOf(file({ mountPath: '/app/conf' }), ID), []);
  assert.deepEqual(findingsOf(file({ mountPath: '/application' }), ID), []);
  assert.deepEqual(findingsOf(file().replace('mountPath: /app}', 'mountPath: /app/config.yaml, subPath: config.yaml}'), ID), []);
});

test('an emptyDir hides the program unless another container fills it; a ConfigMap outside the file is not judged', () => {
  const empty = file({ volume: 'emptyDir: {}' });
  assert.equal(findingsOf(empty, ID).length, 1);
  assert.match(findingsOf(empty, ID)[0].detail, /an emptyDir that no other container fills starts empty/);
  const filled = file({
    volume: 'emptyDir: {}',
    init: '\n        initContainers:\n        - name: copy\n          image: app:1.0\n          command: [cp, /server, /app/server]\n          volumeMounts: [{name: config, mountPath: /app}]',
  });
  assert.deepEqual(findingsOf(filled, ID), []);
  const elsewhere = file().replace('  name: app-config\ndata', '  name: other\ndata');
  assert.notEqual(elsewhere, file());
  assert.deepEqual(findingsOf(elsewhere, ID), []);
});
