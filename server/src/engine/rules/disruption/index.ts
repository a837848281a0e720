// The "disruption" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { pdbSpecInvalid } from './pdb-spec-invalid';

export const DISRUPTION_RULES: readonly Rule[] = [pdbSpecInvalid];
