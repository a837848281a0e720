// The "environment" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { envDuplicate } from './env-duplicate';
import { envNameInvalid } from './env-name-invalid';
import { envValueSourceConflict } from './env-value-source-conflict';
import { envReferenceInvalid } from './env-reference-invalid';

export const ENVIRONMENT_RULES: readonly Rule[] = [envNameInvalid, envValueSourceConflict, envDuplicate, envReferenceInvalid];
