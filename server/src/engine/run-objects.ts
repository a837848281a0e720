// Objects that other files of the same run define, for the rules that look across objects: a
// StatefulSet's governing Service and a Pod's Namespace often sit in sibling files. The CLI
// collects them over its input set before checking (the workspace index will do the same in the
// editor). Only the kinds such rules look up are kept, and only documents that name one of them
// are parsed, so the pass costs a fraction of the check.
import { asObject, asString, getIn, type JsonObject } from './json';
import { splitDocuments, type DocumentChunk } from './document-split';
import { parseChunk, type ParsedChunk } from './parse';

export interface RunObject {
  /** The file that defines it (as the caller names files). */
  filePath: string;
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  object: JsonObject;
}

/** Kinds the cross-object rules look up in other files. */
export const RUN_OBJECT_KINDS: ReadonlySet<string> = new Set(['Service', 'Namespace']);

/** A document that may define one of RUN_OBJECT_KINDS (a cheap line test before parsing). */
const NAMES_A_RUN_KIND = /^kind:[ \t]*["']?(?:Service|Namespace)["']?[ \t]*(?:#.*)?\r?$/m;

/** The objects of RUN_OBJECT_KINDS one file defines. */
export function collectRunObjects(filePath: string, text: string): RunObject[] {
  const chunks = splitDocuments(text);
  return runObjectsOf(filePath, chunks, (index) => parseChunk(chunks[index]));
}

/**
 * The same from documents already split, parsed on demand by `parsedAt` (the language server
 * passes its snapshot's parses, so a keystroke parses nothing again).
 */
export function runObjectsOf(filePath: string, chunks: readonly Pick<DocumentChunk, 'text'>[], parsedAt: (index: number) => ParsedChunk | undefined): RunObject[] {
  const objects: RunObject[] = [];
  chunks.forEach((chunk, index) => {
    if (!NAMES_A_RUN_KIND.test(chunk.text)) return;
    const parsed = parsedAt(index);
    const object = asObject(parsed?.value);
    if (!parsed || parsed.kind !== 'kubernetes' || !object || !parsed.objectKind || !RUN_OBJECT_KINDS.has(parsed.objectKind) || !parsed.apiVersion) return;
    objects.push({
      filePath,
      apiVersion: parsed.apiVersion,
      kind: parsed.objectKind,
      name: asString(getIn(object, ['metadata', 'name'])),
      namespace: asString(getIn(object, ['metadata', 'namespace'])) || undefined,
      object,
    });
  });
  return objects;
}
