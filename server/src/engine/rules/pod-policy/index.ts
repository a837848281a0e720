// The "pod-policy" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { dnsPolicyNoneRequiresConfig } from './dns-policy-none-requires-config';
import { restartPolicyInvalid } from './restart-policy-invalid';
import { tolerationInvalid } from './toleration-invalid';
import { dnsConfigInvalid } from './dns-config-invalid';
import { hostAliasesInvalid } from './host-aliases-invalid';
import { podHostnameInvalid } from './pod-hostname-invalid';
import { podReferenceNameInvalid } from './pod-reference-name-invalid';
import { affinityInvalid } from './affinity-invalid';
import { topologySpreadInvalid } from './topology-spread-invalid';
import { podGateInvalid } from './pod-gate-invalid';
import { imagePullSecretsInvalid } from './image-pull-secrets-invalid';
import { podPriorityExplicit } from './pod-priority-explicit';

export const POD_POLICY_RULES: readonly Rule[] = [
  restartPolicyInvalid,
  dnsPolicyNoneRequiresConfig,
  tolerationInvalid,
  dnsConfigInvalid,
  hostAliasesInvalid,
  podHostnameInvalid,
  podReferenceNameInvalid,
  affinityInvalid,
  topologySpreadInvalid,
  podGateInvalid,
  imagePullSecretsInvalid,
  podPriorityExplicit,
];
