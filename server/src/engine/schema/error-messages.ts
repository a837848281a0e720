// Builds one human finding per kind of schema failure: what is wrong, what Kubernetes expects,
// and a fix where the intent is clear. Messages name fields by path, never by ajv keyword.
import { closestName } from '../k8s/did-you-mean';
import { toDnsLabel } from '../k8s/names';
import { capitalize, fitMessage } from '../k8s/phrasing';
import type { FieldPath, FixSpec, RuleFinding } from '../types';
import { containerOnPath, describeValue, fieldLabel, fieldSubject, formatPath, isRecord, joinAnd, joinOr, shorten, valueAt, valueKind } from './field-format';
import { childSchema, schemaTypes, shortDefinitionName, type ResolvedSchema } from './schema-walk';
import type { Definitions } from './validator-registry';

/** What a builder knows about the failing spot. */
export interface ErrorSite {
  readonly path: FieldPath;
  readonly value: unknown;
  /** The schema at `path` (undefined when the walk could not follow the data). */
  readonly resolved: ResolvedSchema | undefined;
  /** The document's kind, e.g. Pod. */
  readonly kind: string;
  /** The whole validated object, to name the container a path is in. */
  readonly data: unknown;
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean (true or false)',
  array: 'a list',
  object: 'a mapping',
};

function expectedPhrase(resolved: ResolvedSchema | undefined): string {
  if (resolved === undefined) return 'a different type';
  const { schema, site, definition } = resolved;
  if (schema.format === 'int-or-string') return 'an integer or a string';
  if (schema.format === 'quantity') return 'a quantity (a number, or a string such as 250m or 512Mi)';
  const types = schemaTypes(site.type !== undefined ? site : schema);
  return joinOr(
    types.map((t) => (t === 'object' && schema.properties !== undefined && definition !== undefined ? `a mapping (${shortDefinitionName(definition)})` : (TYPE_WORDS[t] ?? t))),
  );
}

export function typeFinding(site: ErrorSite): RuleFinding {
  const { path, value, resolved } = site;
  const label = fieldSubject(path, site.data);
  const types = resolved === undefined ? [] : schemaTypes(resolved.site.type !== undefined ? resolved.site : resolved.schema);
  const expected = expectedPhrase(resolved);
  // A block mapping or list where a scalar or the other collection belongs is read at its key
  // (`env:` holding a map): the API server names that field, and the block may span many lines.
  const collection = value !== null && typeof value === 'object' && typeof path[path.length - 1] === 'string';
  const base = { path, target: collection ? ('key' as const) : ('value' as const), ruleId: 'schema-type' };
  // A long field label gives way to its last key: the range shows where it is.
  const sentence = (rest: string): string => fitMessage(`${label} ${rest}`, `${String(path[path.length - 1] ?? 'The document')} ${rest}`);

  if (types.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) {
    const quote: FixSpec = { title: 'Quote the value', intents: [{ op: 'quote', path }], preferred: true, safe: true };
    const shown = typeof value === 'number' && Number.isSafeInteger(value) ? ` ("${value}")` : '';
    return typeof value === 'number'
      ? { ...base, message: sentence(`must be a string, not the number ${value}`), detail: `Quote it${shown}: unquoted, YAML reads it as a number.`, fixes: [quote] }
      : {
          ...base,
          message: sentence(`must be a string, not the boolean ${value}`),
          detail: 'YAML 1.1 reads yes/no/on/off/true/false as booleans: quote it.',
          fixes: [quote],
        };
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    const wantsInt = types.includes('integer') && !types.includes('number');
    const numeric = wantsInt ? /^[+-]?\d+$/.test(trimmed) : /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed);
    if ((types.includes('integer') || types.includes('number')) && numeric) {
      const fix: FixSpec = { title: 'Remove the quotes', intents: [{ op: 'set', path, value: Number(trimmed) }], preferred: true, safe: true };
      return { ...base, message: sentence(`must be ${expected}, not the string "${shorten(value)}"`), detail: 'Remove the quotes.', fixes: [fix] };
    }
    if (types.includes('boolean') && /^(true|false)$/i.test(trimmed)) {
      const bool = trimmed.toLowerCase() === 'true';
      const fix: FixSpec = { title: `Change to ${bool}`, intents: [{ op: 'set', path, value: bool }], preferred: true, safe: true };
      return { ...base, message: sentence(`must be a boolean, not the string "${shorten(value)}"`), detail: 'Remove the quotes.', fixes: [fix] };
    }
  }
  if (typeof value === 'number' && !Number.isInteger(value) && types.includes('integer')) {
    return { ...base, message: sentence(`must be ${expected}, but ${value} has a fractional part`) };
  }
  // `args: --verbose` for `args: [--verbose]`: only when the lone value would be a valid item.
  const items = resolved?.schema.items;
  const itemTypes = items !== undefined && items.$ref === undefined ? schemaTypes(items) : [];
  if (types.length === 1 && types[0] === 'array' && acceptsScalar(itemTypes, value)) {
    const fix: FixSpec = { title: 'Make it a list with this one item', intents: [{ op: 'set', path, value: [value] }], preferred: true };
    return { ...base, message: sentence(`must be a list, not ${describeValue(value)}`), detail: 'Write it as a list item.', fixes: [fix] };
  }
  return { ...base, message: sentence(`must be ${expected}, not ${describeValue(value)}`) };
}

