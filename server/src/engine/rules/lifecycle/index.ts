// Rules of the "lifecycle" group. Each rule is its own module; list it here.
import type { Rule } from '../../rule-types';

export const LIFECYCLE_RULES: readonly Rule[] = [];
