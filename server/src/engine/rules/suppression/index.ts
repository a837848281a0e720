// The "suppression" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { suppressionUnknownRule } from './suppression-unknown-rule';

export const SUPPRESSION_RULES: readonly Rule[] = [suppressionUnknownRule];
