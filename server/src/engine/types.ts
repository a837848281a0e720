// Core types shared by the whole engine. The engine is pure: no LSP, no file system.

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** A path into a parsed YAML document: mapping keys and sequence indexes. */
export type FieldPath = readonly (string | number)[];

/** Which part of the node at a path a finding points at. */
export type FindingTarget = 'key' | 'value';

/** Half-open character range in the whole file text (UTF-16 offsets, as in JS strings and LSP). */
export interface OffsetRange {
  start: number;
  end: number;
}

/** 0-based line/character, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface LineRange {
  start: Position;
  end: Position;
}

/** A plain text replacement in the whole file text. */
export interface TextEdit {
  range: OffsetRange;
  newText: string;
}

/**
 * What a fix wants to do, said on field paths of one document. The engine turns intents into
 * text edits on the YAML source so comments, key order and indentation survive.
 */
export type FixIntent =
  /**
   * Replace the scalar (or whole node) at `path` with `value`, serialized as YAML. `block`: write a
   * mapping or list value in block style even where the old value is a scalar (`metadata:` empty).
   */
  | { op: 'set'; path: FieldPath; value: unknown; block?: boolean }
  /** Remove the key/value pair (or sequence item) at `path`, with its own lines. */
  | { op: 'delete'; path: FieldPath }
  /** Rename the mapping key at `path` (last segment must be a string) to `newKey`. */
  | { op: 'rename'; path: FieldPath; newKey: string }
  /**
   * Add `key: value` to the mapping at `path` (created, with parents, when missing).
   * `after` names a sibling key to insert after; default: end of the mapping.
   */
  | { op: 'insert'; path: FieldPath; key: string; value: unknown; after?: string }
  /** Append `value` as a new item of the sequence at `path` (created when missing). */
  | { op: 'append'; path: FieldPath; value: unknown }
  /** Re-emit the scalar at `path` as a double-quoted string (keeps its text). */
  | { op: 'quote'; path: FieldPath };

export interface FixSpec {
  title: string;
  intents: FixIntent[];
  /** Shown first in the light bulb. */
  preferred?: boolean;
  /** Safe to apply without looking, so `source.fixAll.podwise` includes it. */
  safe?: boolean;
}

/** A fix resolved to text edits on one exact text. */
export interface ResolvedFix {
  title: string;
  edits: TextEdit[];
  preferred: boolean;
  safe: boolean;
}

/** What a rule (or the schema layer) reports: a message on a field path of the current document. */
export interface RuleFinding {
  path: FieldPath;
  target?: FindingTarget;
  /**
   * One sentence of at most 100 characters that names the object (a container by its name) and
   * the problem: what the Problems panel and the CLI show.
   */
  message: string;
  /** The longer explanation (what Kubernetes does, how to fix it): shown in hover and JSON output. */
  detail?: string;
  /** Overrides the rule's default severity for this finding (e.g. the info variant of a rule). */
  severity?: Severity;
  fixes?: FixSpec[];
  /** Rule id override, for modules that report several related ids (schema layer). */
  ruleId?: string;
}

/** A finding placed in the file: what the CLI prints and the server publishes. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The longer explanation, when the rule gives one (RuleFinding.detail). */
  detail?: string;
  /** Index of the YAML document in the file (0-based). */
  documentIndex: number;
  path: FieldPath;
  range: OffsetRange;
  fixes: ResolvedFix[];
}

export type KubernetesVersion = `1.${number}`;
