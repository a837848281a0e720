// The "services" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { serviceIpInvalid } from './service-ip-invalid';
import { servicePortInvalid } from './service-port-invalid';
import { serviceSelectorNoMatch } from './service-selector-no-match';
import { serviceSpecInvalid } from './service-spec-invalid';
import { serviceTargetPortInvalid } from './service-target-port-invalid';
import { serviceTargetPortUndeclared } from './service-target-port-undeclared';
import { statefulsetServiceMissing } from './statefulset-service-missing';

export const SERVICES_RULES: readonly Rule[] = [
  serviceTargetPortInvalid,
  serviceTargetPortUndeclared,
  serviceSelectorNoMatch,
  statefulsetServiceMissing,
  servicePortInvalid,
  serviceSpecInvalid,
  serviceIpInvalid,
];