function acceptsScalar(types: readonly string[], value: unknown): boolean {
  const kind = valueKind(value);
  if (kind === 'integer') return types.includes('integer') || types.includes('number');
  return (kind === 'string' || kind === 'number' || kind === 'boolean') && types.includes(kind);
}

/** The closest allowed name, and whether renaming to it is safe without a look. */
function suggestName(key: string, allowed: readonly string[]): { name: string; safe: boolean } | undefined {
  const suggestion = closestName(key, allowed);
  if (suggestion === undefined) return undefined;
  // A case slip, or a close and unambiguous typo, is safe to rename in one keystroke.
  return { name: suggestion.value, safe: suggestion.distance === 0 || (suggestion.distance <= 2 && suggestion.unique) };
}

/**
 * Sibling objects that do have `key` (runAsUser → securityContext, limits → resources): the
 * usual cause of an unknown field that is spelt right but sits one level too high.
 */
function placementHint(defs: Definitions, parent: ResolvedSchema, key: string): string[] {
  const homes: string[] = [];
  for (const prop of Object.keys(parent.schema.properties ?? {})) {
    const child = childSchema(defs, parent, prop)?.schema.properties;
    if (child !== undefined && Object.prototype.hasOwnProperty.call(child, key)) homes.push(prop);
  }
  // `selector: {app: web}` for `selector: {matchLabels: {app: web}}`.
  if (homes.length === 0 && parent.definition === LABEL_SELECTOR) homes.push('matchLabels');
  return homes.length <= 3 ? homes : [];
}

const LABEL_SELECTOR = 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector';
/** Pod- and container-level securityContext share a name but not their fields; people mix them up. */
const COUNTERPARTS: Readonly<Record<string, readonly [string, string]>> = {
  'io.k8s.api.core.v1.PodSecurityContext': ['io.k8s.api.core.v1.SecurityContext', "each container's securityContext"],
  'io.k8s.api.core.v1.SecurityContext': ['io.k8s.api.core.v1.PodSecurityContext', "the Pod's securityContext (spec.securityContext)"],
};

function counterpartHint(defs: Definitions, parent: ResolvedSchema, key: string): string {
  const counterpart = parent.definition === undefined ? undefined : COUNTERPARTS[parent.definition];
  if (counterpart === undefined) return '';
  const props = defs[counterpart[0]]?.properties;
  return props !== undefined && Object.prototype.hasOwnProperty.call(props, key) ? ` It only exists in ${counterpart[1]}.` : '';
}

