// The "images" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { imageLatestTag } from './image-latest-tag';
import { imagePullPolicyImplicit } from './image-pull-policy-implicit';

export const IMAGES_RULES: readonly Rule[] = [imageLatestTag, imagePullPolicyImplicit];
