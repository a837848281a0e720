// Validates a custom resource against its CRD's structural schema the way the API server does,
// by walking schema and value together: no compile step, so a 1 MB schema costs nothing before
// its first use. Unknown fields are errors (strict field validation, kubectl's default) unless
// `x-kubernetes-preserve-unknown-fields`; `x-kubernetes-int-or-string`, `nullable`,
// `x-kubernetes-embedded-resource` and `x-kubernetes-list-type` set/map are honoured; defaults
// are applied first (apply-defaults.ts). Messages come from schema/error-messages.ts, so a custom
// resource reads like a built-in object.
// https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation
import { asArray, asString, isObject, type JsonObject, type JsonValue } from '../json';
import { SCHEMA_FINDING_CAP, validateObject, type ResolvedSchema, type SchemaNode } from '../schema';
import {
  boundFinding,
  duplicateEntryFinding,
  enumFinding,
  patternFinding,
  rangeFinding,
  regexFinding,
  requiredFinding,
  stringFormatFinding,
  typeFinding,
  unknownFieldFinding,
  type ErrorSite,
} from '../schema/error-messages';
import type { FieldPath, KubernetesVersion, RuleFinding } from '../types';
import { combinatorFindings, PATTERN_INPUT_LIMIT } from './schema-combinators';
import { sortInDocumentOrder, valueAtPath } from './finding-order';
import { objectMetaProblems } from './object-meta';
import { goRegExp } from './go-regexp';
import { FORMAT_WORDS, fitsFormat } from './string-formats';
import { deepEqual, hasSchemaType, runeLength } from './value-checks';

export interface StructuralOptions {
  kind: string;
  kubernetesVersion: KubernetesVersion;
}

/** Fields every object (and every embedded resource) may carry whatever its schema lists. */
const OBJECT_HEADER = new Set(['apiVersion', 'kind', 'metadata']);
/** Nesting deeper than any real schema; the parser bounds documents long before this. */
const MAX_DEPTH = 100;

interface Candidate {
  finding: RuleFinding;
  /** Set on unknown-field findings: the allowed name suggested instead. */
  suggestion?: string;
}

/** A JSONSchemaProps object read through the shape the shared message builders expect. */
function resolvedOf(schema: JsonObject, overrides?: Partial<SchemaNode>, definition?: string): ResolvedSchema {
  // JSONSchemaProps is a superset of SchemaNode (same keywords, no $ref in structural schemas).
  const node = { ...(schema as unknown as SchemaNode), ...overrides };
  return { schema: node, site: node, definition };
}

/**
 * Findings for `object` (already defaulted: see applyDefaults) against `schema`, its paths from
 * the object root. `original` is the object as written, for document order and messages.
 */
export function validateStructural(schema: JsonObject, object: JsonObject, options: StructuralOptions, original: JsonObject = object): RuleFinding[] {
  if (Object.keys(schema).length === 0) return [];
  const walker = new Walker(options, original);
  walker.visit(schema, object, [], 0, true);
  return walker.finish();
}

class Walker {
  private readonly candidates: Candidate[] = [];
  private readonly missing = new Map<string, { path: FieldPath; names: string[] }>();

  constructor(
    private readonly options: StructuralOptions,
    private readonly data: JsonObject,
  ) {}

  private site(path: FieldPath, value: unknown, schema: JsonObject | undefined): ErrorSite {
    return { path, value, resolved: schema ? resolvedOf(schema) : undefined, kind: this.options.kind, data: this.data };
  }

  private add(finding: RuleFinding, suggestion?: string): void {
    this.candidates.push({ finding, suggestion });
  }

