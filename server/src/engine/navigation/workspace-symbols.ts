// Workspace symbols (Ctrl+T): every object of the workspace as `Kind name`, its namespace as the
// container. Listed from the index without reading any file; where the name sits in its file is
// found when the editor asks for one symbol (workspaceSymbol/resolve), by parsing that file then.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
import type { NavObject } from './nav-model';
import { objectTitle } from './nav-model';

export interface NavSymbol {
  /** `Deployment web`. */
  title: string;
  kind: string;
  name?: string;
  namespace?: string;
  filePath: string;
}

/** At most this many symbols per query: the editor filters further as the user types. */
export const MAX_WORKSPACE_SYMBOLS = 1000;

/** The objects whose `Kind name` contains the query's characters in order (case-insensitive), each once. */
export function workspaceSymbols(objects: readonly NavObject[], query: string): NavSymbol[] {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const symbols: NavSymbol[] = [];
  const seen = new Set<string>();
  for (const object of objects) {
    const title = objectTitle(object);
    if (!matches(title.toLowerCase(), wanted)) continue;
    const key = JSON.stringify([object.filePath, object.kind, object.name, object.namespace]);
    if (seen.has(key)) continue;
    seen.add(key);
    symbols.push({ title, kind: object.kind, name: object.name, namespace: object.namespace, filePath: object.filePath });
    if (symbols.length >= MAX_WORKSPACE_SYMBOLS) break;
  }
  return symbols;
}

/** A subsequence match, as editors filter symbols (`depweb` finds `Deployment web`). */
function matches(text: string, query: string): boolean {
  let at = 0;
  for (const char of query) {
    at = text.indexOf(char, at);
    if (at === -1) return false;
    at += 1;
  }
  return true;
}
