// classifyFile: what a file is, decided once for the CLI and the language server.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyFile, DEFAULT_SETTINGS, mergeSettings } from '../../../dist/server/engine.js';

const defaults = mergeSettings(DEFAULT_SETTINGS);

/** A probe over a fixed set of existing files, recording what it was asked. */
function probeOf(...files) {
  const existing = new Set(files);
  const asked = [];
  const probe = (path) => {
    asked.push(path);
    return existing.has(path);
  };
  return { probe, asked };
}

describe('classifyFile', () => {
  test('a plain file is a manifest; no path at all (untitled) too', () => {
    assert.equal(classifyFile({ relativePath: 'deploy/web.yaml', absolutePath: '/w/deploy/web.yaml', settings: defaults }), 'manifest');
    assert.equal(classifyFile({ settings: defaults }), 'manifest');
  });

  test('exclude globs match the path relative to the root; "!" takes matches back', () => {
    const settings = mergeSettings(DEFAULT_SETTINGS, { exclude: ['generated/**', '!generated/keep/**'] });
    assert.equal(classifyFile({ relativePath: 'generated/a.yaml', absolutePath: '/w/generated/a.yaml', settings }), 'excluded');
    assert.equal(classifyFile({ relativePath: 'generated/keep/a.yaml', absolutePath: '/w/generated/keep/a.yaml', settings }), 'manifest');
    // Relative to the root only: the same folder name higher up the absolute path does not count.
    assert.equal(classifyFile({ relativePath: 'a.yaml', absolutePath: '/generated/w/a.yaml', settings }), 'manifest');
  });

  test('a file outside the root is matched by its absolute path', () => {
    const settings = mergeSettings(DEFAULT_SETTINGS, { exclude: ['**/vendor/**'] });
    assert.equal(classifyFile({ absolutePath: '/elsewhere/vendor/a.yaml', settings }), 'excluded');
    assert.equal(classifyFile({ absolutePath: 'C:\\elsewhere\\vendor\\a.yaml', settings }), 'excluded');
  });

  test('static-Pod globs match the relative path', () => {
    assert.equal(classifyFile({ relativePath: 'etc/kubernetes/manifests/p.yaml', absolutePath: '/w/etc/kubernetes/manifests/p.yaml', settings: defaults }), 'static-pod');
    const settings = mergeSettings(DEFAULT_SETTINGS, { staticPodPaths: ['nodes/*/static/**'] });
    assert.equal(classifyFile({ relativePath: 'nodes/n1/static/p.yaml', absolutePath: '/w/nodes/n1/static/p.yaml', settings }), 'static-pod');
  });

  test('static-Pod globs match the absolute path too, whichever folder is the root (the CLI/editor disagreement)', () => {
    // Root /srv/etc/kubernetes (the folder open in the editor, or the CLI's cwd): relative "manifests/p.yaml".
    assert.equal(classifyFile({ relativePath: 'manifests/p.yaml', absolutePath: '/srv/etc/kubernetes/manifests/p.yaml', settings: defaults }), 'static-pod');
    // The kubelet's own folder, opened directly.
    assert.equal(classifyFile({ relativePath: 'kube-apiserver.yaml', absolutePath: '/etc/kubernetes/manifests/kube-apiserver.yaml', settings: defaults }), 'static-pod');
    assert.equal(classifyFile({ absolutePath: 'C:\\etc\\kubernetes\\manifests\\p.yaml', settings: defaults }), 'static-pod');
    assert.equal(classifyFile({ relativePath: 'manifests/p.yaml', absolutePath: '/srv/app/manifests/p.yaml', settings: defaults }), 'manifest');
  });

  test('"!" negation in staticPodPaths applies to both path forms', () => {
    const settings = mergeSettings(DEFAULT_SETTINGS, { staticPodPaths: ['!**/manifests/skip/**'] });
    assert.equal(classifyFile({ relativePath: 'manifests/skip/p.yaml', absolutePath: '/etc/kubernetes/manifests/skip/p.yaml', settings }), 'manifest');
  });

  test('--static-pod makes any other manifest a static Pod', () => {
    assert.equal(classifyFile({ relativePath: 'a.yaml', absolutePath: '/w/a.yaml', settings: defaults, forceStaticPod: true }), 'static-pod');
  });

  test('Helm chart templates: below <chart>/templates/ with a Chart.yaml in <chart>, found with the injected probe', () => {
    const { probe, asked } = probeOf('/w/chart/Chart.yaml');
    assert.equal(classifyFile({ relativePath: 'chart/templates/a.yaml', absolutePath: '/w/chart/templates/a.yaml', settings: defaults, probe }), 'helm-template');
    assert.equal(classifyFile({ relativePath: 'chart/templates/sub/b.yaml', absolutePath: '/w/chart/templates/sub/b.yaml', settings: defaults, probe }), 'helm-template');
    assert.equal(classifyFile({ relativePath: 'chart/values.yaml', absolutePath: '/w/chart/values.yaml', settings: defaults, probe }), 'manifest');
    assert.equal(classifyFile({ relativePath: 'other/templates/a.yaml', absolutePath: '/w/other/templates/a.yaml', settings: defaults, probe }), 'manifest');
    // Only folders named templates make the probe look for a chart.
    assert.deepEqual(asked, ['/w/chart/Chart.yaml', '/w/chart/Chart.yaml', '/w/other/Chart.yaml', '/w/other/Chart.yml']);
  });

  test('Helm: Chart.yml counts, Windows paths are probed with "/", and no probe means no Helm detection', () => {
    const { probe, asked } = probeOf('C:/w/chart/Chart.yml');
    assert.equal(classifyFile({ absolutePath: 'C:\\w\\chart\\templates\\a.yaml', settings: defaults, probe }), 'helm-template');
    assert.deepEqual(asked, ['C:/w/chart/Chart.yaml', 'C:/w/chart/Chart.yml']);
    assert.equal(classifyFile({ absolutePath: '/w/chart/templates/a.yaml', settings: defaults }), 'manifest');
    const root = probeOf('/Chart.yaml');
    assert.equal(classifyFile({ absolutePath: '/templates/a.yaml', settings: defaults, probe: root.probe }), 'helm-template');
  });

  test('kustomization files by name', () => {
    for (const name of ['kustomization.yaml', 'kustomization.yml', 'Kustomization']) {
      assert.equal(classifyFile({ relativePath: `overlays/prod/${name}`, absolutePath: `/w/overlays/prod/${name}`, settings: defaults }), 'kustomization', name);
    }
    assert.equal(classifyFile({ relativePath: 'my-kustomization.yaml', absolutePath: '/w/my-kustomization.yaml', settings: defaults }), 'manifest');
    assert.equal(classifyFile({ relativePath: 'KUSTOMIZATION.yaml', absolutePath: '/w/KUSTOMIZATION.yaml', settings: defaults }), 'manifest');
  });

  test('precedence: excluded > helm-template > kustomization > static-pod', () => {
    const { probe } = probeOf('/etc/kubernetes/manifests/chart/Chart.yaml');
    const file = '/etc/kubernetes/manifests/chart/templates/kustomization.yaml';
    assert.equal(classifyFile({ absolutePath: file, settings: defaults, probe }), 'helm-template');
    assert.equal(classifyFile({ absolutePath: file, settings: mergeSettings(DEFAULT_SETTINGS, { exclude: ['**/chart/**'] }), probe }), 'excluded');
    assert.equal(classifyFile({ absolutePath: '/etc/kubernetes/manifests/kustomization.yaml', settings: defaults, probe }), 'kustomization');
  });
});
