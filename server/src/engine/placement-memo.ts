// Per-keystroke work must be proportional to the document that changed. Findings are computed
// relative to their document and shifted to file offsets; these memos keep the shifted copies
// (and the placed objects file rules see) while a document's text and position stay the same, so
// an edit does not re-copy every finding of a 100-document file.
import type { ObjectContext, PodSpecContext } from './rule-types';
import type { Finding } from './types';

/** Findings of a document at a file offset, reused while the document does not move. */
export class ShiftedFindings {
  private readonly memo = new WeakMap<object, { start: number; documentIndex: number; findings: Finding[] }>();

  get(owner: object, findings: readonly Finding[], start: number, documentIndex: number): Finding[] {
    const hit = this.memo.get(owner);
    if (hit && hit.start === start && hit.documentIndex === documentIndex) return hit.findings;
    const shifted = findings.map((finding) => shiftFinding(finding, start, documentIndex));
    this.memo.set(owner, { start, documentIndex, findings: shifted });
    return shifted;
  }
}

export function shiftFinding(finding: Finding, shift: number, documentIndex: number): Finding {
  if (shift === 0 && finding.documentIndex === documentIndex) return finding;
  return {
    ...finding,
    documentIndex,
    range: { start: finding.range.start + shift, end: finding.range.end + shift },
    fixes: finding.fixes.map((fix) => ({
      ...fix,
      edits: fix.edits.map((edit) => ({ newText: edit.newText, range: { start: edit.range.start + shift, end: edit.range.end + shift } })),
    })),
  };
}

interface PlacedObject {
  documentIndex: number;
  objectIndex: number;
  object: ObjectContext;
  podSpec: PodSpecContext | undefined;
}

const placedObjects = new WeakMap<ObjectContext, PlacedObject>();

/** An object (and its Pod spec) as file rules see it: with its index in the file. */
export function placeObject(object: ObjectContext, podSpec: PodSpecContext | undefined, documentIndex: number, objectIndex: number): PlacedObject {
  const hit = placedObjects.get(object);
  if (hit && hit.documentIndex === documentIndex && hit.objectIndex === objectIndex && hit.podSpec?.object === podSpec?.object) return hit;
  const placed: PlacedObject = {
    documentIndex,
    objectIndex,
    object: { ...object, documentIndex, objectIndex },
    podSpec: podSpec ? { ...podSpec, documentIndex, objectIndex } : undefined,
  };
  placedObjects.set(object, placed);
  return placed;
}
