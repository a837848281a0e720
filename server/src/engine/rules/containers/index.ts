// Rules of the "containers" group. Each rule is its own module; list it here.
import type { Rule } from '../../rule-types';

export const CONTAINERS_RULES: readonly Rule[] = [];
