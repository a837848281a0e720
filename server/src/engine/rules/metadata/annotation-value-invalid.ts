// Pod annotations whose value has a defined format: controller.kubernetes.io/pod-deletion-cost is
// a 32-bit integer (no '+', no leading zeros), the deprecated seccomp annotations take
// runtime/default, docker/default, unconfined or localhost/<relative path>, and the deprecated
// AppArmor annotations name an existing container and take runtime/default, unconfined or
// localhost/<profile>; scheduler.alpha.kubernetes.io/tolerations holds a JSON list of valid
// tolerations; and where an annotation and the matching securityContext profile field are
// both set, they must agree. Checked on Pods and Pod templates alike.
// core/validation.go ValidatePodSpecificAnnotations, ValidateTolerationsInPodAnnotations, ValidateSeccompPodAnnotations,
// ValidateAppArmorPodAnnotations, validateSeccompAnnotationsAndFields,
// validateAppArmorAnnotationsAndFieldsMatchOnCreate; core/helper GetDeletionCostFromPodAnnotations.
// https://kubernetes.io/docs/reference/labels-annotations-taints/#pod-deletion-cost
import { containersOf } from '../../containers';
import { asObject, asString, hasKey, type JsonObject } from '../../json';
import { fitMessage, quoteShort } from '../../k8s/phrasing';
import { localDescendingPathErrors } from '../../k8s/pod-formats';
import type { PodSpecContext, Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';
import { atLeast } from '../../versions';

const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';
const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER = 'container.apparmor.security.beta.kubernetes.io/';
const TOLERATIONS = 'scheduler.alpha.kubernetes.io/tolerations';

export const annotationValueInvalid: Rule = {
  meta: {
    id: 'annotation-value-invalid',
    defaultSeverity: 'error',
    category: 'metadata',
    summary: 'A Pod annotation with a defined format has an invalid value (pod-deletion-cost, seccomp/AppArmor profiles) or contradicts its field.',
    parity: ['object-meta'],
  },
  checkPodSpec(context) {
    const annotations = asObject(context.podMetadata?.annotations);
    if (!annotations) return [];
    const findings: RuleFinding[] = [];
    const base = [...context.metadataPath, 'annotations'];
    const names = new Set(containersOf(context.spec, context.specPath, ['initContainers', 'containers', 'ephemeralContainers']).map((ref) => ref.name));
    for (const [key, value] of Object.entries(annotations)) {
      // Non-string values are meta-annotation-invalid's (a decode error).
      if (typeof value !== 'string') continue;
      const path = [...base, key];
      if (key === DELETION_COST && !isInt32(value)) {
        findings.push({
          path,
          target: 'value',
          message: `Annotation pod-deletion-cost ${quoteShort(value, 30)} is not a 32-bit integer`,
          detail: 'The API server rejects it ("must be a 32bit integer"): write a whole number between -2147483648 and 2147483647, without "+" or leading zeros.',
        });
      } else if (key === SECCOMP_POD || key.startsWith(SECCOMP_CONTAINER)) {
        const problem = seccompProblem(value);
        if (problem)
          findings.push({
            path,
            target: 'value',
            message: fitMessage(
              `Annotation ${key}: ${quoteShort(value, 30)} is not a seccomp profile`,
              `Seccomp annotation value ${quoteShort(value, 30)} is not a seccomp profile`,
            ),
            detail: `The API server rejects it (${problem}). Use runtime/default, unconfined or localhost/<profile>; better, use securityContext.seccompProfile.`,
          });
      } else if (key === TOLERATIONS && value !== '') {
        const problem = tolerationsProblem(value);
        // The API server reports it on the annotations map, naming the key.
        if (problem)
          findings.push({
            path: base,
            target: 'key',
            message: 'Annotation scheduler.alpha.kubernetes.io/tolerations does not hold valid tolerations',
            detail: `The API server rejects it (${problem}). Use spec.tolerations instead of this alpha annotation.`,
          });
      } else if (key.startsWith(APPARMOR_CONTAINER)) {
        const container = key.slice(APPARMOR_CONTAINER.length);
        if (!names.has(container)) {
          findings.push({
            path,
            target: 'key',
            message: fitMessage(
              `AppArmor annotation names container ${quoteShort(container, 30)}, which does not exist`,
              'AppArmor annotation names a container that does not exist',
            ),
            detail: 'The API server rejects it ("container not found"). The part after the "/" must be the name of a container of this Pod.',
          });
        }
        if (value !== '' && value !== 'runtime/default' && value !== 'unconfined' && !value.startsWith('localhost/')) {
          findings.push({
            path,
            target: 'value',
            message: `AppArmor annotation value ${quoteShort(value, 30)} is not a profile`,
            detail: `The API server rejects it ("invalid AppArmor profile name: \\"${value}\\""). Use runtime/default, unconfined or localhost/<profile>; better, use securityContext.appArmorProfile.`,
          });
        }
      }
    }
    findings.push(...profileMismatches(context, annotations));
    return findings;
  },
};

/**
 * When both the deprecated annotation and the securityContext field are set, they must agree
 * (validateSeccompAnnotationsAndFields, validateAppArmorAnnotationsAndFieldsMatchOnCreate). The
 * API server names the field, so the finding sits on its type (or localhostProfile).
 */
function profileMismatches(context: PodSpecContext, annotations: JsonObject): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const check = (annotation: unknown, profile: JsonObject | undefined, path: FieldPath, kind: 'seccomp' | 'AppArmor', key: string): void => {
    if (typeof annotation !== 'string' || !profile) return;
    const type = asString(profile.type);
    const local = asString(profile.localhostProfile);
    const runtimeDefault = kind === 'seccomp' ? ['runtime/default', 'docker/default'] : ['runtime/default'];
    let field: 'type' | 'localhostProfile' | undefined;
    if (type === 'Unconfined' && annotation !== 'unconfined') field = 'type';
    else if (type === 'RuntimeDefault' && !runtimeDefault.includes(annotation)) field = 'type';
    else if (type === 'Localhost') {
      if (!annotation.startsWith('localhost/')) field = 'type';
      else if (local === undefined || annotation.slice('localhost/'.length) !== local) field = 'localhostProfile';
    }
    if (!field) return;
    findings.push({
      path: field === 'localhostProfile' && hasKey(profile, 'localhostProfile') ? [...path, 'localhostProfile'] : [...path, 'type'],
      target: 'value',
      message: fitMessage(
        `The ${kind} annotation ${quoteShort(annotation, 30)} and the ${kind} profile field disagree`,
        `The ${kind} annotation and the ${kind} profile field disagree`,
      ),
      detail: `The API server rejects it ("${kind === 'seccomp' ? 'seccomp' : 'apparmor'} ${field === 'type' ? 'type' : 'profile'} in annotation and field must match"); see annotation ${key}. Remove the deprecated annotation and keep the field.`,
    });
  };
  const podSc = asObject(context.spec.securityContext);
  check(annotations[SECCOMP_POD], asObject(podSc?.seccompProfile), [...context.specPath, 'securityContext', 'seccompProfile'], 'seccomp', SECCOMP_POD);
  const windows = asString(asObject(context.spec.os)?.name) === 'windows';
  for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers', 'ephemeralContainers'])) {
    if (!ref.name) continue;
    const sc = asObject(ref.container.securityContext);
    const base = [...ref.path, 'securityContext'];
    check(annotations[SECCOMP_CONTAINER + ref.name], asObject(sc?.seccompProfile), [...base, 'seccompProfile'], 'seccomp', SECCOMP_CONTAINER + ref.name);
    if (windows || !atLeast(context.env.kubernetesVersion, '1.30')) continue;
    // The container's AppArmor profile falls back to the Pod's.
    const own = asObject(sc?.appArmorProfile);
    const profilePath = own ? [...base, 'appArmorProfile'] : [...context.specPath, 'securityContext', 'appArmorProfile'];
    check(annotations[APPARMOR_CONTAINER + ref.name], own ?? asObject(podSc?.appArmorProfile), profilePath, 'AppArmor', APPARMOR_CONTAINER + ref.name);
  }
  return findings;
}

