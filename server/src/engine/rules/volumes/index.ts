// The "volumes" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { emptydirReadOnly } from './emptydir-read-only';
import { mountHidesCommand } from './mount-hides-command';
import { mountPathDockerSuffix } from './mount-path-docker-suffix';
import { pvReclaimRecycle } from './pv-reclaim-recycle';
import { volumeMountInvalid } from './volume-mount-invalid';
import { volumeMountPath } from './volume-mount-path';
import { volumeMountUnknownVolume } from './volume-mount-unknown-volume';
import { volumeNameInvalid } from './volume-name-invalid';
import { volumePathInvalid } from './volume-path-invalid';
import { volumeSourceCount } from './volume-source-count';
import { volumeSourceInvalid } from './volume-source-invalid';

export const VOLUMES_RULES: readonly Rule[] = [
  volumeNameInvalid,
  volumeSourceCount,
  volumeSourceInvalid,
  volumePathInvalid,
  volumeMountUnknownVolume,
  volumeMountPath,
  volumeMountInvalid,
  emptydirReadOnly,
  mountPathDockerSuffix,
  mountHidesCommand,
  pvReclaimRecycle,
];
