// Inlay hints for the values the API server fills in when a manifest leaves them out: probe
// timings, the Pod grace period, and the pull policy implied by the image tag. What you see next
// to the field is what the stored object will say.
// Two limits shape them: VS Code cuts a label longer than `editor.inlayHints.maximumLength`
// (default 43 characters) with "…", so every label stays within MAX_INLAY_HINT_LENGTH; and a
// hint is text inserted into the line, so one placed before a trailing `# comment` would push the
// comment right: such lines get no hint (the hover still shows the values).
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

/** VS Code's default `editor.inlayHints.maximumLength`: longer labels are cut with "…". */
export const MAX_INLAY_HINT_LENGTH = 43;

/**
 * The probe fields a label names. successThreshold is left to the tooltip: its default, 1, is
 * the only value liveness and startup probes accept, and naming it too would take the label past
 * MAX_INLAY_HINT_LENGTH ("period 10s · timeout 1s · failure 3 · success 1" is 47 characters).
 */
const PROBE_LABEL_FIELDS: readonly { field: ProbeTimingField; label: (value: number) => string }[] = [
  { field: 'periodSeconds', label: (value) => `period ${value}s` },
  { field: 'timeoutSeconds', label: (value) => `timeout ${value}s` },
  { field: 'failureThreshold', label: (value) => `failure ${value}` },
];
const PROBE_TOOLTIP_FIELDS: readonly ProbeTimingField[] = ['periodSeconds', 'timeoutSeconds', 'failureThreshold', 'successThreshold'];

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
  const location = findPodSpec(parsed.apiVersion ?? '', parsed.objectKind, parsed.value);
  // The hints name the API server's defaults; a controller that sets its own (Knative) would make them wrong.
  if (!location || location.controllerDefaults) return [];
  const { document } = parsed;
  const hints: EditorInlayHint[] = [];
  const add = (offset: number | undefined, label: string, tooltip: string): void => {
    if (offset === undefined || label.length > MAX_INLAY_HINT_LENGTH || commentFollows(chunkText, offset)) return;
    hints.push({ offset, label, paddingLeft: true, tooltip });
  };
  if (!hasKey(location.spec, 'terminationGracePeriodSeconds')) {
    add(afterKey(document, chunkText, location.specPath), 'grace 30s', 'terminationGracePeriodSeconds is omitted: the API server sets 30 seconds.');
  }
  for (const ref of containersOf(location.spec, location.specPath)) {
    for (const kind of PROBE_KINDS) {
      const probe = asObject(ref.container[kind]);
      if (!probe) continue;
      const parts = PROBE_LABEL_FIELDS.filter(({ field }) => probeField(probe, field).defaulted).map(({ field, label }) => label(probeField(probe, field).value));
      if (parts.length === 0) continue;
      const defaulted = PROBE_TOOLTIP_FIELDS.filter((field) => probeField(probe, field).defaulted).map((field) => `${field} ${probeField(probe, field).value}`);
      add(afterKey(document, chunkText, [...ref.path, kind]), parts.join(' · '), `Omitted (or 0), so the API server sets ${defaulted.join(', ')}.`);
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

/**
 * Whether a `# comment` follows `offset` on its line. YAML starts a comment at a `#` that
 * follows whitespace (or starts the line), outside quoted scalars; the rest of a line after a
 * key or a scalar value is blank, a comment, or flow content (`{a: "x # y"}`), whose quotes are
 * skipped. A quote opens a quoted scalar only where a scalar can start, so `don't` is plain.
 */
function commentFollows(text: string, offset: number): boolean {
  let quote: string | undefined;
  for (let i = offset; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\n' || char === '\r') return false;
    if (quote) {
      if (char === '\\' && quote === '"') i += 1;
      else if (char === quote) {
        // '' inside a single-quoted scalar is an escaped quote, not its end.
        if (quote === "'" && text[i + 1] === "'") i += 1;
        else quote = undefined;
      }
      continue;
    }
    const before = i === 0 ? '\n' : text[i - 1];
    if (char === '#' && (before === ' ' || before === '\t' || before === '\n' || before === '\r')) return true;
    if ((char === '"' || char === "'") && /[\s{[,:]/.test(before)) quote = char;
  }
  return false;
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
