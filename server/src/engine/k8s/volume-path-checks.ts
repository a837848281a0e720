// Path fields inside volume sources: the files a secret, configMap, downwardAPI or projected volume
// writes (relative, no "..", not starting with ".."), hostPath (no ".."), nfs (absolute),
// gitRepo.directory (relative, no ".."), and file paths a projected volume writes twice.
// core/validation.go validateKeyToPath, validateDownwardAPIVolumeFile, validateProjectionSources,
// validateHostPathVolumeSource, validateNFSVolumeSource, validateGitRepoVolumeSource.
// https://kubernetes.io/docs/concepts/storage/projected-volumes/
import { asObject, asString, objectItems, type JsonObject } from '../json';
import type { FieldPath } from '../types';
import { backstepProblem, descendingPathProblems, localPathProblems } from './volume-paths';
import { fieldText, requireString, shown, type VolumeProblem } from './volume-problems';

const ITEM_HINT = 'File paths are relative to the mount point and stay inside it: no leading "/", no ".." element, no leading "..".';

/** Every path problem of one volume (paths from the volume item). */
export function volumePathProblems(volume: JsonObject): VolumeProblem[] {
  const problems: VolumeProblem[] = [];
  const hostPath = asObject(volume.hostPath);
  if (hostPath) problems.push(...hostPathProblems(hostPath));
  const nfs = asObject(volume.nfs);
  if (nfs) problems.push(...nfsProblems(nfs));
  const gitRepo = asObject(volume.gitRepo);
  const directory = gitRepo ? asString(gitRepo.directory) : undefined;
  if (directory)
    problems.push(
      ...pathProblems(
        directory,
        ['gitRepo', 'directory'],
        descendingPathProblems,
        'The repository is cloned into this directory of the volume: give a relative path without "..".',
      ),
    );
  for (const kind of ['secret', 'configMap']) {
    const source = asObject(volume[kind]);
    if (source) problems.push(...itemPathProblems(source, [kind]));
  }
  const downward = asObject(volume.downwardAPI);
  if (downward) problems.push(...itemPathProblems(downward, ['downwardAPI']));
  const projected = asObject(volume.projected);
  if (projected) problems.push(...projectedPathProblems(projected));
  return problems;
}

function hostPathProblems(hostPath: JsonObject): VolumeProblem[] {
  const required = requireString(hostPath, 'path', ['hostPath'], true, 'Set the directory or file on the node to mount.');
  if (required) return [required];
  const path = asString(hostPath.path);
  return path
    ? pathProblems(
        path,
        ['hostPath', 'path'],
        (value) => [backstepProblem(value)].filter((problem): problem is string => problem !== undefined),
        'Write the path on the node without ".." elements.',
      )
    : [];
}

function nfsProblems(nfs: JsonObject): VolumeProblem[] {
  const required = requireString(nfs, 'path', ['nfs'], true, 'Set the path the NFS server exports, such as /exports/data.');
  if (required) return [required];
  const path = asString(nfs.path);
  if (path === undefined || path.startsWith('/')) return [];
  return [
    {
      path: ['nfs', 'path'],
      target: 'value',
      text: `nfs.path ${shown(path)} is not an absolute path`,
      upstream: 'must be an absolute path',
      hint: 'Write the exported path from the server root, starting with "/".',
      replace: { title: `Make it absolute: /${path}`, value: `/${path}` },
    },
  ];
}

/** items[].path of secret, configMap and downwardAPI sources (and projections). */
function itemPathProblems(source: JsonObject, at: FieldPath): VolumeProblem[] {
  return objectItems(source.items).flatMap(({ item, index }) => {
    const itemAt = [...at, 'items', index];
    const required = requireString(item, 'path', itemAt, true, 'Name the file to write, relative to the mount point.');
    if (required) return [required];
    const path = asString(item.path);
    return path ? pathProblems(path, [...itemAt, 'path'], localPathProblems, ITEM_HINT) : [];
  });
}

function projectedPathProblems(projected: JsonObject): VolumeProblem[] {
  const problems: VolumeProblem[] = [];
  const written = new Map<string, FieldPath>();
  for (const { item, index } of objectItems(projected.sources)) {
    const at: FieldPath = ['projected', 'sources', index];
    for (const kind of ['secret', 'configMap', 'downwardAPI']) {
      const source = asObject(item[kind]);
      if (!source) continue;
      problems.push(...itemPathProblems(source, [...at, kind]));
      // Two projections writing the same file: the API server refuses the second.
      for (const { item: file, index: fileIndex } of objectItems(source.items)) {
        const path = asString(file.path);
        if (!path) continue;
        const first = written.get(path);
        const here = [...at, kind, 'items', fileIndex, 'path'];
        if (first)
          problems.push({
            path: here,
            target: 'value',
            text: `projected file ${shown(path)} is also written by ${fieldText(first.slice(1, -1))}`,
            upstream: 'conflicting duplicate paths',
            hint: 'Give each projected file its own path.',
          });
        else written.set(path, here);
      }
    }
    const token = asObject(item.serviceAccountToken);
    if (token) {
      const tokenAt = [...at, 'serviceAccountToken'];
      const required = requireString(token, 'path', tokenAt, true, 'Name the file the token is written to, such as token.');
      const path = asString(token.path);
      if (required) problems.push(required);
      else if (path) problems.push(...pathProblems(path, [...tokenAt, 'path'], localPathProblems, ITEM_HINT));
    }
  }
  return problems;
}

/** One finding per upstream error of a path; a leading "/" alone gets a fix. */
function pathProblems(value: string, path: FieldPath, check: (value: string) => string[], hint: string): VolumeProblem[] {
  const relative = value.replace(/^\/+/, '');
  const fixable = relative !== '' && relative !== value && check(relative).length === 0;
  return check(value).map((upstream) => ({
    path,
    target: 'value',
    text: `${fieldText(path)} ${shown(value)} ${upstream}`,
    upstream,
    hint,
    replace: fixable && upstream === 'must be a relative path' ? { title: `Make it relative: ${relative}`, value: relative } : undefined,
  }));
}
