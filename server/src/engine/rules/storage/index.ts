// The "storage" rules: one module per rule, named after its id (rules/<category>/<id>.ts).
import type { Rule } from '../../rule-types';
import { claimMultiAttach } from './claim-multi-attach';
import { configDataKeyInvalid } from './config-data-key-invalid';
import { pvSpecInvalid } from './pv-spec-invalid';
import { pvcPvMismatch } from './pvc-pv-mismatch';
import { pvcSpecInvalid } from './pvc-spec-invalid';
import { secretDataNotEncoded } from './secret-data-not-encoded';
import { secretTypeKeysMissing } from './secret-type-keys-missing';

export const STORAGE_RULES: readonly Rule[] = [pvSpecInvalid, pvcSpecInvalid, configDataKeyInvalid, secretTypeKeysMissing, secretDataNotEncoded, pvcPvMismatch, claimMultiAttach];
