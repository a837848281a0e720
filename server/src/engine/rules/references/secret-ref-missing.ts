// A Secret named by env, envFrom, a volume, a projected source, imagePullSecrets or an Ingress's
// TLS section, or one of its keys, that no file of the run defines.
// https://kubernetes.io/docs/concepts/configuration/secret/#restriction-secret-must-exist
import { keyedReferenceFindings } from '../../k8s/keyed-references';
import type { Rule } from '../../rule-types';

export const secretRefMissing: Rule = {
  meta: {
    id: 'secret-ref-missing',
    defaultSeverity: 'info',
    category: 'references',
    summary: 'A Secret (or a key of one) that a Pod, a ServiceAccount or an Ingress names is not defined in the workspace or the files checked together.',
  },
  checkFile(context) {
    return keyedReferenceFindings(context, 'Secret');
  },
};
