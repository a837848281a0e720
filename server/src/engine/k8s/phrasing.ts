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
