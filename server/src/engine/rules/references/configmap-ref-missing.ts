// A ConfigMap named by env, envFrom, a volume or a projected source, or one of its keys, that no
// file of the run defines. The container (env) or the Pod (volume) does not start until it exists.
// https://kubernetes.io/docs/concepts/configuration/configmap/#configmaps-and-pods
import { keyedReferenceFindings } from '../../k8s/keyed-references';
import type { Rule } from '../../rule-types';

export const configmapRefMissing: Rule = {
  meta: {
    id: 'configmap-ref-missing',
    defaultSeverity: 'info',
    category: 'references',
    summary: 'A ConfigMap (or a key of one) that a Pod reads is not defined in the workspace or the files checked together.',
  },
  checkFile(context) {
    return keyedReferenceFindings(context, 'ConfigMap');
  },
};
