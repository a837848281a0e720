// allOf / anyOf / oneOf / not in a structural schema: value validations only (the structure comes
// from `properties`, `items` and `type` outside them). CRDs mostly use them to say which fields
// go together: "exactly one of exact, prefix or regex" (Istio), "one of configMap or secret"
// (cert-manager). https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#specifying-a-structural-schema
import { asArray, isObject, type JsonObject } from '../json';
import { combinationFinding, type ErrorSite } from '../schema/error-messages';
import type { RuleFinding } from '../types';
import { goRegExp } from './go-regexp';
import { fitsFormat } from './string-formats';
import { deepEqual, hasSchemaType, runeLength } from './value-checks';

/** Strings longer than this are not matched against a pattern (a backtracking guard). */
export const PATTERN_INPUT_LIMIT = 16_384;

/** Whether `value` passes the value validations of `schema` (no unknown-field checks). */
export function satisfies(schema: JsonObject, value: unknown, depth = 0): boolean {
  if (value === undefined || depth > 32) return true;
  if (value === null) return schema.nullable === true || (schema.type === undefined && schema['x-kubernetes-int-or-string'] !== true);
  if (schema['x-kubernetes-int-or-string'] === true && !(typeof value === 'string' || Number.isInteger(value))) return false;
  if (typeof schema.type === 'string' && !hasSchemaType(value, schema.type)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => deepEqual(allowed, value))) return false;
  if (typeof value === 'string' && !stringPasses(schema, value)) return false;
  if (typeof value === 'number' && !numberPasses(schema, value)) return false;
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) return false;
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) return false;
    const items = isObject(schema.items) ? schema.items : undefined;
    if (items && !value.every((item) => satisfies(items, item, depth + 1))) return false;
  }
  if (isObject(value) && !objectPasses(schema, value, depth)) return false;
  const allOf = asArray(schema.allOf).filter(isObject);
  if (!allOf.every((branch) => satisfies(branch, value, depth + 1))) return false;
  const anyOf = asArray(schema.anyOf).filter(isObject);
  if (anyOf.length > 0 && !anyOf.some((branch) => satisfies(branch, value, depth + 1))) return false;
  const oneOf = asArray(schema.oneOf).filter(isObject);
  if (oneOf.length > 0 && oneOf.filter((branch) => satisfies(branch, value, depth + 1)).length !== 1) return false;
  if (isObject(schema.not) && satisfies(schema.not, value, depth + 1)) return false;
  return true;
}

function stringPasses(schema: JsonObject, value: string): boolean {
  const length = typeof schema.maxLength === 'number' || typeof schema.minLength === 'number' ? runeLength(value) : 0;
  if (typeof schema.maxLength === 'number' && length > schema.maxLength) return false;
  if (typeof schema.minLength === 'number' && length < schema.minLength) return false;
  if (typeof schema.pattern === 'string' && value.length <= PATTERN_INPUT_LIMIT) {
    const regexp = goRegExp(schema.pattern);
    if (regexp && !regexp.test(value)) return false;
  }
  return typeof schema.format !== 'string' || fitsFormat(schema.format, value);
}

function numberPasses(schema: JsonObject, value: number): boolean {
  if (typeof schema.minimum === 'number' && (schema.exclusiveMinimum === true ? value <= schema.minimum : value < schema.minimum)) return false;
  if (typeof schema.maximum === 'number' && (schema.exclusiveMaximum === true ? value >= schema.maximum : value > schema.maximum)) return false;
  if (typeof schema.multipleOf === 'number' && schema.multipleOf > 0 && !Number.isInteger(value / schema.multipleOf)) return false;
  return true;
}

function objectPasses(schema: JsonObject, value: JsonObject, depth: number): boolean {
  const keys = Object.keys(value).filter((key) => value[key] !== undefined);
  if (!asArray(schema.required).every((name) => typeof name !== 'string' || value[name] !== undefined)) return false;
  if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) return false;
  if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties) return false;
  const properties = isObject(schema.properties) ? schema.properties : {};
  for (const [key, child] of Object.entries(properties)) {
    if (isObject(child) && !satisfies(child, value[key], depth + 1)) return false;
  }
  const additional = isObject(schema.additionalProperties) ? schema.additionalProperties : undefined;
  if (additional) {
    for (const key of keys) {
      if (!Object.prototype.hasOwnProperty.call(properties, key) && !satisfies(additional, value[key], depth + 1)) return false;
    }
  }
  return true;
}

