// Which settings level sets a value: what the server's start-up line says the Kubernetes version
// comes from. Pure (takes the shape of vscode's WorkspaceConfiguration.inspect()), so it is
// tested without VS Code.
import type { EditorSettingSource } from '../../server/src/shared/protocol';

export interface InspectedSetting {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/** The most specific level that sets the value (VS Code's own precedence), or `default`. */
export function settingSource(inspected: InspectedSetting | undefined): EditorSettingSource {
  if (inspected?.workspaceFolderValue !== undefined) return 'folder settings';
  if (inspected?.workspaceValue !== undefined) return 'workspace settings';
  if (inspected?.globalValue !== undefined) return 'user settings';
  return 'default';
}
