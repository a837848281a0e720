// The "metadata" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { annotationValueInvalid } from './annotation-value-invalid';
import { deprecatedPodAnnotation } from './deprecated-pod-annotation';
import { metaAnnotationInvalid } from './meta-annotation-invalid';
import { metaLabelInvalid } from './meta-label-invalid';
import { metaNameInvalid } from './meta-name-invalid';

export const METADATA_RULES: readonly Rule[] = [metaNameInvalid, metaLabelInvalid, metaAnnotationInvalid, deprecatedPodAnnotation, annotationValueInvalid];
