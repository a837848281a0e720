// The "ports" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { hostNetworkHostPortMismatch } from './host-network-host-port-mismatch';
import { hostPortConflict } from './host-port-conflict';
import { portDuplicateDefinition } from './port-duplicate-definition';
import { portNameDuplicate } from './port-name-duplicate';
import { portNameInvalid } from './port-name-invalid';
import { portNumberInvalid } from './port-number-invalid';

export const PORTS_RULES: readonly Rule[] = [portNameInvalid, portNameDuplicate, portNumberInvalid, hostPortConflict, hostNetworkHostPortMismatch, portDuplicateDefinition];
