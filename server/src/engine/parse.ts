// Parses one document chunk with `yaml`, as Kubernetes reads it: YAML 1.1 (sigs.k8s.io/yaml is
// built on go-yaml, so `yes`/`on` are booleans and `0755` is octal), unique keys.
import { Document, isMap, isSeq, isPair, parseDocument, visit, YAMLMap } from 'yaml';
import type { DocumentChunk } from './document-split';
import { asString, isObject, type JsonValue } from './json';

/** Aliases may expand to at most this many nodes before we stop (alias bombs). */
export const MAX_ALIAS_COUNT = 1000;

export interface YamlProblem {
  code: string;
  message: string;
  /** Chunk-relative offsets. */
  start: number;
  end: number;
}

export type DocumentKind =
  /** Has apiVersion and kind: a Kubernetes object. */
  | 'kubernetes'
  /** Any other YAML (GitHub Actions, compose, Ansible…): left alone. */
  | 'other'
  /** Helm/Jinja/Go template source: not YAML yet, left alone. */
  | 'template'
  /** Only comments or nothing. */
  | 'empty';

export interface ParsedChunk {
  text: string;
  document: Document.Parsed;
  /** Plain value of the document, or undefined when it could not be built (alias bomb). */
  value: JsonValue | undefined;
  kind: DocumentKind;
  apiVersion?: string;
  objectKind?: string;
  name?: string;
  errors: YamlProblem[];
  warnings: YamlProblem[];
  /** Set when the plain value could not be built, e.g. too many alias expansions. */
  valueError?: YamlProblem;
}

export function parseChunk(chunk: Pick<DocumentChunk, 'text'>): ParsedChunk {
  const text = chunk.text;
  const document = parseDocument(text, { version: '1.1', uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, logLevel: 'error' });
  const errors = document.errors.map(toProblem);
  const warnings = document.warnings.map(toProblem);
  let value: JsonValue | undefined;
  let valueError: YamlProblem | undefined;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as JsonValue;
  } catch (error) {
    value = undefined;
    const message = error instanceof Error ? error.message : String(error);
    valueError = { code: 'ALIAS_LIMIT', message, start: 0, end: Math.min(text.length, firstLineEnd(text)) };
  }
  const parsed: ParsedChunk = { text, document, value, kind: 'other', errors, warnings, valueError };
  parsed.kind = classify(parsed);
  if (parsed.kind === 'kubernetes' && isObject(value)) {
    parsed.apiVersion = asString(value.apiVersion);
    parsed.objectKind = asString(value.kind);
    const metadata = value.metadata;
    parsed.name = isObject(metadata) ? asString(metadata.name) : undefined;
  }
  return parsed;
}

function classify(parsed: ParsedChunk): DocumentKind {
  if (looksLikeTemplate(parsed)) return 'template';
  const contents = parsed.document.contents;
  if (contents === null && parsed.errors.length === 0) return 'empty';
  const value = parsed.value;
  if (isObject(value) && typeof value.apiVersion === 'string' && typeof value.kind === 'string') return 'kubernetes';
  return 'other';
}

/**
 * Helm and Jinja sources are templates, not YAML: `{{ .Values.x }}` in a value position parses
 * as a flow mapping whose key is a flow mapping, and control lines (`{{- if }}`, `{% for %}`)
 * often break the syntax. Text with `{{` inside quoted strings or block scalars (Prometheus
 * alert annotations, Argo CD notification templates) is ordinary YAML and is checked.
 */
function looksLikeTemplate(parsed: ParsedChunk): boolean {
  const text = parsed.text;
  if (!text.includes('{{') && !text.includes('{%')) return false;
  if (parsed.errors.length > 0) return true;
  if (/^[ \t]*\{[{%]-?[ \t]*-?[ \t]*(if|else|end|range|with|define|for|endfor|endif|include|template|block)\b/m.test(text)) {
    return true;
  }
  let templated = false;
  visit(parsed.document, {
    Map(_key, node: YAMLMap) {
      if (node.flow && node.items.some((pair) => isPair(pair) && isMap(pair.key))) {
        templated = true;
        return visit.BREAK;
      }
      return undefined;
    },
    Seq(_key, node) {
      if (isSeq(node) && node.flow && node.items.some((item) => isMap(item) && item.flow && item.items.some((p) => isMap(p.key)))) {
        templated = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return templated;
}

function toProblem(error: { code: string; message: string; pos: [number, number] }): YamlProblem {
  return { code: error.code, message: error.message, start: error.pos[0], end: error.pos[1] };
}

function firstLineEnd(text: string): number {
  const newline = text.indexOf('\n');
  return newline === -1 ? text.length : newline;
}