/**
 * The field names a branch is about when it only says which fields are set: `required`, and
 * anyOf/oneOf/not/allOf of such branches. Undefined when the branch checks anything else.
 */
function requiredNames(schema: JsonObject, depth = 0): string[] | undefined {
  if (depth > 8) return undefined;
  const names: string[] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'required') names.push(...asArray(value).filter((name): name is string => typeof name === 'string'));
    else if (key === 'not' && isObject(value)) {
      const inner = requiredNames(value, depth + 1);
      if (!inner) return undefined;
      names.push(...inner);
    } else if (key === 'anyOf' || key === 'oneOf' || key === 'allOf') {
      for (const branch of asArray(value)) {
        const inner = isObject(branch) ? requiredNames(branch, depth + 1) : undefined;
        if (!inner) return undefined;
        names.push(...inner);
      }
    } else return undefined;
  }
  return [...new Set(names)];
}

function quotedList(names: readonly string[], joiner: 'or' | 'and'): string {
  const quoted = names.map((name) => `"${name}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${joiner} ${quoted[quoted.length - 1]}`;
}

/** Findings for the combinators of `schema` at `site` (after the value passed its type check). */
export function combinatorFindings(schema: JsonObject, site: ErrorSite): RuleFinding[] {
  const { value } = site;
  const findings: RuleFinding[] = [];
  for (const branch of asArray(schema.allOf).filter(isObject)) {
    const inner = combinatorFindings(branch, site);
    findings.push(...inner);
    if (inner.length === 0 && !satisfies(branch, value)) findings.push(generic(site, 'allOf'));
  }
  const anyOf = asArray(schema.anyOf).filter(isObject);
  if (anyOf.length > 0 && !anyOf.some((branch) => satisfies(branch, value))) {
    const names = requiredNames({ anyOf });
    findings.push(
      names && names.length > 0 && isObject(value)
        ? combinationFinding(site, `must set at least one of ${quotedList(names, 'or')}`, 'schema-required', 'The schema requires one of these fields (anyOf).')
        : generic(site, 'anyOf'),
    );
  }
  const oneOf = asArray(schema.oneOf).filter(isObject);
  if (oneOf.length > 0) {
    const matching = oneOf.filter((branch) => satisfies(branch, value)).length;
    if (matching !== 1) findings.push(oneOfFinding(oneOf, matching, site));
  }
  if (isObject(schema.not) && satisfies(schema.not, value)) {
    const names = requiredNames(schema.not);
    const present = names && isObject(value) ? names.filter((name) => value[name] !== undefined) : [];
    findings.push(
      present.length > 0
        ? combinationFinding(
            site,
            `must not set ${present.length === 1 ? quotedList(present, 'and') : `both ${quotedList(present, 'and')}`}`,
            'schema-format',
            'The schema forbids this combination of fields (not).',
          )
        : generic(site, 'not'),
    );
  }
  return findings;
}

function oneOfFinding(oneOf: JsonObject[], matching: number, site: ErrorSite): RuleFinding {
  const { value } = site;
  const names = requiredNames({ oneOf });
  if (!names || names.length === 0 || !isObject(value)) return generic(site, 'oneOf');
  const present = names.filter((name) => value[name] !== undefined);
  if (matching > 1 || present.length > 1) {
    return combinationFinding(site, `sets ${quotedList(present, 'and')}; only one of them is allowed`, 'schema-format', `Set exactly one of ${quotedList(names, 'or')} (oneOf).`);
  }
  return combinationFinding(site, `must set one of ${quotedList(names, 'or')}`, 'schema-required', 'The schema requires exactly one of these fields (oneOf).');
}

function generic(site: ErrorSite, keyword: string): RuleFinding {
  return combinationFinding(site, `does not match the schema (${keyword})`, 'schema-format', `The value breaks the ${keyword} constraint of the custom resource's schema.`);
}
