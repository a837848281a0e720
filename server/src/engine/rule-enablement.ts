// Which rules run in an analysis. A rule whose findings would all be dropped by applySeverities
// (severity.ts) is not run at all: one the settings turn `off`, or one that is off by default
// (`enabledByDefault: false`, policy advice) and that the settings do not turn on. Their checks,
// the ranges of their findings and the YAML their fixes serialise used to be paid for on every
// object and file, then thrown away: 11 opt-in rules, 100 fixes on the bench's 100-document file.
//
// The contract this relies on (RuleEnablement in rule-types.ts): a rule reports under its own id.
// Findings under other ids (schema, YAML, internal errors) come from the engine, never from a rule.
import type { RuleSetting } from '../shared/settings';
import type { Rule, RuleEnablement } from './rule-types';
import { ALL_RULES } from './rules';

const OFF_BY_DEFAULT: readonly string[] = ALL_RULES.filter((rule) => rule.meta.enabledByDefault === false).map((rule) => rule.meta.id);
const NO_OVERRIDES: Record<string, RuleSetting> = {};

/** Interned keys: one short token per distinct set (settings make few). */
const tokens = new Map<string, string>();
const TOKEN_LIMIT = 256;
let tokenCounter = 0;

/**
 * The rules `overrides` (settings `rules`) leave off, built-in and extra ones alike, with the same
 * logic as applySeverities: `off` drops a rule; any severity turns one on; without an override a
 * rule runs unless it is off by default. Worked out per analysis (a few microseconds), so a
 * settings object changed in place is never read stale.
 */
export function ruleEnablement(overrides: Record<string, RuleSetting> | undefined, extraRules?: readonly Rule[]): RuleEnablement {
  const settings = overrides ?? NO_OVERRIDES;
  const disabled = new Set<string>();
  const consider = (id: string, offByDefault: boolean): void => {
    const override = settings[id];
    if (override === 'off' || (override === undefined && offByDefault)) disabled.add(id);
  };
  for (const id of OFF_BY_DEFAULT) consider(id, true);
  for (const [id, override] of Object.entries(settings)) if (override === 'off') disabled.add(id);
  for (const rule of extraRules ?? []) consider(rule.meta.id, rule.meta.enabledByDefault === false);
  return { disabled, key: tokenFor([...disabled].sort().join(',')) };
}

function tokenFor(ids: string): string {
  let token = tokens.get(ids);
  if (token === undefined) {
    if (tokens.size >= TOKEN_LIMIT) tokens.clear();
    // Distinct sets never share a token: the counter only grows.
    token = `r${(tokenCounter += 1)}`;
    tokens.set(ids, token);
  }
  return token;
}
