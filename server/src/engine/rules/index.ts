// The rule registry: every rule, by id. Each rule is the module rules/<category>/<id>.ts, listed
// in its category's index.ts; categories come in the order of RuleCategory (rule-types.ts).
// Findings are sorted by position and rule id after the checks, so this order shows only where
// a list of rules is printed as is.
import type { Rule, RuleMeta } from '../rule-types';
import { API_VERSIONS_RULES } from './api-versions';
import { AUTOSCALING_RULES } from './autoscaling';
import { BATCH_RULES } from './batch';
import { CONFIGURATION_RULES } from './configuration';
import { CONTAINERS_RULES } from './containers';
import { DISRUPTION_RULES } from './disruption';
import { ENVIRONMENT_RULES } from './environment';
import { IMAGES_RULES } from './images';
import { INTERNAL_RULES } from './internal';
import { KUSTOMIZE_RULES } from './kustomize';
import { LIFECYCLE_RULES } from './lifecycle';
import { METADATA_RULES } from './metadata';
import { NETWORKING_RULES } from './networking';
import { POD_POLICY_RULES } from './pod-policy';
import { POD_SECURITY_RULES } from './pod-security';
import { PORTS_RULES } from './ports';
import { PROBES_RULES } from './probes';
import { REFERENCES_RULES } from './references';
import { RESOURCES_RULES } from './resources';
import { SCHEMA_RULES } from './schema';
import { SECURITY_RULES } from './security';
import { SERVICES_RULES } from './services';
import { SHUTDOWN_RULES } from './shutdown';
import { STATIC_PODS_RULES } from './static-pods';
import { STORAGE_RULES } from './storage';
import { SUPPRESSION_RULES } from './suppression';
import { VOLUMES_RULES } from './volumes';
import { WORKLOADS_RULES } from './workloads';
import { YAML_RULES } from './yaml';

export const ALL_RULES: readonly Rule[] = [
  ...SCHEMA_RULES,
  ...YAML_RULES,
  ...API_VERSIONS_RULES,
  ...PROBES_RULES,
  ...LIFECYCLE_RULES,
  ...SHUTDOWN_RULES,
  ...CONTAINERS_RULES,
  ...PORTS_RULES,
  ...VOLUMES_RULES,
  ...ENVIRONMENT_RULES,
  ...RESOURCES_RULES,
  ...POD_POLICY_RULES,
  ...METADATA_RULES,
  ...WORKLOADS_RULES,
  ...BATCH_RULES,
  ...SERVICES_RULES,
  ...NETWORKING_RULES,
  ...STORAGE_RULES,
  ...AUTOSCALING_RULES,
  ...DISRUPTION_RULES,
  ...REFERENCES_RULES,
  ...KUSTOMIZE_RULES,
  ...STATIC_PODS_RULES,
  ...IMAGES_RULES,
  ...SECURITY_RULES,
  ...POD_SECURITY_RULES,
  ...SUPPRESSION_RULES,
  ...CONFIGURATION_RULES,
  ...INTERNAL_RULES,
];

const byId = new Map<string, Rule>();
for (const rule of ALL_RULES) {
  if (byId.has(rule.meta.id)) throw new Error(`Duplicate rule id ${rule.meta.id}`);
  byId.set(rule.meta.id, rule);
}

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

export function ruleMeta(id: string): RuleMeta | undefined {
  return byId.get(id)?.meta;
}

export function isKnownRuleId(id: string): boolean {
  return byId.has(id);
}