export function unknownFieldFinding(
  defs: Definitions,
  parentPath: FieldPath,
  key: string,
  parentValue: unknown,
  parent: ResolvedSchema | undefined,
  data?: unknown,
): RuleFinding & { suggestion?: string } {
  const path = [...parentPath, key];
  const definition = parent?.definition !== undefined ? shortDefinitionName(parent.definition) : formatPath(parentPath) || 'this object';
  // In a container the container is named (`container "web"`), and its own sub-objects say whose they are.
  const container = containerOnPath(path, data);
  const inContainer = container !== undefined && container.at === path.length - 1;
  const owner = inContainer ? container.name : container !== undefined ? `${definition} of ${container.name}` : definition;
  const allowed = Object.keys(parent?.schema.properties ?? {});
  const suggestion = suggestName(key, allowed);
  // Keys from templating can be long and multi-line; the range shows the rest.
  const shown = shorten(key.replace(/\s+/g, ' '));
  const remove: FixSpec = { title: `Remove "${shown}"`, intents: [{ op: 'delete', path }] };
  let hint = '';
  let detail = 'Kubernetes rejects it in strict mode (kubectl apply --validate=strict).';
  const fixes: FixSpec[] = [];
  const homes = suggestion === undefined && parent !== undefined ? placementHint(defs, parent, key) : [];
  if (homes.length > 0) hint = `; did you mean to put it under ${joinOr(homes.map((h) => `"${h}"`))}?`;
  else if (suggestion === undefined && parent !== undefined) detail += counterpartHint(defs, parent, key);
  if (suggestion !== undefined) {
    const taken = isRecord(parentValue) && Object.prototype.hasOwnProperty.call(parentValue, suggestion.name);
    hint = `; did you mean "${suggestion.name}"?`;
    if (taken) detail += ` ${capitalize(owner)} already sets "${suggestion.name}".`;
    if (!taken) {
      fixes.push({
        title: `Rename to "${suggestion.name}"`,
        intents: [{ op: 'rename', path, newKey: suggestion.name }],
        preferred: true,
        safe: suggestion.safe,
      });
    }
  }
  fixes.push(remove);
  const message = fitMessage(`Unknown field "${shown}" in ${owner}${hint}`, `Unknown field "${shorten(shown, 30)}" in ${definition}${hint}`);
  return { path, target: 'key', ruleId: 'schema-unknown-field', message, detail, fixes, suggestion: suggestion?.name };
}

export function requiredFinding(parentPath: FieldPath, missing: readonly string[], kind: string, data?: unknown): RuleFinding {
  const container = containerOnPath([...parentPath, ''], data);
  // Inside a container the field is named from the container (`Container "web" is missing … "image"`).
  const from = container !== undefined ? parentPath.slice(container.at) : parentPath;
  const owner = container !== undefined ? capitalize(container.name) : kind;
  const names = missing.map((name) => `"${formatPath([...from, name])}"`);
  const noun = missing.length === 1 ? 'field' : 'fields';
  const full = `${owner} is missing required ${noun} ${joinAnd(names)}`;
  // A single missing field is reported on its own path (placed on the nearest existing key), so a
  // rule that explains the same missing field better takes its place.
  const fix = container !== undefined && from.length === 0 && missing.length === 1 && missing[0] === 'name' ? containerNameFix(parentPath, data) : undefined;
  return {
    path: missing.length === 1 ? [...parentPath, missing[0]] : parentPath,
    target: 'key',
    ruleId: 'schema-required',
    message: fitMessage(full, `${owner} is missing ${missing.length} required ${noun}`),
    ...(full.length > 100 ? { detail: `Missing: ${joinAnd(names)}.` } : {}),
    ...(fix ? { fixes: [fix] } : {}),
  };
}

/**
 * A container without a name: name it after its image (`nginx:1.27` → `nginx`), a DNS label no
 * sibling uses. Not safe: the name is how logs, probes and `kubectl exec -c` find the container.
 */
function containerNameFix(containerPath: FieldPath, data: unknown): FixSpec | undefined {
  const container = valueAt(data, containerPath);
  const list = valueAt(data, containerPath.slice(0, -1));
  if (!isRecord(container) || typeof container.image !== 'string') return undefined;
  // The repository's last path segment, without tag or digest.
  const repository = container.image.split('@')[0].replace(/:[^/:]*$/, '');
  const base = toDnsLabel(repository.slice(repository.lastIndexOf('/') + 1));
  if (base === undefined) return undefined;
  const taken = new Set(Array.isArray(list) ? list.map((item) => (isRecord(item) ? item.name : undefined)) : []);
  let name = base;
  for (let n = 2; taken.has(name) && n < 100; n++) name = `${base.slice(0, 60)}-${n}`;
  if (taken.has(name)) return undefined;
  return { title: `Name the container "${name}"`, intents: [{ op: 'insert', path: containerPath, key: 'name', value: name }], preferred: true };
}

