// How a schema property name is spelled in a CEL expression. Kubernetes exposes a property whose
// name is not a CEL identifier (`x-forwarded-for`, `namespace`) under an escaped name
// (`x__dash__forwarded__dash__for`, `__namespace__`); names with other characters are not reachable.
// https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation-rules

/** CEL's reserved words: a property with one of these names is `__{word}__` in a rule. */
const RESERVED = new Set([
  'true',
  'false',
  'null',
  'in',
  'as',
  'break',
  'const',
  'continue',
  'else',
  'for',
  'function',
  'if',
  'import',
  'let',
  'loop',
  'package',
  'namespace',
  'return',
  'var',
  'void',
  'while',
]);

const ESCAPABLE = /^[a-zA-Z_.\-/][a-zA-Z0-9_.\-/]*$/;

/** The name a rule uses for property `name`, or undefined when CEL cannot reach it. */
export function escapePropertyName(name: string): string | undefined {
  if (RESERVED.has(name)) return `__${name}__`;
  if (!ESCAPABLE.test(name)) return undefined;
  let escaped = '';
  for (let index = 0; index < name.length; index++) {
    const char = name[index];
    if (char === '_' && name[index + 1] === '_') {
      escaped += '__underscores__';
      index++;
    } else if (char === '.') escaped += '__dot__';
    else if (char === '-') escaped += '__dash__';
    else if (char === '/') escaped += '__slash__';
    else escaped += char;
  }
  return escaped;
}
