// The "autoscaling" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { hpaBehaviorInvalid } from './hpa-behavior-invalid';
import { hpaMetricInvalid } from './hpa-metric-invalid';
import { hpaSpecInvalid } from './hpa-spec-invalid';

export const AUTOSCALING_RULES: readonly Rule[] = [hpaSpecInvalid, hpaMetricInvalid, hpaBehaviorInvalid];
