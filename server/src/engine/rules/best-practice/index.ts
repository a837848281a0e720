// Rules of the "best-practice" group. Each rule is its own module; list it here.
import type { Rule } from '../../rule-types';

export const BEST_PRACTICE_RULES: readonly Rule[] = [];
