// Rules of the "lifecycle" group. Each rule is its own module; list it here.
import type { Rule } from '../../rule-types';
import { lifecycleHandlerCount } from './lifecycle-handler-count';
import { lifecycleSleepRange } from './lifecycle-sleep-range';
import { lifecycleTcpSocket } from './lifecycle-tcp-socket';
import { rolloutMissingPrestop } from './rollout-missing-prestop';
import { shutdownPrestopConsumesGrace } from './shutdown-prestop-consumes-grace';
import { shutdownPrestopZeroGrace } from './shutdown-prestop-zero-grace';

export { shutdownTimeline, type ShutdownTimeline } from './shutdown-timeline';
export { hookDuration, type HookDuration } from './prestop-duration';

export const LIFECYCLE_RULES: readonly Rule[] = [
  // A.2: what the API server rejects, or accepts but can never run.
  lifecycleHandlerCount,
  lifecycleTcpSocket,
  lifecycleSleepRange,
  // B.1: graceful shutdown and zero-downtime rollouts.
  shutdownPrestopConsumesGrace,
  shutdownPrestopZeroGrace,
  rolloutMissingPrestop,
];
