// Client commands: pick the Kubernetes version, open a rule's documentation.
import * as vscode from 'vscode';
import { SUPPORTED_VERSIONS, DEFAULT_VERSION } from '../../server/src/engine/versions';
import { SETTINGS_SECTION } from '../../server/src/shared/settings';
import { RULE_DOCS_DIR, RULE_ID_PATTERN } from '../../server/src/shared/rule-docs';
import type { StatusParams } from '../../server/src/shared/protocol';
import { SAVE_TARGET_KEY, rememberedTarget, resolveSaveTarget, saveTargetChoices, savedMessage, type SaveTarget } from './save-target';

/** The picker's last item: change where the version is saved. */
const CHANGE_TARGET = Symbol('change-target');

export async function selectKubernetesVersion(state: vscode.Memento, activeStatus: () => StatusParams | undefined): Promise<void> {
  const scope = vscode.window.activeTextEditor?.document.uri;
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const current = config.get<string>('kubernetesVersion') ?? DEFAULT_VERSION;
  const hasWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  for (;;) {
    const remembered = rememberedTarget(state.get(SAVE_TARGET_KEY));
    type Item = vscode.QuickPickItem & { version: string | typeof CHANGE_TARGET };
    const items: Item[] = [...SUPPORTED_VERSIONS].reverse().map((version) => ({
      label: version,
      description: [version === current ? 'current' : '', version === DEFAULT_VERSION ? 'newest bundled' : ''].filter(Boolean).join(' · ') || undefined,
      version,
    }));
    if (hasWorkspace && remembered) {
      items.push({ label: '', kind: vscode.QuickPickItemKind.Separator, version: CHANGE_TARGET });
      items.push({ label: `$(gear) Saved in ${remembered} settings: change…`, version: CHANGE_TARGET });
    }
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Podwise: Kubernetes version',
      placeHolder: `Validate against Kubernetes… (now ${current})`,
    });
    if (!picked) return;
    if (picked.version === CHANGE_TARGET) {
      await askSaveTarget(state, remembered);
      continue;
    }
    const resolved = resolveSaveTarget(state.get(SAVE_TARGET_KEY), hasWorkspace);
    const target = resolved === 'ask' ? await askSaveTarget(state) : resolved.target;
    if (!target) return;
    await config.update('kubernetesVersion', picked.version, target === 'workspace' ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
    vscode.window.setStatusBarMessage(`Podwise: ${savedMessage(picked.version, target)}`, 5000);
    const status = activeStatus();
    if (status?.versionSource === 'config-file' && status.kubernetesVersion !== picked.version) {
      const file = status.configFile ? vscode.workspace.asRelativePath(status.configFile) : '.podwise.yaml';
      void vscode.window.showInformationMessage(`${file} sets kubernetesVersion ${status.kubernetesVersion} for this folder, which takes precedence over the setting.`);
    }
    return;
  }
}

/** Asks where to save the version and remembers the answer; undefined when dismissed. */
async function askSaveTarget(state: vscode.Memento, current?: SaveTarget): Promise<SaveTarget | undefined> {
  const choice = await vscode.window.showQuickPick(saveTargetChoices(current), {
    title: 'Podwise: save the Kubernetes version in…',
    placeHolder: 'Where to save the version (remembered; change it from the version picker)',
  });
  if (!choice) return undefined;
  await state.update(SAVE_TARGET_KEY, choice.target);
  return choice.target;
}

/** Opens a rule's page, the copy bundled with the extension (offline, the installed version). */
export async function showRuleDocs(extensionUri: vscode.Uri, ruleId?: unknown): Promise<void> {
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  const docsDir = vscode.Uri.joinPath(extensionUri, ...RULE_DOCS_DIR.split('/'));
  if (!id) {
    let names: string[] = [];
    try {
      names = (await vscode.workspace.fs.readDirectory(docsDir))
        .map(([name]) => name)
        .filter((name) => name.endsWith('.md') && !name.startsWith('_') && name !== 'README.md')
        .map((name) => name.slice(0, -3))
        .sort();
    } catch {
      names = [];
    }
    id = await vscode.window.showQuickPick(names, { title: 'Podwise: rule documentation', placeHolder: 'Rule id' });
    if (!id) return;
  }
  if (!RULE_ID_PATTERN.test(id)) return;
  const local = vscode.Uri.joinPath(docsDir, `${id}.md`);
  try {
    await vscode.workspace.fs.stat(local);
  } catch {
    void vscode.window.showWarningMessage(`Podwise: no documentation page for "${id}" in this installation.`);
    return;
  }
  try {
    await vscode.commands.executeCommand('markdown.showPreview', local);
  } catch {
    // The built-in Markdown extension is disabled: show the page as text.
    await vscode.window.showTextDocument(local, { preview: true });
  }
}
