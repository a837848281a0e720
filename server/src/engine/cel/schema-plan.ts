// What the walk needs from one schema node, prepared once per node object (WeakMap: a schema
// that is dropped frees its plan): property lookups by name with their escaped CEL names, the
// properties that have defaults, and the node's validation rules.
import { asArray, isObject, type JsonObject, type JsonValue } from '../json';
import { escapePropertyName } from './escape';

export interface PropertyPlan {
  name: string;
  /** The name rules use (`__dash__` …), undefined when CEL cannot reach the property. */
  escaped: string | undefined;
  schema: JsonObject;
}

export interface SchemaPlan {
  properties: Map<string, PropertyPlan> | undefined;
  /** Properties with a `default`, filled in when absent. */
  defaulted: PropertyPlan[];
  additional: JsonObject | undefined;
  items: JsonObject | undefined;
  preserveUnknown: boolean;
  embedded: boolean;
  validations: readonly JsonValue[];
}

const plans = new WeakMap<JsonObject, SchemaPlan>();

export function planOf(schema: JsonObject): SchemaPlan {
  let plan = plans.get(schema);
  if (!plan) {
    plan = makePlan(schema);
    plans.set(schema, plan);
  }
  return plan;
}

function makePlan(schema: JsonObject): SchemaPlan {
  let properties: Map<string, PropertyPlan> | undefined;
  const defaulted: PropertyPlan[] = [];
  if (isObject(schema.properties)) {
    properties = new Map();
    for (const [name, propertySchema] of Object.entries(schema.properties)) {
      if (!isObject(propertySchema)) continue;
      const property = { name, escaped: escapePropertyName(name), schema: propertySchema };
      properties.set(name, property);
      if (propertySchema.default !== undefined) defaulted.push(property);
    }
  }
  return {
    properties,
    defaulted,
    additional: isObject(schema.additionalProperties) ? schema.additionalProperties : undefined,
    items: isObject(schema.items) ? schema.items : undefined,
    preserveUnknown: schema['x-kubernetes-preserve-unknown-fields'] === true,
    embedded: schema['x-kubernetes-embedded-resource'] === true,
    validations: asArray(schema['x-kubernetes-validations']),
  };
}
