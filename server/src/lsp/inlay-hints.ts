// Inlay hints for the values the API server fills in (probe timings, grace period, pull policy),
// unless `podwise.inlayHints.enabled` is false for the document. When that setting or the target
// version changes, clients that support it are asked to fetch hints again
// (`workspace/inlayHint/refresh`), so a toggle applies without reopening anything.
import type { InlayHint, InlayHintParams } from 'vscode-languageserver/node';
import { inlayHints } from '../engine/editor';
import { LineIndex, toLineFeeds } from '../engine/line-index';
import type { ServerContext } from './server';
import type { DocumentSettings } from './workspace-settings';

export async function provideInlayHints(context: ServerContext, params: InlayHintParams, refresher?: InlayHintRefresher): Promise<InlayHint[]> {
  const document = context.documents.get(params.textDocument.uri);
  if (!document || !context.isChecked(document)) return [];
  // TextDocuments updates documents in place: answer for the text the request was made on.
  const version = document.version;
  const text = document.getText();
  const docSettings = await context.settingsFor(document.uri);
  if (!docSettings) return [];
  refresher?.served(document.uri, docSettings);
  if (docSettings.excluded || !docSettings.settings.inlayHints.enabled || document.version !== version) return [];
  const lines = new LineIndex(text);
  const range = { start: lines.offsetAt(params.range.start), end: lines.offsetAt(params.range.end) };
  // The engine reads a lone CR as the line break it is only in its LF copy (same offsets).
  return inlayHints(toLineFeeds(text), range).map((hint) => {
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
