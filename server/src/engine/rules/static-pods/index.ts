// Rules of the "static-pods" group. Each rule is its own module; list it here.
import type { Rule } from '../../rule-types';

export const STATIC_PODS_RULES: readonly Rule[] = [];
