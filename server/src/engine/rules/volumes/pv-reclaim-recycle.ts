// `persistentVolumeReclaimPolicy: Recycle` is deprecated: the API server answers with the warning
// "The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic
// provisioning." Only nfs and hostPath volumes were ever recyclable (an `rm -rf` scrub job).
// https://kubernetes.io/docs/concepts/storage/persistent-volumes/#recycle
import { asObject, asString } from '../../json';
import type { Rule } from '../../rule-types';

export const pvReclaimRecycle: Rule = {
  meta: {
    id: 'pv-reclaim-recycle',
    defaultSeverity: 'warning',
    category: 'volumes',
    summary: 'A PersistentVolume uses the deprecated Recycle reclaim policy; use dynamic provisioning, Retain or Delete.',
    kinds: ['PersistentVolume'],
  },
  checkObject(context) {
    const spec = asObject(context.object.spec);
    if (!spec || asString(spec.persistentVolumeReclaimPolicy) !== 'Recycle') return [];
    const recyclable = spec.nfs !== undefined || spec.hostPath !== undefined;
    return [
      {
        path: ['spec', 'persistentVolumeReclaimPolicy'],
        target: 'value',
        message: 'The Recycle reclaim policy is deprecated',
        detail:
          'The API server warns about it: a released volume is wiped ' +
          'with rm -rf and handed to the next claim. Use dynamic provisioning (a StorageClass), or Retain to keep the data ' +
          '(Delete to remove the backing storage).' +
          (recyclable ? '' : ' Only nfs and hostPath volumes can be recycled at all; this one would end up Failed when released.'),
        fixes: [
          { title: 'Set persistentVolumeReclaimPolicy to Retain', intents: [{ op: 'set', path: ['spec', 'persistentVolumeReclaimPolicy'], value: 'Retain' }], preferred: true },
        ],
      },
    ];
  },
};
