// The "probes" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { livenessFailureThresholdTight } from './liveness-failure-threshold-tight';
import { livenessInitialDelayWithStartup } from './liveness-initial-delay-with-startup';
import { livenessLongInitialDelay } from './liveness-long-initial-delay';
import { livenessSlowStartBudget } from './liveness-slow-start-budget';
import { livenessWithRestartNever } from './liveness-with-restart-never';
import { probeExecEmptyCommand } from './probe-exec-empty-command';
import { probeGrpcPort } from './probe-grpc-port';
import { probeHandlerCount } from './probe-handler-count';
import { probeHttpHeaderName } from './probe-http-header-name';
import { probeHttpScheme } from './probe-http-scheme';
import { probeLivenessMissing } from './probe-liveness-missing';
import { probeNamedPortUndeclared } from './probe-named-port-undeclared';
import { probeNegativeField } from './probe-negative-field';
import { probeNumericPortUndeclared } from './probe-numeric-port-undeclared';
import { probePortInvalid } from './probe-port-invalid';
import { probePortUdp } from './probe-port-udp';
import { probeReadinessMissing } from './probe-readiness-missing';
import { probeSuccessThreshold } from './probe-success-threshold';
import { probeTerminationGraceNonpositive } from './probe-termination-grace-nonpositive';
import { probeTerminationGraceReadiness } from './probe-termination-grace-readiness';
import { probeTimeoutExceedsPeriod } from './probe-timeout-exceeds-period';
import { probesIdentical } from './probes-identical';
import { rolloutMissingReadiness } from './rollout-missing-readiness';

export const PROBES_RULES: readonly Rule[] = [
  probeHandlerCount,
  probeSuccessThreshold,
  probeNegativeField,
  probeTerminationGraceReadiness,
  probeTerminationGraceNonpositive,
  probeExecEmptyCommand,
  probePortInvalid,
  probeHttpScheme,
  probeHttpHeaderName,
  probeGrpcPort,
  probeNamedPortUndeclared,
  probeNumericPortUndeclared,
  probePortUdp,
  probeTimeoutExceedsPeriod,
  livenessFailureThresholdTight,
  livenessLongInitialDelay,
  livenessSlowStartBudget,
  livenessInitialDelayWithStartup,
  livenessWithRestartNever,
  probesIdentical,
  rolloutMissingReadiness,
  probeReadinessMissing,
  probeLivenessMissing,
];
