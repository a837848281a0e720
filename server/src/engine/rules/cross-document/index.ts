// Rules of the "cross-document" group: Services and the workloads they point at. Each rule is its
// own module; list it here.
import type { Rule } from '../../rule-types';
import { serviceSelectorNoMatch } from './service-selector-no-match';
import { serviceTargetPortInvalid } from './service-target-port-invalid';
import { serviceTargetPortUndeclared } from './service-target-port-undeclared';
import { statefulsetServiceMissing } from './statefulset-service-missing';

export const CROSS_DOCUMENT_RULES: readonly Rule[] = [serviceTargetPortInvalid, serviceTargetPortUndeclared, serviceSelectorNoMatch, statefulsetServiceMissing];
