// The "volumes" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { emptydirReadOnly } from './emptydir-read-only';
import { pvReclaimRecycle } from './pv-reclaim-recycle';
import { volumeMountPath } from './volume-mount-path';
import { volumeMountUnknownVolume } from './volume-mount-unknown-volume';
import { volumeNameInvalid } from './volume-name-invalid';
import { volumeSourceCount } from './volume-source-count';

export const VOLUMES_RULES: readonly Rule[] = [volumeNameInvalid, volumeSourceCount, volumeMountUnknownVolume, volumeMountPath, emptydirReadOnly, pvReclaimRecycle];
