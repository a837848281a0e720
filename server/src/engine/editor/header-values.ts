// `kind` and `apiVersion` values from the API catalog of the target version: a kind only where the
// document's apiVersion serves it, an apiVersion only where it serves the document's kind. A kind
// picked with no apiVersion yet brings its apiVersion along (an extra edit on the line above, in
// the file's own line ending): without it the object is not a Kubernetes object at all.
// https://kubernetes.io/docs/reference/using-api/#api-groups
import { lineEndingAt } from '../fixes/text-utils';
import { servedKinds, type ServedKind } from '../schema';
import type { KubernetesVersion, OffsetRange } from '../types';
import type { EditorCompletionItem } from './completion-item';

type ValueItem = Omit<EditorCompletionItem, 'replace'>;

/** Where the document being completed sits: its text, its whole-file start, and the file text. */
export interface HeaderSite {
  chunkText: string;
  chunkStart: number;
  fileText: string;
  /** Chunk-relative offset of the `kind:` value being typed. */
  local: number;
}

/** Kinds for the `kind:` value; filtered by `apiVersion` when the document has one. */
export function kindItems(version: KubernetesVersion, apiVersion: string | undefined, site: HeaderSite): ValueItem[] {
  const served = servedKinds(version).filter((entry) => !entry.kind.endsWith('List'));
  if (apiVersion !== undefined) {
    // An apiVersion the catalog does not serve (a CRD group, a typo): we know none of its kinds.
    return served.filter((entry) => entry.apiVersion === apiVersion).map((entry) => valueItem(entry.kind, entry.apiVersion));
  }
  const items: ValueItem[] = [];
  for (const [kind, apiVersions] of groupByKind(served)) {
    const preferred = preferredApiVersion(apiVersions);
    items.push({ ...valueItem(kind, preferred), additionalEdits: [apiVersionEdit(site, preferred)] });
  }
  return items;
}

/** apiVersions for the `apiVersion:` value; only those serving `kind` when the document has one. */
export function apiVersionItems(version: KubernetesVersion, kind: string | undefined): ValueItem[] {
  const items: ValueItem[] = [];
  for (const served of servedKinds(version)) {
    if (kind ? served.kind !== kind : served.kind.endsWith('List')) continue;
    if (items.some((item) => item.label === served.apiVersion)) continue;
    items.push(valueItem(served.apiVersion, kind ? served.kind : undefined));
  }
  return items;
}

function valueItem(value: string, detail: string | undefined): ValueItem {
  const item: ValueItem = { label: value, kind: 'value', insertText: value, insertTextFormat: 'plain', sortText: `1${value}`, required: false };
  if (detail !== undefined) item.detail = detail;
  return item;
}

function groupByKind(served: readonly ServedKind[]): Map<string, string[]> {
  const byKind = new Map<string, string[]>();
  for (const entry of served) {
    const list = byKind.get(entry.kind);
    if (list) list.push(entry.apiVersion);
    else byKind.set(entry.kind, [entry.apiVersion]);
  }
  return byKind;
}

/**
 * The apiVersion to write for a kind served by several: stable before beta before alpha, then the
 * higher version (autoscaling/v2 over v1), then the core group (Event: v1 over events.k8s.io/v1).
 */
export function preferredApiVersion(apiVersions: readonly string[]): string {
  return [...apiVersions].sort((a, b) => rank(b) - rank(a) || a.split('/').length - b.split('/').length || a.localeCompare(b))[0];
}

function rank(apiVersion: string): number {
  const match = /v(\d+)(?:(alpha|beta)(\d+))?$/.exec(apiVersion);
  if (!match) return 0;
  const stability = match[2] === undefined ? 2 : match[2] === 'beta' ? 1 : 0;
  return stability * 10_000 + Number(match[1]) * 100 + Number(match[3] ?? 0);
}

/**
 * Fills an empty top-level `apiVersion:` if the document has one, else inserts the line above the
 * `kind:` line being completed.
 */
function apiVersionEdit(site: HeaderSite, apiVersion: string): { range: OffsetRange; newText: string } {
  const empty = /^apiVersion:[ \t]*(?=\r?$)/m.exec(site.chunkText);
  if (empty) {
    const at = site.chunkStart + empty.index + empty[0].length;
    const keyEnd = site.chunkStart + empty.index + 'apiVersion:'.length;
    return { range: { start: keyEnd, end: at }, newText: ` ${apiVersion}` };
  }
  const lineStart = site.chunkStart + site.chunkText.lastIndexOf('\n', site.local - 1) + 1;
  return { range: { start: lineStart, end: lineStart }, newText: `apiVersion: ${apiVersion}${lineEndingAt(site.fileText, lineStart)}` };
}
