// The "kustomize" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { kustomizeDeprecatedField } from './kustomize-deprecated-field';
import { kustomizeResourceMissing } from './kustomize-resource-missing';
import { kustomizeUnknownField } from './kustomize-unknown-field';

export const KUSTOMIZE_RULES: readonly Rule[] = [kustomizeUnknownField, kustomizeResourceMissing, kustomizeDeprecatedField];
