// The "internal" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { internalError } from './internal-error';

export const INTERNAL_RULES: readonly Rule[] = [internalError];
