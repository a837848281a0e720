// Rules of the "probes" group. Each rule is its own module; list it here.
import type { Rule } from '../../rule-types';

export const PROBES_RULES: readonly Rule[] = [];