export function enumFinding(site: ErrorSite, allowedValues: readonly unknown[]): RuleFinding {
  const { path, value } = site;
  // null and "" are accepted (kubectl's empty value, API defaulting) but are not worth listing.
  const allowed = allowedValues.filter((v): v is string => typeof v === 'string' && v !== '');
  const label = fieldSubject(path, site.data);
  const fixes: FixSpec[] = [];
  let hint = '';
  let detail = `Allowed values: ${joinOr(allowed)}.`;
  if (typeof value === 'string') {
    // The shared did-you-mean: a case slip (`always`) or a typo (`Alwaysz`) of one allowed value.
    const suggestion = closestName(value.trim(), allowed);
    if (suggestion !== undefined) {
      hint = `; did you mean "${suggestion.value}"?`;
      if (suggestion.distance === 0) detail += ' Values are case-sensitive.';
      // Safe to apply unseen only when no other allowed value is as close.
      fixes.push({ title: `Change to "${suggestion.value}"`, intents: [{ op: 'set', path, value: suggestion.value }], preferred: true, safe: suggestion.unique });
    }
  }
  const shown = typeof value === 'string' ? `"${shorten(value, 30)}"` : describeValue(value);
  // With a suggestion the allowed values go to the detail: the likely one is in the message.
  const key = fieldLabel(path.slice(typeof path[path.length - 1] === 'number' ? -2 : -1));
  const message = hint
    ? fitMessage(`${label}: ${shown} is not an allowed value${hint}`, `${key}: ${shown} is not an allowed value${hint}`)
    : fitMessage(`${label} must be ${joinOr(allowed)}, not ${shown}`, fitMessage(`${label}: ${shown} is not an allowed value`, `${key}: ${shown} is not an allowed value`));
  return { path, target: 'value', ruleId: 'schema-enum', message, detail, fixes: fixes.length > 0 ? fixes : undefined };
}

const QUANTITY_SUFFIXES: Readonly<Record<string, string>> = {
  ki: 'Ki',
  kib: 'Ki',
  kb: 'Ki',
  mi: 'Mi',
  mib: 'Mi',
  mb: 'Mi',
  gi: 'Gi',
  gib: 'Gi',
  gb: 'Gi',
  g: 'Gi',
  ti: 'Ti',
  tib: 'Ti',
  tb: 'Ti',
  t: 'Ti',
  pi: 'Pi',
  pib: 'Pi',
  pb: 'Pi',
  ei: 'Ei',
  eib: 'Ei',
  eb: 'Ei',
};
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** A corrected quantity for common slips (512MB, 1gi, "2 Gi"), or undefined. */
function suggestQuantity(text: string): { value: string; safe: boolean } | undefined {
  // Trailing blanks by trimEnd: `\s*([A-Za-z]*)\s*$` let two `\s*` trade a long run of blanks.
  const m = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*([A-Za-z]*)$/.exec(text.trimEnd());
  if (m === null) return undefined;
  const number = m[1] ?? '';
  const suffix = m[2] ?? '';
  const compact = `${number}${suffix}`;
  // Only spaces were wrong: the meaning is unchanged.
  if (compact !== text && QUANTITY.test(compact)) return { value: compact, safe: true };
  const mapped = QUANTITY_SUFFIXES[suffix.toLowerCase()];
  if (mapped === undefined) return undefined;
  return { value: `${number}${mapped}`, safe: false };
}

export function patternFinding(site: ErrorSite): RuleFinding {
  const { path, value, resolved, kind } = site;
  const label = fieldSubject(path, site.data);
  const base = { path, target: 'value' as const, ruleId: 'schema-format' };
  const text = typeof value === 'string' ? value : String(value);
  if (resolved?.schema.format === 'quantity') {
    const suggestion = suggestQuantity(text);
    const fixes: FixSpec[] = [];
    const hint = suggestion !== undefined ? `; did you mean "${suggestion.value}"?` : '';
    if (suggestion !== undefined) {
      fixes.push({ title: `Change to "${suggestion.value}"`, intents: [{ op: 'set', path, value: suggestion.value }], preferred: true, safe: suggestion.safe });
    }
    return {
      ...base,
      message: fitMessage(`${label}: "${shorten(text)}" is not a valid quantity${hint}`, `"${shorten(text, 20)}" is not a valid quantity${hint}`),
      detail: 'A Kubernetes quantity is a number with an optional suffix, such as 250m, 512Mi or 2Gi.',
      fixes: fixes.length > 0 ? fixes : undefined,
    };
  }
  if (resolved?.schema.format === 'byte') {
    const hint = kind === 'Secret' && path[0] === 'data' ? ' Put plain text under stringData instead.' : '';
    return {
      ...base,
      message: fitMessage(`${label} is not valid base64`, `${String(path[path.length - 1])} is not valid base64`),
      detail: `The value must be base64-encoded; "${shorten(text)}" is not.${hint}`,
    };
  }
  return { ...base, message: fitMessage(`${label}: "${shorten(text)}" does not have the expected format`, `"${shorten(text, 20)}" does not have the expected format`) };
}

