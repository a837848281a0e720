// Diagnostics on opening the seed manifests (copies from examples/): the expected codes, severities
// and ranges, no unexpected errors, static-Pod rules only under etc/kubernetes/manifests/, and the
// workspace .podwise.yaml applied from the start (it turns resources-unset off).
'use strict';

const assert = require('assert');
const { test } = require('./harness');
const h = require('./vscode-helpers');

/**
 * Per file: diagnostics that must be there, as "code severity range" with the text the range
 * covers, and the exact set of error codes (errors are hard facts; advice may grow).
 */
const EXPECTED = {
  'probes-lifecycle.yaml': {
    must: [
      ['probe-success-threshold error 60:24-60:25', '3'],
      ['image-latest-tag warning 24:11-24:23', 'nginx:latest'],
      ['image-latest-tag warning 19:11-19:18', 'busybox'],
      ['emptydir-read-only warning 34:6-34:14', 'readOnly'],
    ],
    errors: ['probe-success-threshold'],
  },
  'petset.yaml': {
    must: [
      ['api-version-removed error 17:12-17:25', 'apps/v1alpha1'],
      ['statefulset-zero-grace warning 31:37-31:38', '0'],
      ['deprecated-pod-annotation warning 29:8-29:43', 'pod.alpha.kubernetes.io/initialized'],
    ],
    errors: ['api-version-removed'],
  },
  'etc/kubernetes/manifests/static-mysql.yaml': {
    must: [
      ['schema-type error 13:13-13:19', '123456'],
      ['env-literal-secret warning 12:12-12:31', 'MYSQL_ROOT_PASSWORD'],
      ['priority-class-static-pod hint 45:21-45:44', 'system-cluster-critical'],
    ],
    errors: ['schema-type'],
  },
  'tomcat-harbor.yaml': {
    must: [
      ['service-target-port-undeclared warning 39:16-39:20', '8080'],
      ['rollout-missing-readiness warning 25:6-25:16', 'containers'],
    ],
    errors: [],
  },
  'crashloop.yaml': {
    must: [
      ['image-latest-tag warning 9:11-9:16', 'nginx'],
      ['container-command-exits warning 11:4-11:11', 'command'],
    ],
    errors: [],
  },
};

for (const [file, expected] of Object.entries(EXPECTED)) {
  test(`diagnostics on opening ${file}: ${expected.must.map(([k]) => k.split(' ')[0]).join(', ')}`, async () => {
    const { uri, doc } = await h.open(file);
    const key = (d) => `${h.codeOf(d)} ${h.severityOf(d)} ${h.fmtRange(d.range)}`;
    const matches = (d, want) => key(d) === want;
    const diags = await h.waitForDiagnostics(
      uri,
      (ds) => expected.must.every(([want]) => ds.some((d) => matches(d, want))),
      `diagnostics ${expected.must.map(([k]) => k).join('; ')}`,
    );
    for (const [want, text] of expected.must) {
      const d = diags.find((x) => matches(x, want));
      assert.strictEqual(doc.getText(d.range), text, `the range of ${want} covers the wrong text`);
      assert.ok(d.message.length > 20, `${want} has a real message`);
    }
    const errors = [...new Set(diags.filter((d) => h.severityOf(d) === 'error').map(h.codeOf))].sort();
    assert.deepStrictEqual(errors, [...expected.errors].sort(), `error codes on ${file}`);
    // .podwise.yaml in the workspace sets resources-unset: off
    assert.ok(!diags.some((d) => h.codeOf(d) === 'resources-unset'), 'resources-unset is off in .podwise.yaml but was reported');
  });
}

test('static-Pod rules only apply under etc/kubernetes/manifests/ (same Pod elsewhere: no priority-class-static-pod)', async () => {
  const vscode = require('vscode');
  const staticFile = await h.open('etc/kubernetes/manifests/static-mysql.yaml');
  await h.waitForDiagnostics(staticFile.uri, h.has('priority-class-static-pod'), 'priority-class-static-pod');
  // The same text in an untitled YAML document (no path): not a static Pod.
  const copy = await vscode.workspace.openTextDocument({ language: 'yaml', content: staticFile.doc.getText() });
  await vscode.window.showTextDocument(copy, { preview: false });
  const diags = await h.waitForDiagnostics(copy.uri, h.has('schema-type'), 'schema-type on the untitled copy');
  assert.ok(!diags.some((d) => h.codeOf(d) === 'priority-class-static-pod'), 'priority-class-static-pod reported outside the static-Pod folder');
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});
