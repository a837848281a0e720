// The "pod-policy" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { dnsPolicyNoneRequiresConfig } from './dns-policy-none-requires-config';
import { restartPolicyInvalid } from './restart-policy-invalid';
import { tolerationInvalid } from './toleration-invalid';

export const POD_POLICY_RULES: readonly Rule[] = [restartPolicyInvalid, dnsPolicyNoneRequiresConfig, tolerationInvalid];
