// Turns navigation targets (an object's identity and a field path) into ranges of the files that
// hold them, and a rename's targets into minimal edits. The current file is read from its
// snapshot; another file's text comes through the front end's reader (an open document's current
// text, else the disk copy), is parsed for this request only and dropped: no parse tree of a
// closed file outlives a request. A rename edit replaces the scalar only, in its own quoting
// style, so comments and layout stay as they were.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
import { isScalar, Scalar, type Node } from 'yaml';
import { asString, getIn } from '../json';
import { locatePath } from '../locate';
import { FileSnapshot } from '../snapshot';
import type { LineRange, OffsetRange } from '../types';
import type { NavTarget } from './nav-model';

/** Reads a file the workspace holds (undefined when it is gone or unreadable). */
export type ReadFile = (filePath: string) => Promise<string | undefined>;

export interface LocatedTarget {
  target: NavTarget;
  filePath: string;
  /** Whole-file offsets and lines of the key or value. */
  offsets: OffsetRange;
  range: LineRange;
  /** The scalar there (a key or a scalar value); undefined for a collection. */
  scalar?: Scalar;
}

export interface CurrentFile {
  filePath: string;
  snapshot: FileSnapshot;
}

/** Each target's range, in target order (targets that are not found any more are left out; each place once). */
export async function locateTargets(targets: readonly NavTarget[], current: CurrentFile, read: ReadFile): Promise<LocatedTarget[]> {
  const snapshots = new Map<string, FileSnapshot | undefined>();
  const located: LocatedTarget[] = [];
  const seen = new Set<string>();
  for (const target of targets) {
    let snapshot = target.filePath === current.filePath ? current.snapshot : snapshots.get(target.filePath);
    if (!snapshot && !snapshots.has(target.filePath)) {
      const text = await read(target.filePath);
      snapshot = text === undefined ? undefined : FileSnapshot.of(text);
      snapshots.set(target.filePath, snapshot);
    }
    if (!snapshot) continue;
    for (const place of locateIn(snapshot, target)) {
      const key = `${target.filePath}\u0000${place.offsets.start}\u0000${place.offsets.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      located.push(place);
    }
  }
  return located;
}

/** The target in one file: in its document when known, else in every document defining the object. */
export function locateIn(snapshot: FileSnapshot, target: NavTarget): LocatedTarget[] {
  const indexes = target.documentIndex !== undefined ? [target.documentIndex] : snapshot.chunks.map((_, index) => index);
  const found: LocatedTarget[] = [];
  for (const index of indexes) {
    const chunk = snapshot.chunks[index];
    // A cheap test before parsing: the document must spell the object's name.
    if (!chunk || (target.documentIndex === undefined && target.name !== undefined && !chunk.text.includes(target.name))) continue;
    const parsed = snapshot.parsed(index);
    if (!parsed || parsed.kind !== 'kubernetes' || parsed.objectKind !== target.kind) continue;
    if (target.documentIndex === undefined) {
      const value = parsed.value;
      if (asString(getIn(value, ['metadata', 'name'])) !== target.name) continue;
      if ((asString(getIn(value, ['metadata', 'namespace'])) || undefined) !== target.namespace) continue;
    }
    const located = locatePath(parsed.document, target.path);
    if (!located.complete) continue;
    const node: unknown = target.target === 'key' ? located.pair?.key : located.node;
    const range = (node as Node | null | undefined)?.range;
    if (!range) continue;
    const offsets = { start: range[0] + chunk.start, end: range[1] + chunk.start };
    found.push({ target, filePath: target.filePath, offsets, range: snapshot.lines.rangeOf(offsets), scalar: isScalar(node) ? node : undefined });
  }
  return found;
}

export interface FileEdit {
  range: LineRange;
  offsets: OffsetRange;
  newText: string;
}

/** A rename's edits per file, or the first place that cannot be renamed in place (a block scalar, a collection). */
export async function renameEdits(targets: readonly NavTarget[], newName: string, current: CurrentFile, read: ReadFile): Promise<Map<string, FileEdit[]> | { refused: string }> {
  const edits = new Map<string, FileEdit[]>();
  for (const place of await locateTargets(targets, current, read)) {
    const newText = place.scalar ? scalarText(place.scalar, newName) : undefined;
    if (newText === undefined) return { refused: `A ${place.target.kind} holds the name in a form Podwise does not rewrite in place.` };
    const list = edits.get(place.filePath) ?? [];
    list.push({ range: place.range, offsets: place.offsets, newText });
    edits.set(place.filePath, list);
  }
  return edits;
}

/** YAML 1.1 plain scalars that would not read back as the same string (booleans, null, numbers). */
const NOT_A_PLAIN_STRING = /^(?:y|yes|n|no|true|false|on|off|null|~)$/i;
const PLAIN_SAFE = /^[A-Za-z0-9_][\w./-]*$/;

/** The new value written in the scalar's own style: quotes kept; a plain scalar stays plain when it reads back the same. */
export function scalarText(scalar: Scalar, value: string): string | undefined {
  switch (scalar.type) {
    case Scalar.QUOTE_DOUBLE:
      return JSON.stringify(value);
    case Scalar.QUOTE_SINGLE:
      return `'${value.replace(/'/g, "''")}'`;
    case Scalar.PLAIN:
    case undefined:
      return plainReadsBack(value) ? value : JSON.stringify(value);
    default:
      // Block scalars (`|`, `>`) are not rewritten: their indentation rules make an in-place edit unsafe.
      return undefined;
  }
}

function plainReadsBack(value: string): boolean {
  if (!PLAIN_SAFE.test(value) || NOT_A_PLAIN_STRING.test(value)) return false;
  // A value starting with a digit may read back as a number in one of YAML 1.1's forms (`1_000`,
  // `0x1f`, `1e3`, `010`); a letter no number form uses makes it a string for certain.
  return /^[A-Za-z_]/.test(value) || /[g-wyzG-WYZ]/.test(value);
}
