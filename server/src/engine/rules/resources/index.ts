// The "resources" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { resourcesExtendedNotOvercommittable } from './resources-extended-not-overcommittable';
import { resourcesFractionalBytes } from './resources-fractional-bytes';
import { resourcesNameInvalid } from './resources-name-invalid';
import { resourceClaimsInvalid } from './resource-claims-invalid';
import { resourcesPodLevelExceeded } from './resources-pod-level-exceeded';
import { resourcesRequestExceedsLimit } from './resources-request-exceeds-limit';
import { resourcesUnset } from './resources-unset';

export const RESOURCES_RULES: readonly Rule[] = [
  resourcesRequestExceedsLimit,
  resourcesExtendedNotOvercommittable,
  resourcesFractionalBytes,
  resourcesUnset,
  resourcesNameInvalid,
  resourceClaimsInvalid,
  resourcesPodLevelExceeded,
];
