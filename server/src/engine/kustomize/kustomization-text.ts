// A kustomization file's text as a plain value, for the graph (kustomize-graph.ts): read as kustomize
// reads it (sigs.k8s.io/yaml, so YAML 1.1), first document only. Kept apart from
// kustomization-entries.ts so that rules, which get the parsed document, do not pull in the parser.
import { parseDocument } from 'yaml';
import { isObject, type JsonObject } from '../json';

/** Aliases expanded at most while reading (kustomizations have none; a bomb is not read). */
const MAX_ALIAS_COUNT = 100;

/** The first document of a kustomization file, as a plain value; undefined when it is no mapping. */
export function parseKustomizationText(text: string): JsonObject | undefined {
  try {
    const value: unknown = parseDocument(text, { version: '1.1', uniqueKeys: false, logLevel: 'silent' }).toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
