// The "services" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { serviceSelectorNoMatch } from './service-selector-no-match';
import { serviceTargetPortInvalid } from './service-target-port-invalid';
import { serviceTargetPortUndeclared } from './service-target-port-undeclared';
import { statefulsetServiceMissing } from './statefulset-service-missing';

export const SERVICES_RULES: readonly Rule[] = [serviceTargetPortInvalid, serviceTargetPortUndeclared, serviceSelectorNoMatch, statefulsetServiceMissing];
