// Baseline forbids switching AppArmor off: the profile may be unset, RuntimeDefault or a Localhost
// profile, in the appArmorProfile field (1.30+) or the older per-container annotation.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
// https://kubernetes.io/docs/tutorials/security/apparmor/
import { asObject, asString } from '../../json';
import { quoteShort } from '../../k8s/phrasing';
import { allContainers, podSecurityContext, podSecurityFindings, securityContextOf, who, type ControlViolation, type PodSecurityControl } from '../../k8s/pod-security-controls';
import type { Rule } from '../../rule-types';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const ALLOWED_TYPES = new Set(['RuntimeDefault', 'Localhost']);

const control: PodSecurityControl = {
  name: 'AppArmor',
  standard: 'baseline',
  check(context) {
    const violations: ControlViolation[] = [];
    const detail = 'Unconfined turns AppArmor off for the container. Leave it unset, or use RuntimeDefault or a Localhost profile.';
    const annotations = asObject(context.podMetadata?.annotations);
    for (const [key, value] of Object.entries(annotations ?? {})) {
      if (!key.startsWith(ANNOTATION_PREFIX)) continue;
      const profile = asString(value);
      if (profile === undefined || profile === 'runtime/default' || profile.startsWith('localhost/')) continue;
      violations.push({
        path: [...context.metadataPath, 'annotations', key],
        target: 'value',
        message: `AppArmor profile ${quoteShort(profile, 30)} for container ${quoteShort(key.slice(ANNOTATION_PREFIX.length), 30)}`,
        detail,
      });
    }
    const pod = podSecurityContext(context);
    const podType = asString(asObject(pod.value?.appArmorProfile)?.type);
    if (podType !== undefined && !ALLOWED_TYPES.has(podType)) {
      violations.push({ path: [...pod.path, 'appArmorProfile', 'type'], target: 'value', message: `${context.kind} sets AppArmor profile ${quoteShort(podType, 20)}`, detail });
    }
    for (const ref of allContainers(context)) {
      const type = asString(asObject(securityContextOf(ref)?.appArmorProfile)?.type);
      if (type === undefined || ALLOWED_TYPES.has(type)) continue;
      violations.push({
        path: [...ref.path, 'securityContext', 'appArmorProfile', 'type'],
        target: 'value',
        message: `${who(ref)} sets AppArmor profile ${quoteShort(type, 20)}`,
        detail,
      });
    }
    return violations;
  },
};

export const pssApparmor: Rule = {
  meta: {
    id: 'pss-apparmor',
    defaultSeverity: 'warning',
    category: 'pod-security',
    summary: 'A Pod turns AppArmor off (Unconfined), which the baseline Pod Security Standard forbids.',
  },
  checkFile: (file) => podSecurityFindings(file, control),
};
