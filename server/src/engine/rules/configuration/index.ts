// The "configuration" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { configInvalid } from './config-invalid';

export const CONFIGURATION_RULES: readonly Rule[] = [configInvalid];
