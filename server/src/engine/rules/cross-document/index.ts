// Rules of the "cross-document" group. Each rule is its own module; list it here.
import type { Rule } from '../../rule-types';

export const CROSS_DOCUMENT_RULES: readonly Rule[] = [];
