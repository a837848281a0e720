// Inlay hints for the values the API server fills in (probe timings, grace period, pull policy),
// unless `podwise.inlayHints.enabled` is false for the document. When that setting or the target
// version changes, clients that support it are asked to fetch hints again
// (`workspace/inlayHint/refresh`), so a toggle applies without reopening anything.
import type { InlayHint, InlayHintParams } from 'vscode-languageserver/node';
import { inlayHints } from '../engine/editor';
import type { ServerContext } from './server-context';
import type { DocumentSettings } from './workspace-settings';

export function registerInlayHints(context: ServerContext): void {
  const refresher = new InlayHintRefresher(context, () => context.clientCapabilities.workspace?.inlayHint?.refreshSupport === true);
  context.onSettingsChanged(() => refresher.settingsChanged());
  context.connection.languages.inlayHint.on(context.guard('inlay hints', (params) => provideInlayHints(context, params, refresher), []));
}

export async function provideInlayHints(context: ServerContext, params: InlayHintParams, refresher?: InlayHintRefresher): Promise<InlayHint[]> {
  const document = context.documents.get(params.textDocument.uri);
  if (!document || !context.isChecked(document)) return [];
  // TextDocuments updates documents in place: answer for the version the request was made on.
  const version = document.version;
  const analysis = await context.snapshotFor(document.uri);
  if (!analysis) return [];
  const { snapshot, docSettings } = analysis;
  refresher?.served(document.uri, docSettings);
  if (docSettings.excluded || !docSettings.settings.inlayHints.enabled || analysis.version !== version || document.version !== version) return [];
  const lines = snapshot.lines;
  const range = { start: lines.offsetAt(params.range.start), end: lines.offsetAt(params.range.end) };
  return inlayHints(snapshot, range).map((hint) => {
    const inlay: InlayHint = { position: lines.positionAt(hint.offset), label: hint.label, paddingLeft: hint.paddingLeft };
    if (hint.tooltip) inlay.tooltip = hint.tooltip;
    return inlay;
  });
}

/** What the hints of a document depend on besides its text. */
function settingsKey(docSettings: DocumentSettings): string {
  return `${docSettings.excluded}|${docSettings.settings.inlayHints.enabled}|${docSettings.settings.kubernetesVersion}`;
}

/**
 * Remembers the settings each document's hints were computed with; after a settings change it
 * asks the client to refresh when any of them differ.
 */
export class InlayHintRefresher {
  private readonly keys = new Map<string, string>();
  private checking: Promise<void> = Promise.resolve();

  constructor(
    private readonly context: ServerContext,
    private readonly supported: () => boolean,
  ) {}

  served(uri: string, docSettings: DocumentSettings): void {
    this.keys.set(uri, settingsKey(docSettings));
  }

  /** Settings, `.podwise.yaml`, trust or folders changed. */
  settingsChanged(): void {
    if (!this.supported()) return;
    this.checking = this.checking.then(() => this.check()).catch((error: unknown) => this.context.log(`podwise: inlay hint refresh failed: ${String(error)}`));
  }

  private async check(): Promise<void> {
    let changed = false;
    for (const [uri, key] of [...this.keys]) {
      if (!this.context.documents.get(uri)) {
        this.keys.delete(uri);
        continue;
      }
      const docSettings = await this.context.settingsFor(uri);
      if (!docSettings) continue;
      const next = settingsKey(docSettings);
      if (next === key) continue;
      this.keys.set(uri, next);
      changed = true;
    }
    if (changed) await this.context.connection.languages.inlayHint.refresh();
  }
}
