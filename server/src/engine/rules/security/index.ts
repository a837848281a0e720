// The "security" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { envLiteralSecret } from './env-literal-secret';
import { hostNamespaceSharing } from './host-namespace-sharing';
import { securityContextBaseline } from './security-context-baseline';
import { securityContextContradiction } from './security-context-contradiction';
import { securityContextInvalid } from './security-context-invalid';
import { securityContextOsMismatch } from './security-context-os-mismatch';
import { podSysctlInvalid } from './pod-sysctl-invalid';
import { windowsOptionsInvalid } from './windows-options-invalid';
import { sensitiveHostMount } from './sensitive-host-mount';

export const SECURITY_RULES: readonly Rule[] = [
  securityContextContradiction,
  hostNamespaceSharing,
  sensitiveHostMount,
  envLiteralSecret,
  securityContextBaseline,
  securityContextInvalid,
  securityContextOsMismatch,
  podSysctlInvalid,
  windowsOptionsInvalid,
];
