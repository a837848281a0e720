// CEL `x-kubernetes-validations` of a CRD's structural schema, evaluated offline. The schema is
// walked alongside the object; at each node that has a value, every rule runs with `self` bound
// to it. Transition rules (`oldSelf`) do not apply on create and are skipped.
// https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation-rules
import { isCelList, isCelMap } from '@bufbuild/cel';
import { isObject, type JsonObject, type JsonValue } from '../json';
import type { FieldPath, RuleFinding } from '../types';
import { addMeasure, dataList, dataMap, defaulted, emptyMeasure, rawData, scalarData, type CelData, type Measure } from './convert';
import { evaluateValidation, newCounters, prepareValidation, type CelCounters } from './evaluate';
import { planOf, type PropertyPlan } from './schema-plan';

export { celCompileFailures, compileRule } from './environment';
export { OBJECT_STEP_BUDGET, STEP_BUDGET, type CelCounters } from './evaluate';

export interface CelOptions {
  /**
   * The target release. Every library is offered whatever the version: an API server older than a
   * library would have refused the CRD whose rules use it, so such rules never meet older objects.
   */
  kubernetesVersion: string;
  /**
   * Wall-clock safety net for evaluating one object's rules, in milliseconds (default 250): later
   * rules are skipped. The deterministic limits (STEP_BUDGET per rule, OBJECT_STEP_BUDGET per
   * object) act long before it on any machine that is not starved.
   */
  budgetMs?: number;
}

const DEFAULT_BUDGET_MS = 250;
/** Nesting deeper than this is not walked (the API server limits schema depth as well). */
const MAX_DEPTH = 64;

interface Walk {
  findings: RuleFinding[];
  counters: CelCounters;
  /** Milliseconds left for evaluating rules (compiling a rule the first time is not counted). */
  budgetLeft: number;
}

let lastCounters: CelCounters = newCounters();

/** Counters of the last celFindings call (tests: compile failures, cost skips, evaluations). */
export function lastCelCounters(): CelCounters {
  return { ...lastCounters };
}

export function celFindings(schema: JsonObject, object: JsonObject, options: CelOptions): RuleFinding[] {
  const walk: Walk = { findings: [], counters: newCounters(), budgetLeft: options.budgetMs ?? DEFAULT_BUDGET_MS };
  visit(schema, object, [], emptyMeasure(), walk, true);
  lastCounters = walk.counters;
  return walk.findings;
}

/** Properties of the object metadata every rule on a resource root may read. */
const ROOT_METADATA = ['name', 'generateName'];

function visitProperty(property: PropertyPlan, raw: JsonValue | undefined, map: Map<string, CelData>, path: FieldPath, measure: Measure, walk: Walk): void {
  const child = defaulted(property.schema, raw);
  if (child === undefined) return;
  const data = visit(property.schema, child, [...path, property.name], measure, walk, planOf(property.schema).embedded);
  if (property.escaped !== undefined && data !== undefined) map.set(property.escaped, data);
}

function visitObject(schema: JsonObject, value: JsonObject, path: FieldPath, measure: Measure, walk: Walk, resourceRoot: boolean): CelData {
  const plan = planOf(schema);
  const map = new Map<string, CelData>();
  if (plan.properties) {
    for (const key of Object.keys(value)) {
      const property = plan.properties.get(key);
      // A manifest's status is dropped on create (the status subresource owns it): its rules do not run.
      if (!property || (path.length === 0 && key === 'status')) continue;
      visitProperty(property, value[key], map, path, measure, walk);
    }
    // Absent properties with a default: the API server defaults before it validates.
    for (const property of plan.defaulted) if (value[property.name] === undefined) visitProperty(property, undefined, map, path, measure, walk);
  } else if (plan.additional) {
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const data = visit(plan.additional, item, [...path, key], measure, walk, false);
      if (data !== undefined) map.set(key, data);
    }
  } else if (plan.preserveUnknown) {
    for (const [key, item] of Object.entries(value)) if (item !== undefined) map.set(key, rawData(item, measure));
  }
  if (resourceRoot) {
    for (const key of ['apiVersion', 'kind']) if (typeof value[key] === 'string' && !map.has(key)) map.set(key, value[key] as string);
    // Only the name and generateName of a resource's metadata are visible to rules.
    const metadata = value.metadata;
    if (isObject(metadata)) {
      const visible = new Map<string, CelData>();
      for (const key of ROOT_METADATA) if (typeof metadata[key] === 'string') visible.set(key, metadata[key] as string);
      map.set('metadata', dataMap(visible));
    }
  }
  measure.widest = Math.max(measure.widest, map.size);
  return dataMap(map);
}

/** Converts the node (and its subtree) to CEL data, evaluating the rules found on the way. */
function visit(schema: JsonObject, value: JsonValue, path: FieldPath, parentMeasure: Measure, walk: Walk, resourceRoot = false): CelData | undefined {
  const measure = emptyMeasure();
  let data: CelData | undefined;
  if (path.length > MAX_DEPTH) data = undefined;
  else if (value === null) data = null;
  else if (Array.isArray(value)) {
    const items = planOf(schema).items;
    data = dataList(value.map((item, index) => (items ? visit(items, item, [...path, index], measure, walk) : undefined) ?? rawData(item, measure)));
    measure.widest = Math.max(measure.widest, value.length);
  } else if (isObject(value)) {
    data = visitObject(schema, value, path, measure, walk, resourceRoot);
  } else {
    const typed = scalarData(schema, value);
    if (typed === undefined) data = rawData(value, measure);
    else {
      data = typed;
      if (typeof typed === 'string') measure.longest = Math.max(measure.longest, typed.length);
    }
  }
  addMeasure(parentMeasure, measure);
  const validations = planOf(schema).validations;
  if (data === undefined || data === null || validations.length === 0) return data;
  if (walk.budgetLeft <= 0) {
    walk.counters.deadlineStops += validations.length;
    return data;
  }
  // Compile first (once per rule text): only evaluation counts against the time budget.
  for (const validation of validations) prepareValidation(validation);
  const started = performance.now();
  const scalar = !isCelMap(data) && !isCelList(data);
  for (const validation of validations) {
    const finding = evaluateValidation(validation, data, measure, path, scalar, walk.counters);
    if (finding) walk.findings.push(finding);
  }
  walk.budgetLeft -= performance.now() - started;
  return data;
}
