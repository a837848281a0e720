// Completion: the engine's schema-driven items (keys, enum values, Pod-spec and file context
// values, the snippets of snippets/ where they fit) for the document's target Kubernetes
// version, mapped to LSP items. The engine gives offsets and key-relative multi-line text; here
// they become positions and text indented for the line the item is inserted on.
import type { CompletionItem, CompletionList, CompletionParams } from 'vscode-languageserver/node';
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind } from './protocol-values';
import { completeAt, type EditorCompletionItem, type EditorCompletionKind } from '../engine/editor';
import type { LineIndex } from '../engine/line-index';
import type { ServerContext } from './server-context';

const KIND: Record<EditorCompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export function registerCompletion(context: ServerContext): void {
  context.connection.onCompletion(context.guard('completion', (params) => provideCompletion(context, params), EMPTY));
}

export async function provideCompletion(context: ServerContext, params: CompletionParams): Promise<CompletionList> {
  const document = context.documents.get(params.textDocument.uri);
  if (!document || !context.isChecked(document)) return EMPTY;
  // TextDocuments updates documents in place: answer for the version the request was made on.
  const version = document.version;
  const analysis = await context.snapshotFor(document.uri);
  if (!analysis || analysis.docSettings.excluded || analysis.version !== version || document.version !== version) return EMPTY;
  // The snapshot's text is this version's, the half-typed line included.
  const { snapshot, docSettings } = analysis;
  const text = snapshot.text;
  const lines = snapshot.lines;
  const offset = lines.offsetAt(params.position);
  const items = completeAt(snapshot, offset, docSettings.settings.kubernetesVersion, { path: document.uri });
  const itemCapabilities = context.clientCapabilities.textDocument?.completion?.completionItem;
  const options: MapOptions = {
    snippets: itemCapabilities?.snippetSupport === true,
    asIs: itemCapabilities?.insertTextModeSupport?.valueSet?.includes(InsertTextMode.asIs) === true,
    adjust: itemCapabilities?.insertTextModeSupport?.valueSet?.includes(InsertTextMode.adjustIndentation) === true,
  };
  return { isIncomplete: false, items: items.map((item) => toCompletionItem(text, lines, item, options)) };
}

interface MapOptions {
  /** The client expands snippets (else placeholders are resolved to their defaults here). */
  snippets: boolean;
  /** The client honours `insertTextMode: asIs` (VS Code does): we indent continuation lines fully. */
  asIs: boolean;
  /** The client knows `adjustIndentation` (it adds the line's own indentation to continuation lines). */
  adjust: boolean;
}

export function toCompletionItem(text: string, lines: LineIndex, item: EditorCompletionItem, options: MapOptions): CompletionItem {
  const start = lines.positionAt(item.replace.start);
  const lineStart = lines.lineStart(start.line);
  const before = text.slice(lineStart, item.replace.start);
  // Triggered right after `key:` or a bare `-`: the inserted text needs its separating space.
  const space = /:$/.test(before) || /^[ \t]*(?:-[ \t]+)*-$/.test(before) ? ' ' : '';
  const column = before.length + space.length;
  const lineIndent = /^[ ]*/.exec(before)?.[0].length ?? 0;
  let insertText = item.insertTextFormat === 'snippet' && !options.snippets ? snippetToPlain(item.insertText) : item.insertText;
  const format = item.insertTextFormat === 'snippet' && options.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText;
  let insertTextMode: InsertTextMode | undefined;
  if (insertText.includes('\n')) {
    // The engine's continuation lines are relative to the key's column. With `asIs` we indent
    // them to that column; otherwise the client adds the line's indentation (up to the first
    // `-`), and we add the rest.
    const extra = options.asIs ? column : Math.max(0, column - lineIndent);
    insertTextMode = options.asIs ? InsertTextMode.asIs : options.adjust ? InsertTextMode.adjustIndentation : undefined;
    const pad = ' '.repeat(extra);
    insertText = insertText.replace(/\n(?=.)/g, `\n${pad}`);
  }
  const completion: CompletionItem = {
    label: item.label,
    kind: KIND[item.kind],
    sortText: item.sortText,
    insertTextFormat: format,
    textEdit: { range: { start, end: lines.positionAt(item.replace.end) }, newText: space + insertText },
  };
  if (insertTextMode !== undefined) completion.insertTextMode = insertTextMode;
  if (item.additionalEdits && item.additionalEdits.length > 0) {
    // Text of our own (an `apiVersion:` line for a picked kind), already in the file's line ending.
    completion.additionalTextEdits = item.additionalEdits.map((edit) => ({
      range: { start: lines.positionAt(edit.range.start), end: lines.positionAt(edit.range.end) },
      newText: edit.newText,
    }));
  }
  if (item.detail) completion.detail = item.detail;
  if (item.documentation) completion.documentation = { kind: MarkupKind.Markdown, value: item.documentation };
  if (item.required) completion.labelDetails = { description: 'required' };
  return completion;
}

/** A snippet's text with placeholders resolved to their defaults, for clients without snippets. */
export function snippetToPlain(snippet: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < snippet.length; i += 1) {
    const char = snippet[i];
    if (char === '\\' && i + 1 < snippet.length && '$}\\,|'.includes(snippet[i + 1])) {
      out += snippet[i + 1];
      i += 1;
    } else if (char === '$') {
      const simple = /^\$(\d+)/.exec(snippet.slice(i));
      if (simple) {
        i += simple[0].length - 1;
        continue;
      }
      const choice = /^\$\{\d+\|((?:\\.|[^,|\\])*)[,|]/.exec(snippet.slice(i));
      if (choice) {
        out += choice[1].replace(/\\(.)/g, '$1');
        const close = snippet.indexOf('|}', i + choice[0].length - 1);
        i = close < 0 ? snippet.length : close + 1;
        continue;
      }
      const placeholder = /^\$\{\d+:?/.exec(snippet.slice(i));
      if (placeholder) {
        // Keep the default text; its closing brace is dropped when reached.
        depth += 1;
        i += placeholder[0].length - 1;
        continue;
      }
      out += char;
    } else if (char === '}' && depth > 0) {
      depth -= 1;
    } else {
      out += char;
    }
  }
  return out;
}
