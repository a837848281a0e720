// The two servers the benchmark compares, and how each is started and configured.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToUri } from './lsp-driver.mjs';

export const K8S_VERSION = '1.36';

export function podwiseServer({ root, cpuProfDir, nodeFlags = [], codeCacheDir }) {
  const settings = {
    kubernetesVersion: K8S_VERSION,
    rules: {},
    exclude: [],
    staticPodPaths: ['**/etc/kubernetes/manifests/**', '**/kubernetes/manifests/**'],
    inlayHints: { enabled: false },
  };
  // Started as the VS Code client starts it (server/src/shared/server-launch.ts), plus the bench's own flags.
  const launchFile = join(root, 'server', 'src', 'shared', 'server-launch.json');
  const launch = existsSync(launchFile) ? JSON.parse(readFileSync(launchFile, 'utf8')) : { nodeArgs: [], env: {} };
  const flags = [...launch.nodeArgs, ...nodeFlags, ...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [])];
  return {
    id: 'podwise',
    label: 'Podwise',
    args: [...flags, join(root, 'bin', 'podwise-language-server.js'), '--stdio'],
    // The V8 code cache (server/src/node/code-cache.ts) in a folder of the bench's own: run.mjs fills it first.
    env: { ...process.env, ...launch.env, ...(codeCacheDir ? { PODWISE_CODE_CACHE_DIR: codeCacheDir } : {}) },
    ...(codeCacheDir ? { codeCacheDir } : {}),
    available: () => existsSync(join(root, 'dist', 'server', 'server.js')),
    missing: 'dist/server/server.js is missing: run `npm run build` first',
    settings: { podwise: settings },
    configuration: (section) => {
      if (section === undefined || section === null || section === '') return { podwise: settings };
      if (section === 'podwise') return settings;
      if (section.startsWith('podwise.')) return settings[section.slice('podwise.'.length)];
      return null;
    },
  };
}

/** yaml-language-server 1.25 with the same strict schema (bench/.peer/k8s-strict-1.36.json). */
export function yamlLanguageServer({ benchDir, schemaFile }) {
  const bin = join(benchDir, '.peer', 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  const yaml = {
    validate: true,
    hover: false,
    completion: false,
    format: { enable: false },
    // The schema for every YAML file of the workspace; no network: no schema store, no CRD store.
    schemas: { [pathToUri(schemaFile)]: ['*.yaml', '*.yml'] },
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
    maxItemsComputed: 5000,
  };
  return {
    id: 'yls',
    label: 'yaml-language-server',
    args: [bin, '--stdio'],
    available: () => existsSync(bin),
    missing: 'bench/.peer has no yaml-language-server: run `bash bench/setup.sh`',
    settings: { yaml },
    configuration: (section) => {
      if (section === 'yaml') return yaml;
      if (section === 'http') return { proxy: '', proxyStrictSSL: false };
      if (section === '[yaml]') return {};
      if (section === 'editor') return {};
      return null;
    },
  };
}