export function rangeFinding(site: ErrorSite, keyword: string, limit: unknown): RuleFinding {
  const bound = keyword === 'maximum' ? 'at most' : 'at least';
  const int32 = site.resolved?.schema.format === 'int32' ? ' (a 32-bit integer)' : '';
  return {
    path: site.path,
    target: 'value',
    ruleId: 'schema-format',
    message: fitMessage(
      `${fieldSubject(site.path, site.data)} must be ${bound} ${String(limit)}${int32}, not ${String(site.value)}`,
      `${fieldLabel(site.path.slice(-1))} must be ${bound} ${String(limit)}, not ${String(site.value)}`,
    ),
  };
}

export function otherFinding(site: ErrorSite, keyword: string): RuleFinding {
  return {
    path: site.path,
    target: 'value',
    ruleId: 'schema-format',
    message: `${fieldSubject(site.path, site.data)} does not match the Kubernetes schema (${keyword})`,
  };
}

// ---- Custom resources (engine/crd/): the keywords CRD schemas use beyond the built-in ones. ----

/** A bound the schema sets (length, item count, exclusive range, multiple): "<field> must <bound>, not <actual>". */
export function boundFinding(site: ErrorSite, bound: string, actual: string, detail?: string): RuleFinding {
  return {
    path: site.path,
    target: 'value',
    ruleId: 'schema-format',
    message: fitMessage(`${fieldSubject(site.path, site.data)} must ${bound}, not ${actual}`, `${fieldLabel(site.path.slice(-1))} must ${bound}, not ${actual}`),
    ...(detail ? { detail } : {}),
  };
}

/** A string that does not match the schema's regular expression (the API server quotes the pattern). */
export function regexFinding(site: ErrorSite, pattern: string): RuleFinding {
  const label = fieldSubject(site.path, site.data);
  const text = shorten(String(site.value), 30);
  // A long pattern is unreadable in one line: the detail quotes it whole.
  const full = pattern.length <= 30 ? `${label}: "${text}" does not match the pattern ${pattern}` : `${label}: "${text}" does not match the required pattern`;
  return {
    path: site.path,
    target: 'value',
    ruleId: 'schema-pattern',
    message: fitMessage(fitMessage(full, `${label}: "${text}" does not match the required pattern`), `"${shorten(text, 20)}" does not match the required pattern`),
    detail: `The API server answers: should match '${pattern}'.`,
  };
}

/** A string that breaks the schema's `format` (described by `words`, e.g. "an IPv4 address"). */
export function stringFormatFinding(site: ErrorSite, format: string, words: string): RuleFinding {
  const label = fieldSubject(site.path, site.data);
  const text = shorten(String(site.value), 30);
  return {
    path: site.path,
    target: 'value',
    ruleId: 'schema-format',
    message: fitMessage(`${label}: "${text}" is not ${words}`, fitMessage(`${label}: "${text}" is not a valid ${format}`, `"${shorten(text, 20)}" is not a valid ${format}`)),
    detail: `The schema declares format "${format}"; the API server rejects other values.`,
  };
}

/** An entry of a list the schema declares as a set or map that repeats an earlier entry (`what` names it). */
export function duplicateEntryFinding(site: ErrorSite, what: string, first: number, detail: string): RuleFinding {
  const label = fieldSubject(site.path, site.data);
  return {
    path: site.path,
    target: 'value',
    ruleId: 'schema-format',
    message: fitMessage(`${label}: ${what} repeats entry [${first}]`, `Duplicate ${what} in ${fieldLabel(site.path.slice(-2))}`),
    detail,
  };
}

/** A mapping that breaks a one-of/any-of/not combination of fields (`problem` says how). */
export function combinationFinding(site: ErrorSite, problem: string, ruleId: 'schema-format' | 'schema-required', detail?: string): RuleFinding {
  const label = site.path.length === 0 ? `This ${site.kind}` : fieldSubject(site.path, site.data);
  return {
    path: site.path,
    target: 'key',
    ruleId,
    message: fitMessage(`${label} ${problem}`, `${site.path.length === 0 ? label : fieldLabel(site.path.slice(-1))} ${problem}`),
    ...(detail ? { detail } : {}),
  };
}
