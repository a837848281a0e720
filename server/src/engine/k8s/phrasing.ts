// How messages name things: containers, field paths, the start of a sentence. One wording for
// every rule, so the same container reads the same in every finding.
import type { ContainerRef } from '../containers';
import type { FieldPath } from '../types';

/**
 * `container "web"`, `init container "migrate"`, `sidecar container "log"` (an init container
 * with restartPolicy: Always), `ephemeral container "debug"`; the list entry when unnamed
 * (`container containers[0]`: a container without a name is a schema error of its own).
 */
export function describeContainer(ref: ContainerRef): string {
  const kind =
    ref.group === 'initContainers' ? (ref.isSidecar ? 'sidecar container' : 'init container') : ref.group === 'ephemeralContainers' ? 'ephemeral container' : 'container';
  return ref.name ? `${kind} "${ref.name}"` : `${kind} ${ref.group}[${ref.index}]`;
}

/** A field path as the API server prints it: `spec.containers[0].name`. */
export function pathText(path: FieldPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text.length === 0 ? segment : `.${segment}`;
  }
  return text;
}

/** The text with its first character upper-cased, to start a sentence with a description. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A user value in double quotes, cut to `max` characters with an ellipsis: a message stays one
 * short line however long the name, image or command it quotes (the full value is in the file).
 */
export function quoteShort(value: string, max = 40): string {
  return `"${value.length > max ? `${value.slice(0, max - 1)}…` : value}"`;
}

/**
 * A name or path cut to `max` characters with an ellipsis, so one long value (a 253-character
 * object name, a deep hostPath) cannot push a message past the length the Problems panel shows.
 * The full value stays in the finding's detail or at its range.
 */
export function clipText(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/** Longest message the Problems panel and the CLI show on one line (issue #11: say less). */
export const MESSAGE_LIMIT = 100;

/** `full` when it fits in MESSAGE_LIMIT characters, else the shorter wording (clipped if need be). */
export function fitMessage(full: string, short: string): string {
  if (full.length <= MESSAGE_LIMIT) return full;
  return clipText(short, MESSAGE_LIMIT);
}

/** A user-written value in double quotes, clipped (`"kubelinter@stackrox.com"`). */
export function quoted(text: string, max = 40): string {
  return JSON.stringify(clipText(text, max));
}