  visit(schema: JsonObject, value: JsonValue | undefined, path: FieldPath, depth: number, isResource: boolean): void {
    if (value === undefined || depth > MAX_DEPTH) return;
    const intOrString = schema['x-kubernetes-int-or-string'] === true;
    const type = asString(schema.type);
    if (value === null) {
      if (schema.nullable !== true && (type !== undefined || intOrString)) this.add(typeFinding(this.site(path, value, schema)));
      return;
    }
    if (intOrString && !(typeof value === 'string' || Number.isInteger(value))) {
      this.add(typeFinding({ ...this.site(path, value, schema), resolved: resolvedOf(schema, { format: 'int-or-string' }) }));
      return;
    }
    if (!intOrString && type !== undefined && !hasSchemaType(value, type)) {
      this.add(typeFinding(this.site(path, value, schema)));
      return;
    }
    if (schema['x-kubernetes-embedded-resource'] === true && isObject(value) && this.embeddedBuiltIn(value, path)) return;
    if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => deepEqual(allowed, value))) {
      this.add(enumFinding(this.site(path, value, schema), schema.enum));
      return;
    }
    const before = this.candidates.length;
    if (typeof value === 'string') this.checkString(schema, value, path);
    else if (typeof value === 'number') this.checkNumber(schema, value, path);
    else if (Array.isArray(value)) this.checkArray(schema, value, path, depth);
    else if (isObject(value)) this.checkObject(schema, value, path, depth, isResource || schema['x-kubernetes-embedded-resource'] === true);
    // A combination is judged only when the value itself passed: one finding per problem.
    if (this.candidates.length === before && hasCombinators(schema)) for (const finding of combinatorFindings(schema, this.site(path, value, schema))) this.add(finding);
  }

  /** An embedded object of a built-in kind is validated as that kind (paths prefixed); true when it was. */
  private embeddedBuiltIn(value: JsonObject, path: FieldPath): boolean {
    const apiVersion = asString(value.apiVersion);
    const kind = asString(value.kind);
    if (!apiVersion || !kind) return false;
    const findings = validateObject(value, apiVersion, kind, this.options.kubernetesVersion);
    if (findings === undefined) return false;
    for (const finding of findings) this.add({ ...finding, path: [...path, ...finding.path] });
    return true;
  }

  private checkString(schema: JsonObject, value: string, path: FieldPath): void {
    const site = (): ErrorSite => this.site(path, value, schema);
    const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
    const minLength = typeof schema.minLength === 'number' ? schema.minLength : undefined;
    if (maxLength !== undefined || minLength !== undefined) {
      const length = runeLength(value);
      if (maxLength !== undefined && length > maxLength) {
        this.add(boundFinding(site(), `be at most ${maxLength} characters long`, `${length}`, `The API server answers: may not be more than ${maxLength} bytes.`));
        return;
      }
      if (minLength !== undefined && length < minLength) {
        this.add(boundFinding(site(), `be at least ${minLength} characters long`, `${length}`, `The API server answers: should be at least ${minLength} chars long.`));
        return;
      }
    }
    if (typeof schema.pattern === 'string' && value.length <= PATTERN_INPUT_LIMIT) {
      const regexp = goRegExp(schema.pattern);
      if (regexp && !regexp.test(value)) {
        this.add(regexFinding(site(), schema.pattern));
        return;
      }
    }
    const format = asString(schema.format);
    if (format !== undefined && !fitsFormat(format, value)) {
      this.add(format === 'byte' ? patternFinding(site()) : stringFormatFinding(site(), format, FORMAT_WORDS[format] ?? `a valid ${format}`));
    }
  }

  private checkNumber(schema: JsonObject, value: number, path: FieldPath): void {
    const site = (): ErrorSite => this.site(path, value, schema);
    const { minimum, maximum, multipleOf } = schema;
    if (typeof minimum === 'number') {
      if (schema.exclusiveMinimum === true && value <= minimum) return this.add(boundFinding(site(), `be greater than ${minimum}`, String(value)));
      if (value < minimum) return this.add(rangeFinding(site(), 'minimum', minimum));
    }
    if (typeof maximum === 'number') {
      if (schema.exclusiveMaximum === true && value >= maximum) return this.add(boundFinding(site(), `be less than ${maximum}`, String(value)));
      if (value > maximum) return this.add(rangeFinding(site(), 'maximum', maximum));
    }
    if (typeof multipleOf === 'number' && multipleOf > 0 && !Number.isInteger(value / multipleOf)) {
      this.add(boundFinding(site(), `be a multiple of ${multipleOf}`, String(value)));
    }
  }

  private checkArray(schema: JsonObject, value: JsonValue[], path: FieldPath, depth: number): void {
    const site = (): ErrorSite => this.site(path, value, schema);
    const count = (n: number): string => `${n} ${n === 1 ? 'item' : 'items'}`;
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) {
      this.add({ ...boundFinding(site(), `have at most ${count(schema.maxItems)}`, `${value.length}`), target: 'key' });
    } else if (typeof schema.minItems === 'number' && value.length < schema.minItems) {
      this.add({ ...boundFinding(site(), `have at least ${count(schema.minItems)}`, `${value.length}`), target: 'key' });
    }
    const items = isObject(schema.items) ? schema.items : undefined;
    if (items) value.forEach((item, index) => this.visit(items, item, [...path, index], depth + 1, false));
    const listType = schema['x-kubernetes-list-type'];
    if (listType === 'set') this.checkSet(value, path, items);
    else if (listType === 'map') this.checkMapList(schema, value, path);
  }

  /** x-kubernetes-list-type: set: every item once (scalars; the API server answers "Duplicate value"). */
  private checkSet(value: JsonValue[], path: FieldPath, items: JsonObject | undefined): void {
    // Set items are scalars in practice (the API server only allows scalars and atomic lists or
    // maps there): a text key finds repeats in linear time; anything else compares by value.
    const seen = new Map<string, number>();
    value.forEach((item, index) => {
      const key = item !== null && typeof item === 'object' ? undefined : JSON.stringify(item);
      const first = key === undefined ? value.findIndex((other) => deepEqual(other, item)) : seen.get(key);
      if (key !== undefined && first === undefined) seen.set(key, index);
      if (first !== undefined && first < index) {
        const site = this.site([...path, index], item, items);
        this.add(
          duplicateEntryFinding(site, 'the value', first, 'The list is a set (x-kubernetes-list-type: set): the API server answers Duplicate value. Remove the repeated entry.'),
        );
      }
    });
  }

  /** x-kubernetes-list-type: map: no two items share the values of x-kubernetes-list-map-keys. */
  private checkMapList(schema: JsonObject, value: JsonValue[], path: FieldPath): void {
    const keys = asArray(schema['x-kubernetes-list-map-keys']).filter((key): key is string => typeof key === 'string');
    if (keys.length === 0) return;
    const seen = new Map<string, number>();
    value.forEach((item, index) => {
      if (!isObject(item)) return;
      const tuple = JSON.stringify(keys.map((key) => item[key] ?? null));
      const first = seen.get(tuple);
      if (first === undefined) {
        seen.set(tuple, index);
        return;
      }
      // Point at the first key the item writes itself (a defaulted key has no place in the file).
      const original = asArray(valueAtPath(this.data, path))[index];
      const written = keys.find((key) => isObject(original) && original[key] !== undefined);
      const at = written === undefined ? [...path, index] : [...path, index, written];
      const shown = keys.map((key) => `${key} ${JSON.stringify(item[key] ?? null)}`).join(', ');
      this.add(
        duplicateEntryFinding(
          this.site(at, item, undefined),
          `the entry with ${shown}`,
          first,
          `Entries are keyed by ${keys.join(', ')} (x-kubernetes-list-type: map); the API server answers Duplicate value. Merge or rename the entries.`,
        ),
      );
    });
  }

  private checkObject(schema: JsonObject, value: JsonObject, path: FieldPath, depth: number, isResource: boolean): void {
    const site = (): ErrorSite => this.site(path, value, schema);
    const keys = Object.keys(value).filter((key) => value[key] !== undefined);
    if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties) {
      this.add({ ...boundFinding(site(), `have at most ${schema.maxProperties} entries`, `${keys.length}`), target: 'key' });
    } else if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) {
      this.add({ ...boundFinding(site(), `have at least ${schema.minProperties} entries`, `${keys.length}`), target: 'key' });
    }
    const properties = isObject(schema.properties) ? schema.properties : undefined;
    const additional = isObject(schema.additionalProperties) ? schema.additionalProperties : undefined;
    // A schema without type or fields (only non-structural, legacy CRDs have one) restricts nothing.
    const open = schema.type === undefined && !properties && !additional;
    const preserve = open || schema['x-kubernetes-preserve-unknown-fields'] === true || schema.additionalProperties === true;
    const missing = asArray(schema.required).filter((name): name is string => typeof name === 'string' && value[name] === undefined);
    if (missing.length > 0) this.missing.set(JSON.stringify(path), { path, names: missing });
    for (const key of keys) {
      const child = properties && Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
      if (depth === 0 && key === 'status') {
        // The API server ignores a custom resource's status on create and update when the CRD
        // has a status subresource (as the bundled ones do): nothing written there is rejected.
        continue;
      } else if (isResource && key === 'metadata') {
        this.checkMetadata(value[key], [...path, key], isObject(child) ? child : undefined, depth);
      } else if (isObject(child)) {
        this.visit(child, value[key], [...path, key], depth + 1, false);
      } else if (additional) {
        this.visit(additional, value[key], [...path, key], depth + 1, false);
      } else if (isResource && OBJECT_HEADER.has(key)) {
        // apiVersion and kind of a resource: always allowed.
      } else if (!preserve) {
        const { suggestion, ...finding } = unknownFieldFinding({}, path, key, value, resolvedOf(schema, undefined, path.length === 0 ? this.options.kind : undefined), this.data);
        this.add(finding, suggestion);
      }
    }
  }

  /**
   * A resource's metadata is an ObjectMeta whatever the CRD says: unknown keys and the types of
   * its direct fields, labels and annotations. A CRD may only restrict name and generateName
   * (`schema`'s properties), which are checked as it says.
   */
  private checkMetadata(value: JsonValue | undefined, path: FieldPath, schema: JsonObject | undefined, depth: number): void {
    if (value === undefined || value === null) return;
    const restricted = isObject(schema?.properties) ? schema.properties : {};
    for (const key of ['name', 'generateName']) {
      const child = restricted[key];
      if (isObject(child) && isObject(value) && typeof value[key] === 'string') this.visit(child, value[key], [...path, key], depth + 1, false);
    }
    for (const { finding, suggestion } of objectMetaProblems(value, path, this.options.kubernetesVersion, this.options.kind, this.data)) this.add(finding, suggestion);
  }

  finish(): RuleFinding[] {
    const findings = this.candidates.map((candidate) => candidate.finding);
    for (const { path, names } of this.missing.values()) {
      // A misspelt required field ("Name" for "name") is reported once, as the unknown field whose rename fixes both.
      const misspelt = new Set(
        this.candidates
          .filter(
            (candidate) =>
              candidate.suggestion !== undefined && candidate.finding.path.length === path.length + 1 && path.every((segment, i) => candidate.finding.path[i] === segment),
          )
          .map((candidate) => candidate.suggestion),
      );
      const really = names.filter((name) => !misspelt.has(name));
      if (really.length > 0) findings.push(requiredFinding(path, really, this.options.kind, this.data));
    }
    sortInDocumentOrder(findings, this.data);
    if (findings.length <= SCHEMA_FINDING_CAP) return findings;
    const hidden = findings.length - SCHEMA_FINDING_CAP;
    return [
      ...findings.slice(0, SCHEMA_FINDING_CAP),
      {
        path: [],
        target: 'key',
        ruleId: 'schema-too-many',
        severity: 'info',
        message: `${hidden} more schema ${hidden === 1 ? 'problem' : 'problems'} in this ${this.options.kind} not shown; fix the ones above first`,
      },
    ];
  }
}

const COMBINATORS = ['allOf', 'anyOf', 'oneOf', 'not'];

function hasCombinators(schema: JsonObject): boolean {
  return COMBINATORS.some((keyword) => schema[keyword] !== undefined);
}
