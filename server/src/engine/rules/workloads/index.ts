// Rules of the "workloads" group. Each rule is its own module; list it here.
import type { Rule } from '../../rule-types';

export const WORKLOADS_RULES: readonly Rule[] = [];
