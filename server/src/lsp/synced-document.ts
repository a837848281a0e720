// The server's copy of an open document, kept in sync by didOpen/didChange (passed to
// `new TextDocuments(syncedDocuments)`), instead of vscode-languageserver-textdocument's, which
// (1.0.12) corrupts its line table on two inputs and keeps the damage until a full sync:
// - a change whose range runs past the end of the document: the line numbers of the range are
//   used as array indexes unclamped (`character: null` on lines that do not exist);
// - a `\r` and a `\n` arriving in separate changes: the new `\r\n` is one line end, but the line
//   the `\r` opened stays in the table (every position after it one line off).
// Here ranges are clamped to the document, as VS Code clamps them (a line past the end is the
// end, a character past a line's content is the end of that content, start and end in any
// order), and after each change the line starts are recomputed around it from the text itself,
// with `\n`, `\r\n` and a lone `\r` as line ends (LSP 3.17 "Text Documents").
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentsConfiguration } from 'vscode-languageserver/node';
import { lineOfOffset, lineStartsBetween, lineStartsOf, offsetIn, positionIn } from '../engine/line-index';
import { textIdentity } from '../engine/text-identity';

/** Tells this server process's identities from an earlier one's (a restart counts opens from 0 again). */
const PROCESS_TAG = `${process.pid.toString(36)}${Date.now().toString(36)}`;
let openCount = 0;

export class SyncedDocument implements TextDocument {
  private content: string;
  private lineStarts: number[];
  private currentVersion: number;
  /** Which open of the document this is (every didOpen creates a SyncedDocument). */
  private readonly openId = (openCount += 1);

  constructor(
    readonly uri: string,
    readonly languageId: string,
    version: number,
    content: string,
  ) {
    this.content = content;
    this.lineStarts = lineStartsOf(content);
    this.currentVersion = version;
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  getText(range?: Range): string {
    if (!range) return this.content;
    const { start, end } = this.offsets(range);
    return this.content.slice(start, end);
  }

  positionAt(offset: number): Position {
    return positionIn(this.content, this.lineStarts, offset);
  }

  offsetAt(position: Position): number {
    return offsetIn(this.content, this.lineStarts, position);
  }

  /**
   * What this exact text is, in O(1): this server process, this open (a reopen is a new
   * document) and the version. Within one open the version grows with every change (LSP
   * "didChange"), so an identity names one text; after a close and reopen versions start again at
   * 1 but the open differs. Fixes carry it and are applied only to the text they were computed
   * for. (Hashing the text instead cost 0.2 ms per edit on a 5,000-line file.)
   */
  get contentIdentity(): string {
    return `${PROCESS_TAG}.${this.openId}.${this.currentVersion}`;
  }

  /** Applies LSP content changes in order (each range refers to the text after the previous one). */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range) this.replace(this.offsets(change.range), change.text);
      else this.setText(change.text);
    }
    this.currentVersion = version;
  }

  private setText(text: string): void {
    this.content = text;
    this.lineStarts = lineStartsOf(text);
  }

  /** The range's offsets, clamped to the text, start first. */
  private offsets(range: Range): { start: number; end: number } {
    const a = this.offsetAt(range?.start ?? { line: 0, character: 0 });
    const b = this.offsetAt(range?.end ?? range?.start ?? { line: 0, character: 0 });
    return a <= b ? { start: a, end: b } : { start: b, end: a };
  }

  /**
   * Replaces [start, end) and updates the line starts. Whether a line starts at offset p depends
   * only on the characters at p - 1 and p, so only the starts in [start, start + text.length] of
   * the new text can differ: those are recomputed, the ones before are kept and the ones after
   * the old `end` are shifted.
   */
  private replace({ start, end }: { start: number; end: number }, text: string): void {
    const old = this.content;
    this.content = old.slice(0, start) + text + old.slice(end);
    const delta = text.length - (end - start);
    const starts = this.lineStarts;
    // Kept: the starts before `start`; recomputed: those in [start, end]; shifted: those after.
    const atStart = lineOfOffset(starts, start);
    const firstChanged = starts[atStart] < start ? atStart + 1 : atStart;
    const firstAfter = Math.max(lineOfOffset(starts, end) + 1, firstChanged);
    const middle = lineStartsBetween(this.content, Math.max(start, 1), start + text.length);
    const tail = starts.slice(firstAfter);
    for (let i = 0; i < tail.length; i += 1) tail[i] += delta;
    starts.length = Math.max(firstChanged, 1);
    for (const offset of middle) starts.push(offset);
    for (const offset of tail) starts.push(offset);
  }
}

/** The identity of a document's current text (O(1) for our own documents, a content hash otherwise). */
export function contentIdentity(document: TextDocument): string {
  return document instanceof SyncedDocument ? document.contentIdentity : textIdentity(document.getText());
}

/** For `new TextDocuments(syncedDocuments)`. */
export const syncedDocuments: TextDocumentsConfiguration<TextDocument> = {
  create: (uri, languageId, version, content) => new SyncedDocument(uri, languageId, version, content),
  update: (document, changes, version) => {
    const synced = document instanceof SyncedDocument ? document : new SyncedDocument(document.uri, document.languageId, document.version, document.getText());
    synced.update(changes, version);
    return synced;
  },
};
