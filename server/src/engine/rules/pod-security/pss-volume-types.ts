// Restricted allows only volume types that carry no node or network access of their own:
// configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret
// (and image volumes, which hold a read-only image). A volume with no source is an emptyDir.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
import { asString, objectItems } from '../../json';
import { clipText, quoteShort } from '../../k8s/phrasing';
import { podSecurityFindings, type ControlViolation, type PodSecurityControl } from '../../k8s/pod-security-controls';
import type { Rule } from '../../rule-types';

const ALLOWED = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret', 'image']);

const control: PodSecurityControl = {
  name: 'Volume Types',
  standard: 'restricted',
  check(context) {
    const violations: ControlViolation[] = [];
    for (const { item, index } of objectItems(context.spec.volumes)) {
      const name = asString(item.name) ?? `volumes[${index}]`;
      for (const key of Object.keys(item)) {
        // hostPath is a baseline violation already (pss-host-path-volumes, sensitive-host-mount).
        if (key === 'name' || key === 'hostPath' || ALLOWED.has(key)) continue;
        violations.push({
          path: [...context.specPath, 'volumes', index, key],
          target: 'key',
          message: `Restricted does not allow ${clipText(key, 20)} volume ${quoteShort(name, 30)}`,
          detail:
            'Restricted allows configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes. Reach storage through a PersistentVolumeClaim.',
        });
      }
    }
    return violations;
  },
};

export const pssVolumeTypes: Rule = {
  meta: {
    id: 'pss-volume-types',
    defaultSeverity: 'warning',
    category: 'pod-security',
    summary: 'A volume type the restricted Pod Security Standard does not allow (nfs, iscsi, gitRepo, …).',
  },
  checkFile: (file) => podSecurityFindings(file, control),
};
