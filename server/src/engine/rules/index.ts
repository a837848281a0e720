// The rule registry: every rule module, by id.
import type { Rule, RuleMeta } from '../rule-types';
import { API_VERSIONS_RULES } from './api-versions';
import { BEST_PRACTICE_RULES } from './best-practice';
import { CONTAINERS_RULES } from './containers';
import { CONFIG_RULES } from './core/config-rules';
import { CORE_RULES } from './core/meta-rules';
import { CROSS_DOCUMENT_RULES } from './cross-document';
import { LIFECYCLE_RULES } from './lifecycle';
import { PROBES_RULES } from './probes';
import { STATIC_PODS_RULES } from './static-pods';
import { WORKLOADS_RULES } from './workloads';

export const ALL_RULES: readonly Rule[] = [
  ...CORE_RULES,
  ...CONFIG_RULES,
  ...API_VERSIONS_RULES,
  ...PROBES_RULES,
  ...LIFECYCLE_RULES,
  ...CONTAINERS_RULES,
  ...WORKLOADS_RULES,
  ...STATIC_PODS_RULES,
  ...CROSS_DOCUMENT_RULES,
  ...BEST_PRACTICE_RULES,
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
