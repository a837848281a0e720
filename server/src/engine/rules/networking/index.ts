// The "networking" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { ingressPathInvalid } from './ingress-path-invalid';
import { ingressSpecInvalid } from './ingress-spec-invalid';
import { networkPolicyInvalid } from './network-policy-invalid';

export const NETWORKING_RULES: readonly Rule[] = [ingressSpecInvalid, ingressPathInvalid, networkPolicyInvalid];
