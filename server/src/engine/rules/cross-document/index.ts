// Rules of the "cross-document" group. Each rule is its own module; list it here.
import type { Rule } from '../../rule-types';
import { serviceSelectorNoMatch } from './service-selector-no-match';
import { serviceTargetPortUndeclared } from './service-target-port-undeclared';
import { statefulsetServiceMissing } from './statefulset-service-missing';

export const CROSS_DOCUMENT_RULES: readonly Rule[] = [serviceTargetPortUndeclared, serviceSelectorNoMatch, statefulsetServiceMissing];
