// Inlay hints for the values the API server fills in when a manifest leaves them out: probe
// timings, the Pod grace period, and the pull policy implied by the image tag. What you see next
// to the field is what the stored object will say.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes
// https://kubernetes.io/docs/concepts/containers/images/#imagepullpolicy-defaulting
import { isScalar, type Document } from 'yaml';
import { containersOf } from '../containers';
import { PROBE_KINDS, probeField, type ProbeTimingField } from '../defaults';
import { asObject, asString, hasKey, isObject } from '../json';
import { locatePath } from '../locate';
import type { ParsedChunk } from '../parse';
import { findPodSpec } from '../pod-specs';
import { defaultPullPolicy, looksTemplated, parseImageReference } from '../k8s/image-reference';
import { snapshotOf, type FileSnapshot } from '../snapshot';
import type { FieldPath, OffsetRange } from '../types';

export interface EditorInlayHint {
  /** Whole-text offset the hint is shown at. */
  offset: number;
  label: string;
  /** Show a space before the label (LSP `paddingLeft`). */
  paddingLeft: boolean;
  tooltip?: string;
}

const PROBE_HINT_FIELDS: readonly { field: ProbeTimingField; label: (value: number) => string }[] = [
  { field: 'periodSeconds', label: (value) => `period ${value}s` },
  { field: 'timeoutSeconds', label: (value) => `timeout ${value}s` },
  { field: 'failureThreshold', label: (value) => `failure ${value}` },
  { field: 'successThreshold', label: (value) => `success ${value}` },
];

/**
 * Hints for defaulted values of a file (its snapshot: the parses of the analysis; or a text),
 * optionally only those whose offset lies in `range`.
 */
export function inlayHints(file: string | FileSnapshot, range?: OffsetRange): EditorInlayHint[] {
  const hints: EditorInlayHint[] = [];
  try {
    const snapshot = snapshotOf(file);
    snapshot.chunks.forEach((chunk, index) => {
      if (range && (chunk.start > range.end || chunk.start + chunk.text.length < range.start)) return;
      const parsed = snapshot.parsed(index);
      if (parsed) for (const hint of chunkHints(parsed)) hints.push({ ...hint, offset: hint.offset + chunk.start });
    });
  } catch {
    // Hints are decoration: on input we cannot read, show none rather than fail the request.
    return [];
  }
  const visible = range ? hints.filter((hint) => hint.offset >= range.start && hint.offset <= range.end) : hints;
  return visible.sort((a, b) => a.offset - b.offset);
}

function chunkHints(parsed: ParsedChunk): EditorInlayHint[] {
  const chunkText = parsed.text;
  if (parsed.kind !== 'kubernetes' || !isObject(parsed.value) || !parsed.objectKind) return [];
  const location = findPodSpec(parsed.objectKind, parsed.value);
  if (!location) return [];
  const { document } = parsed;
  const hints: EditorInlayHint[] = [];
  const add = (offset: number | undefined, label: string, tooltip: string): void => {
    if (offset !== undefined) hints.push({ offset, label, paddingLeft: true, tooltip });
  };
  if (!hasKey(location.spec, 'terminationGracePeriodSeconds')) {
    add(afterKey(document, chunkText, location.specPath), 'grace 30s', 'terminationGracePeriodSeconds is omitted: the API server sets 30 seconds.');
  }
  for (const ref of containersOf(location.spec, location.specPath)) {
    for (const kind of PROBE_KINDS) {
      const probe = asObject(ref.container[kind]);
      if (!probe) continue;
      const parts = PROBE_HINT_FIELDS.filter(({ field }) => probeField(probe, field).defaulted).map(({ field, label }) => label(probeField(probe, field).value));
      if (parts.length > 0) add(afterKey(document, chunkText, [...ref.path, kind]), parts.join(' · '), 'Omitted (or 0) probe fields get these defaults from the API server.');
    }
    const image = asString(ref.container.image);
    if (image !== undefined && !hasKey(ref.container, 'imagePullPolicy') && !looksTemplated(image)) {
      const reference = parseImageReference(image);
      if (reference) {
        const policy = defaultPullPolicy(reference);
        const why = policy === 'Always' ? 'the image has no tag or digest, or the tag is latest' : 'the image has a tag or digest other than latest';
        add(valueEnd(document, [...ref.path, 'image']), `pull: ${policy}`, `imagePullPolicy is omitted and ${why}: the API server sets ${policy} once, at creation.`);
      }
    }
  }
  return hints;
}

/** Offset just after the `key:` colon of the field at `path` (chunk-relative). */
function afterKey(document: Document.Parsed, chunkText: string, path: FieldPath): number | undefined {
  const located = locatePath(document, path);
  const key = located.complete ? located.pair?.key : undefined;
  if (!isScalar(key) || !key.range) return undefined;
  const colon = chunkText.indexOf(':', key.range[1]);
  return colon === -1 ? key.range[1] : colon + 1;
}

/** Offset at the end of the scalar value at `path` (chunk-relative). */
function valueEnd(document: Document.Parsed, path: FieldPath): number | undefined {
  const located = locatePath(document, path);
  const node = located.complete ? located.node : null;
  return node && isScalar(node) && node.range ? node.range[1] : undefined;
}
