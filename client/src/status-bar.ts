// The status bar item: the Kubernetes version the active YAML file is checked against
// (`K8s 1.36`), with the file's problem counts in the tooltip. Click: pick another version.
import * as vscode from 'vscode';
import { Commands, type StatusParams } from '../../server/src/shared/protocol';
import { DEFAULT_SETTINGS, SETTINGS_SECTION } from '../../server/src/shared/settings';

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly byUri = new Map<string, StatusParams>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly uriToWire: (uri: vscode.Uri) => string) {
    this.item = vscode.window.createStatusBarItem('podwise.kubernetesVersion', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Podwise Kubernetes version';
    this.item.command = Commands.selectKubernetesVersion;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidCloseTextDocument((document) => this.byUri.delete(this.uriToWire(document.uri))),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTINGS_SECTION)) this.update();
      }),
    );
    this.update();
  }

  /** `podwise/status` from the server. */
  onStatus(status: StatusParams): void {
    this.byUri.set(status.uri, status);
    const active = vscode.window.activeTextEditor?.document;
    if (active && this.uriToWire(active.uri) === status.uri) this.update();
  }

  /** The server's view of the active document, if any. */
  activeStatus(): StatusParams | undefined {
    const active = vscode.window.activeTextEditor?.document;
    return active ? this.byUri.get(this.uriToWire(active.uri)) : undefined;
  }

  clear(): void {
    this.byUri.clear();
    this.update();
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'yaml') {
      this.item.hide();
      return;
    }
    const status = this.byUri.get(this.uriToWire(document.uri));
    const configured = vscode.workspace.getConfiguration(SETTINGS_SECTION, document.uri).get<string>('kubernetesVersion') ?? DEFAULT_SETTINGS.kubernetesVersion;
    const version = status?.kubernetesVersion ?? configured;
    this.item.text = `K8s ${version}`;
    const lines = [`Podwise checks this file against Kubernetes ${version}`];
    if (status?.versionSource === 'config-file' && status.configFile) lines.push(`(set in ${vscode.workspace.asRelativePath(status.configFile)})`);
    if (status?.state === 'excluded' && status.fileClass === 'helm-template') lines.push('A Helm chart template: not checked (check the output of "helm template").');
    else if (status?.state === 'excluded' && status.fileClass === 'kustomization') lines.push('A kustomization file: not validated as a manifest.');
    else if (status?.state === 'excluded') lines.push('This file is excluded by podwise.exclude.');
    else if (status?.state === 'not-kubernetes') lines.push('No Kubernetes objects in this file.');
    else if (status) {
      const { error, warning, info, hint } = status.counts;
      lines.push(`${error} errors, ${warning} warnings, ${info + hint} infos${status.staticPod ? ' · static-Pod manifest' : ''}`);
    }
    lines.push('Click to change the version.');
    this.item.tooltip = lines.join('\n');
    this.item.show();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
