// A kustomization names files and folders relative to its own folder. One that is not there (a typo,
// a file moved or deleted, a folder without its kustomization.yaml) fails `kustomize build` before
// anything is built. Remote entries (URLs, `github.com/…?ref=`) are not fetched and not judged.
// https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/resource/
import { getIn } from '../../json';
import { quoteShort } from '../../k8s/phrasing';
import { readKustomization, type EntryRole, type KustomizeEntry } from '../../kustomize/kustomization-entries';
import type { EntryState } from '../../kustomize/kustomize-role';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const kustomizeResourceMissing: Rule = {
  meta: {
    id: 'kustomize-resource-missing',
    defaultSeverity: 'error',
    category: 'kustomize',
    summary: 'A kustomization names a local file or folder that does not exist (or a folder without a kustomization); kustomize build fails.',
    kinds: ['Kustomization', 'Component'],
  },
  checkObject(context) {
    const role = context.env.kustomize;
    if (role?.kind !== 'kustomization') return [];
    const findings: RuleFinding[] = [];
    for (const entry of readKustomization(context.object).entries) {
      const state = role.entries[entry.value];
      // The front end did not look (no file system): nothing to say.
      if (state === undefined) continue;
      const problem = problemOf(entry.role, state);
      if (!problem) continue;
      // Only entries written as plain strings have a value to point at.
      if (typeof getIn(context.object, entry.path) !== 'string') continue;
      findings.push({ path: entry.path, target: 'value', message: problem.message(entry), detail: problem.detail });
    }
    return findings;
  },
};

interface Problem {
  message: (entry: KustomizeEntry) => string;
  detail: string;
}

const WHAT: Record<EntryRole, string> = {
  resource: 'Resource',
  component: 'Component',
  patch: 'Patch file',
  'generator-file': 'Generator source',
  'generator-env': 'Env file',
  file: 'File',
  plugin: 'Plugin config',
};

/** What kustomize needs at the path, by the entry's role, against what is there. */
function problemOf(role: EntryRole, state: EntryState): Problem | undefined {
  if (state === 'missing') {
    return {
      message: (entry) => `${WHAT[role]} ${quoteShort(entry.value, 50)} does not exist`,
      detail:
        'Paths in a kustomization are relative to its folder. kustomize stops with "no such file or directory" (or "must be a directory or a file") and builds nothing. ' +
        'Fix the path, or remove the entry if the file is gone on purpose.',
    };
  }
  if (state === 'folder' && (role === 'resource' || role === 'component' || role === 'plugin')) {
    return {
      message: (entry) => `Folder ${quoteShort(entry.value, 50)} has no kustomization.yaml`,
      detail:
        'A folder listed in a kustomization must hold its own kustomization.yaml (or kustomization.yml, Kustomization); kustomize stops with "unable to find one of ' +
        "'kustomization.yaml', 'kustomization.yml' or 'Kustomization'\". List the files instead, or add a kustomization to the folder.",
    };
  }
  if (state === 'file' && role === 'component') {
    return {
      message: (entry) => `Component ${quoteShort(entry.value, 50)} is a file; components are folders`,
      detail: 'A component is a folder whose kustomization.yaml has kind: Component. Point the entry at that folder.',
    };
  }
  if (state !== 'file' && (role === 'patch' || role === 'generator-env' || role === 'file')) {
    return {
      message: (entry) => `${WHAT[role]} ${quoteShort(entry.value, 50)} is a folder, not a file`,
      detail: 'kustomize reads this entry as one file and fails on a folder. Name the file inside it.',
    };
  }
  return undefined;
}
