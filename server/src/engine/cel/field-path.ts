// A validation rule's `fieldPath` (`.spec.ports[0]`, `.labels['app.kubernetes.io/name']`),
// relative to the node the rule sits on, as path segments.
// https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#field-path

/** The segments, or undefined when the text is not a field path the API server accepts. */
export function parseFieldPath(text: string): (string | number)[] | undefined {
  const segments: (string | number)[] = [];
  let index = 0;
  while (index < text.length) {
    if (text[index] === '.') {
      const match = /^[^.[\]]+/.exec(text.slice(index + 1));
      if (!match) return undefined;
      segments.push(match[0]);
      index += 1 + match[0].length;
    } else if (text.startsWith("['", index)) {
      let key = '';
      let cursor = index + 2;
      while (cursor < text.length && text[cursor] !== "'") {
        if (text[cursor] === '\\' && cursor + 1 < text.length) cursor++;
        key += text[cursor];
        cursor++;
      }
      if (!text.startsWith("']", cursor)) return undefined;
      segments.push(key);
      index = cursor + 2;
    } else if (text[index] === '[') {
      const match = /^\[(\d+)\]/.exec(text.slice(index));
      if (!match) return undefined;
      segments.push(Number(match[1]));
      index += match[0].length;
    } else return undefined;
  }
  return segments.length > 0 ? segments : undefined;
}
