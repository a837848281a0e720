// The "references" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { configmapRefMissing } from './configmap-ref-missing';
import { ingressBackendMissing } from './ingress-backend-missing';
import { priorityClassMissing } from './priority-class-missing';
import { pvcRefMissing } from './pvc-ref-missing';
import { rolebindingRefMissing } from './rolebinding-ref-missing';
import { scaleTargetMissing } from './scale-target-missing';
import { secretRefMissing } from './secret-ref-missing';
import { selectorSelectsNothing } from './selector-selects-nothing';
import { serviceAccountMissing } from './service-account-missing';

export const REFERENCES_RULES: readonly Rule[] = [
  configmapRefMissing,
  secretRefMissing,
  pvcRefMissing,
  serviceAccountMissing,
  priorityClassMissing,
  ingressBackendMissing,
  scaleTargetMissing,
  selectorSelectsNothing,
  rolebindingRefMissing,
];