/** Why the alpha tolerations annotation (a JSON list of tolerations) is refused, or undefined. */
function tolerationsProblem(value: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return 'its value is not JSON';
  }
  if (parsed === null) return undefined;
  if (!Array.isArray(parsed)) return 'its value is not a JSON list of tolerations';
  for (const [index, item] of parsed.entries()) {
    if (item === null) continue;
    if (typeof item !== 'object' || Array.isArray(item)) return `entry ${index} is not a toleration object`;
    const toleration = item as Record<string, unknown>;
    for (const field of ['key', 'operator', 'value', 'effect']) {
      if (toleration[field] !== undefined && toleration[field] !== null && typeof toleration[field] !== 'string') return `entry ${index}: ${field} is not a string`;
    }
    const operator = (toleration.operator as string | undefined) ?? '';
    const effect = (toleration.effect as string | undefined) ?? '';
    if (!['', 'Equal', 'Exists'].includes(operator)) return `entry ${index}: operator "${operator}" is not Equal or Exists`;
    if (!['', 'NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect)) return `entry ${index}: effect "${effect}" is not supported`;
    if (!toleration.key && operator !== 'Exists') return `entry ${index}: operator must be Exists when \`key\` is empty`;
  }
  return undefined;
}

function isInt32(value: string): boolean {
  if (!/^-?\d+$/.test(value)) return false;
  // Like the API server: "0" is fine, other values may not start with "0" (or "+").
  if (value !== '0' && value.startsWith('0')) return false;
  const number = Number(value);
  return number >= -2147483648 && number <= 2147483647;
}

function seccompProblem(value: string): string | undefined {
  if (value === 'runtime/default' || value === 'docker/default' || value === 'unconfined') return undefined;
  if (value.startsWith('localhost/')) {
    const errors = localDescendingPathErrors(value.slice('localhost/'.length));
    return errors.length > 0 ? `"${errors.join('; ')}"` : undefined;
  }
  return '"must be a valid seccomp profile"';
}
