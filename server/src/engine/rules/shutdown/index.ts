// The "shutdown" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { rolloutMissingPrestop } from './rollout-missing-prestop';
import { shutdownPrestopConsumesGrace } from './shutdown-prestop-consumes-grace';
import { shutdownPrestopZeroGrace } from './shutdown-prestop-zero-grace';
import { statefulsetZeroGrace } from './statefulset-zero-grace';
import { terminationGraceNegative } from './termination-grace-negative';

export const SHUTDOWN_RULES: readonly Rule[] = [shutdownPrestopConsumesGrace, shutdownPrestopZeroGrace, rolloutMissingPrestop, terminationGraceNegative, statefulsetZeroGrace];
