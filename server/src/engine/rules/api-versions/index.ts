// Rules of the "api-versions" group. Each rule is its own module; list it here.
import type { Rule } from '../../rule-types';

export const API_VERSIONS_RULES: readonly Rule[] = [];
