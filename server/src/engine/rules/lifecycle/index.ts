// The "lifecycle" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { lifecycleHandlerCount } from './lifecycle-handler-count';
import { lifecycleSleepRange } from './lifecycle-sleep-range';
import { lifecycleTcpSocket } from './lifecycle-tcp-socket';

export const LIFECYCLE_RULES: readonly Rule[] = [lifecycleHandlerCount, lifecycleTcpSocket, lifecycleSleepRange];
