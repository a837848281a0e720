// Client commands: pick the Kubernetes version, open a rule's documentation.
import * as vscode from 'vscode';
import { SUPPORTED_VERSIONS, DEFAULT_VERSION } from '../../server/src/engine/versions';
import { DOCS_BASE_URL, SETTINGS_SECTION } from '../../server/src/shared/settings';
import type { StatusParams } from '../../server/src/shared/protocol';

const RULE_ID = /^[a-z0-9][a-z0-9-]*$/;

export async function selectKubernetesVersion(activeStatus: () => StatusParams | undefined): Promise<void> {
  const scope = vscode.window.activeTextEditor?.document.uri;
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const current = config.get<string>('kubernetesVersion') ?? DEFAULT_VERSION;
  const items = [...SUPPORTED_VERSIONS].reverse().map((version) => ({
    label: version,
    description: [version === current ? 'current' : '', version === DEFAULT_VERSION ? 'newest bundled' : ''].filter(Boolean).join(' · ') || undefined,
    version,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Podwise: Kubernetes version',
    placeHolder: `Validate against Kubernetes… (now ${current})`,
  });
  if (!picked) return;
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('kubernetesVersion', picked.version, target);
  const status = activeStatus();
  if (status?.versionSource === 'config-file' && status.kubernetesVersion !== picked.version) {
    const file = status.configFile ? vscode.workspace.asRelativePath(status.configFile) : '.podwise.yaml';
    void vscode.window.showInformationMessage(`${file} sets kubernetesVersion ${status.kubernetesVersion} for this folder, which takes precedence over the setting.`);
  }
}

export async function showRuleDocs(extensionUri: vscode.Uri, ruleId?: unknown): Promise<void> {
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  const docsDir = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
  if (!id) {
    let names: string[] = [];
    try {
      names = (await vscode.workspace.fs.readDirectory(docsDir))
        .map(([name]) => name)
        .filter((name) => name.endsWith('.md') && !name.startsWith('_'))
        .map((name) => name.slice(0, -3))
        .sort();
    } catch {
      names = [];
    }
    id = await vscode.window.showQuickPick(names, { title: 'Podwise: rule documentation', placeHolder: 'Rule id' });
    if (!id) return;
  }
  if (!RULE_ID.test(id)) return;
  const local = vscode.Uri.joinPath(docsDir, `${id}.md`);
  try {
    await vscode.workspace.fs.stat(local);
    await vscode.commands.executeCommand('markdown.showPreview', local);
    return;
  } catch {
    // No bundled page or no markdown preview: open the page online.
  }
  await vscode.env.openExternal(vscode.Uri.parse(`${DOCS_BASE_URL}${id}.md`));
}
