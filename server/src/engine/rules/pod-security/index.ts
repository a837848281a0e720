// The "pod-security" rules: one module per control of the Pod Security Standards (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { pssApparmor } from './pss-apparmor';
import { pssCapabilities } from './pss-capabilities';
import { pssHostPathVolumes } from './pss-host-path-volumes';
import { pssHostPorts } from './pss-host-ports';
import { pssHostProcess } from './pss-host-process';
import { pssPrivilegeEscalation } from './pss-privilege-escalation';
import { pssPrivileged } from './pss-privileged';
import { pssProcMount } from './pss-proc-mount';
import { pssRunAsNonRoot } from './pss-run-as-non-root';
import { pssRunAsUser } from './pss-run-as-user';
import { pssSeccomp } from './pss-seccomp';
import { pssSelinux } from './pss-selinux';
import { pssSysctls } from './pss-sysctls';
import { pssVolumeTypes } from './pss-volume-types';

export const POD_SECURITY_RULES: readonly Rule[] = [
  pssPrivileged,
  pssCapabilities,
  pssHostProcess,
  pssHostPathVolumes,
  pssHostPorts,
  pssApparmor,
  pssSelinux,
  pssProcMount,
  pssSeccomp,
  pssSysctls,
  pssVolumeTypes,
  pssPrivilegeEscalation,
  pssRunAsNonRoot,
  pssRunAsUser,
];
