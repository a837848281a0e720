// What completion offers, as plain data (completion.ts makes them, probe-snippets.ts, snippets.ts
// and header-values.ts some of them; the LSP layer maps them). Its own module so the makers do
// not import each other.
import type { OffsetRange } from '../types';

export type EditorCompletionKind = 'property' | 'value' | 'snippet';

export interface EditorCompletionItem {
  label: string;
  kind: EditorCompletionKind;
  /** The type ("Probe", "integer", "[]Container") or where a value comes from. */
  detail?: string;
  /** Markdown, our own words. */
  documentation?: string;
  /** What to insert; a VS Code/LSP snippet when `insertTextFormat` is 'snippet'. */
  insertText: string;
  insertTextFormat: 'plain' | 'snippet';
  sortText: string;
  /** The schema marks the key as required. */
  required: boolean;
  /** Whole-text range the item replaces (the partial word at the cursor). */
  replace: OffsetRange;
  /** Whole-text edits made with the item elsewhere (the apiVersion a picked kind needs). */
  additionalEdits?: { range: OffsetRange; newText: string }[];
}

/** A value inside a snippet choice `${1|a,b|}`: the characters the snippet syntax reserves, escaped. */
export function escapeChoice(value: string): string {
  return value.replace(/[\\,|$}]/g, (char) => `\\${char}`);
}
