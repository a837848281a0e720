// Where the version picker saves `podwise.kubernetesVersion`: asked the first time (workspace or
// user settings), then remembered in the extension's globalState, so picking a version never
// writes .vscode/settings.json behind the user's back. Pure (no vscode import) so it is tested
// without an editor; commands.ts does the asking and the writing.

export type SaveTarget = 'workspace' | 'user';

/** globalState key of the remembered choice. */
export const SAVE_TARGET_KEY = 'podwise.kubernetesVersion.saveTarget';

export interface SaveTargetChoice {
  label: string;
  detail: string;
  target: SaveTarget;
}

/** The remembered choice, if it is one (globalState holds whatever an older version stored). */
export function rememberedTarget(stored: unknown): SaveTarget | undefined {
  return stored === 'workspace' || stored === 'user' ? stored : undefined;
}

/**
 * What to do when a version was picked: save to `target` at once, or `ask` first. Without a
 * workspace open, user settings are the only place: no question. With one, the remembered
 * choice, or a question the first time.
 */
export function resolveSaveTarget(stored: unknown, hasWorkspace: boolean): { target: SaveTarget } | 'ask' {
  if (!hasWorkspace) return { target: 'user' };
  const remembered = rememberedTarget(stored);
  return remembered ? { target: remembered } : 'ask';
}

/** The question's answers, the current choice first when there is one. */
export function saveTargetChoices(current?: SaveTarget): SaveTargetChoice[] {
  const choices: SaveTargetChoice[] = [
    { label: 'Workspace settings', detail: 'This workspace only (.vscode/settings.json): shared with everyone who opens it.', target: 'workspace' },
    { label: 'User settings', detail: 'Every workspace on this machine, unless a workspace or .podwise.yaml sets another.', target: 'user' },
  ];
  return current === 'user' ? [choices[1], choices[0]] : choices;
}

/** How a saved version is reported: `Kubernetes 1.35 saved in workspace settings`. */
export function savedMessage(version: string, target: SaveTarget): string {
  return `Kubernetes ${version} saved in ${target === 'workspace' ? 'workspace' : 'user'} settings`;
}
