// The "api-versions" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { apiVersionDeprecated } from './api-version-deprecated';
import { apiVersionNewerAvailable } from './api-version-newer-available';
import { apiVersionRemoved } from './api-version-removed';
import { apiVersionUnknown } from './api-version-unknown';

export const API_VERSIONS_RULES: readonly Rule[] = [apiVersionRemoved, apiVersionDeprecated, apiVersionNewerAvailable, apiVersionUnknown];
