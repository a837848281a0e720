// Pod annotations and volume plugins that Kubernetes no longer honours. The API server warns
// about critical-pod, the sysctl annotations, seccomp and AppArmor annotations without their
// fields, and deprecated volume plugins (pkg/api/pod/warnings.go). We add the PetSet-era
// `pod.alpha.kubernetes.io/initialized`, which StatefulSets ignore.
// https://kubernetes.io/docs/reference/labels-annotations-taints/
import { containersOf } from '../../containers';
import { asObject, asString, hasKey, objectItems } from '../../json';
import { metadataBlocks } from '../../k8s/metadata-blocks';
import { clipText } from '../../k8s/phrasing';
import { findPodSpec, POD_SPEC_KINDS } from '../../pod-specs';
import type { Rule } from '../../rule-types';
import type { FixIntent, FixSpec, RuleFinding } from '../../types';
import { atLeast } from '../../versions';

const SIMPLE: Record<string, string> = {
  'scheduler.alpha.kubernetes.io/critical-pod': 'non-functional in v1.16+; use the "priorityClassName" field instead',
  'security.alpha.kubernetes.io/sysctls': 'non-functional in v1.11+; use the "sysctls" field instead',
  'security.alpha.kubernetes.io/unsafe-sysctls': 'non-functional in v1.11+; use the "sysctls" field instead',
  'pod.alpha.kubernetes.io/initialized': 'a PetSet-era (Kubernetes 1.3/1.4) switch that StatefulSets ignore',
};
const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER = 'container.apparmor.security.beta.kubernetes.io/';
/** securityContext.appArmorProfile (Pod and container) is in the API from 1.30. https://kubernetes.io/docs/tutorials/security/apparmor/ */
const APPARMOR_FIELD_SINCE = '1.30';
const VOLUME_PLUGINS: Record<string, string> = {
  photonPersistentDisk: 'deprecated in v1.11, non-functional in v1.16+',
  gitRepo: 'deprecated in v1.11',
  scaleIO: 'deprecated in v1.16, non-functional in v1.22+',
  flocker: 'deprecated in v1.22, non-functional in v1.25+',
  storageos: 'deprecated in v1.22, non-functional in v1.25+',
  quobyte: 'deprecated in v1.22, non-functional in v1.25+',
  glusterfs: 'deprecated in v1.25, non-functional in v1.26+',
  cephfs: 'deprecated in v1.28, non-functional in v1.31+',
  rbd: 'deprecated in v1.28, non-functional in v1.31+',
};

export const deprecatedPodAnnotation: Rule = {
  meta: {
    id: 'deprecated-pod-annotation',
    defaultSeverity: 'warning',
    category: 'metadata',
    parity: ['object-meta'],
    summary: 'A Pod annotation or volume plugin that Kubernetes no longer honours (critical-pod, seccomp/AppArmor annotations, gitRepo, …).',
    kinds: [...POD_SPEC_KINDS, 'PetSet'],
  },
  checkObject(context) {
    const findings: RuleFinding[] = [];
    const location = findPodSpec(context.apiVersion, context.kind, context.object);
    const appArmorField = atLeast(context.env.kubernetesVersion, APPARMOR_FIELD_SINCE);
    for (const block of metadataBlocks(context)) {
      if (!block.isPodTemplate) continue;
      const annotations = asObject(block.metadata.annotations);
      if (!annotations) continue;
      for (const key of Object.keys(annotations)) {
        const path = [...block.path, 'annotations', key];
        // A conversion to a field takes the `annotations:` key with its only entry (it would be left
        // null); a plain removal (a safe fix, applied by `podwise fix`) takes the entry only, which
        // keeps the comments on the lines around it.
        const deletePath = Object.keys(annotations).length === 1 ? [...block.path, 'annotations'] : path;
        const remove: FixSpec = {
          title: `Remove the ${key} annotation`,
          intents: [{ op: 'delete', path }],
          preferred: true,
          safe: key === 'pod.alpha.kubernetes.io/initialized',
        };
        if (SIMPLE[key]) {
          const warned = key !== 'pod.alpha.kubernetes.io/initialized';
          findings.push({
            path,
            target: 'key',
            message: `Annotation ${clipText(key, 56)} is obsolete; nothing acts on it`,
            detail: `${key} is ${SIMPLE[key]}${warned ? '; the API server warns about it' : ''} and nothing acts on it. Remove it.`,
            fixes: [remove],
          });
          continue;
        }
        if (!location) continue;
        const value = asString(annotations[key]) ?? '';
        if (key === SECCOMP_POD && !hasKey(asObject(location.spec.securityContext), 'seccompProfile')) {
          const converted = seccompFix(value, deletePath, [...location.specPath, 'securityContext']);
          findings.push({
            path,
            target: 'key',
            message: seccompMessage(key),
            detail: seccompDetail(key, 'spec.securityContext.seccompProfile'),
            fixes: converted ? [converted, { ...remove, preferred: false }] : [remove],
          });
          continue;
        }
        for (const prefix of [SECCOMP_CONTAINER, APPARMOR_CONTAINER]) {
          if (!key.startsWith(prefix)) continue;
          const ref = containersOf(location.spec, location.specPath, ['initContainers', 'containers', 'ephemeralContainers']).find(
            (candidate) => candidate.name === key.slice(prefix.length),
          );
          if (!ref) continue;
          const sc = asObject(ref.container.securityContext);
          if (prefix === SECCOMP_CONTAINER && !hasKey(sc, 'seccompProfile')) {
            const converted = seccompFix(value, deletePath, [...ref.path, 'securityContext']);
            findings.push({
              path,
              target: 'key',
              message: seccompMessage(key),
              detail: seccompDetail(key, "the container's securityContext.seccompProfile"),
              fixes: converted ? [converted, { ...remove, preferred: false }] : [remove],
            });
          }
          const podAppArmor = hasKey(asObject(location.spec.securityContext), 'appArmorProfile');
          // The appArmorProfile field exists from 1.30 (the annotation's deprecation): before, the
          // annotation is the only way, and advice naming the field would point at a field the
          // API server rejects as unknown.
          if (prefix === APPARMOR_CONTAINER && appArmorField && !podAppArmor && !hasKey(sc, 'appArmorProfile')) {
            const converted = appArmorFix(value, deletePath, [...ref.path, 'securityContext']);
            findings.push({
              path,
              target: 'key',
              message: `Annotation ${clipText(key, 54)} is deprecated; use appArmorProfile`,
              detail: `${key} is deprecated since v1.30; use the "appArmorProfile" field instead (the container's securityContext.appArmorProfile, for example type: RuntimeDefault).`,
              fixes: converted ? [converted, { ...remove, preferred: false }] : [remove],
            });
          }
        }
      }
    }
    return findings;
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const { item, index } of objectItems(context.spec.volumes)) {
      for (const [plugin, status] of Object.entries(VOLUME_PLUGINS)) {
        if (!hasKey(item, plugin)) continue;
        findings.push({
          path: [...context.specPath, 'volumes', index, plugin],
          target: 'key',
          message: `Volume plugin ${plugin} is deprecated (${status.replace('deprecated in ', '')})`,
          detail: `The ${plugin} volume plugin is ${status}; the API server warns about it. Move the data to a CSI driver or a PersistentVolumeClaim${plugin === 'gitRepo' ? ' (or clone the repository in an init container into an emptyDir)' : ''}.`,
        });
      }
    }
    return findings;
  },
};

function seccompMessage(key: string): string {
  return `Annotation ${clipText(key, 44)} has no effect since 1.27; use seccompProfile`;
}

function seccompDetail(key: string, field: string): string {
  return `${key} is non-functional in v1.27+; use the "seccompProfile" field instead (${field}). Without the field, the profile is not applied.`;
}

/** Converts the annotation's value into the seccompProfile field it stood for. */
function seccompFix(value: string, annotationPath: (string | number)[], securityContextPath: (string | number)[]): FixSpec | undefined {
  let profile: Record<string, string> | undefined;
  if (value === 'runtime/default' || value === 'docker/default') profile = { type: 'RuntimeDefault' };
  else if (value === 'unconfined') profile = { type: 'Unconfined' };
  else if (value.startsWith('localhost/')) profile = { type: 'Localhost', localhostProfile: value.slice('localhost/'.length) };
  if (!profile) return undefined;
  const intents: FixIntent[] = [
    { op: 'delete', path: annotationPath },
    { op: 'insert', path: securityContextPath, key: 'seccompProfile', value: profile },
  ];
  return { title: `Replace the annotation with seccompProfile type ${profile.type}`, intents, preferred: true };
}

/** Converts an AppArmor annotation's value into the appArmorProfile field it stands for. */
function appArmorFix(value: string, annotationPath: (string | number)[], securityContextPath: (string | number)[]): FixSpec | undefined {
  let profile: Record<string, string> | undefined;
  if (value === 'runtime/default') profile = { type: 'RuntimeDefault' };
  else if (value === 'unconfined') profile = { type: 'Unconfined' };
  else if (value.startsWith('localhost/') && value.length > 'localhost/'.length) profile = { type: 'Localhost', localhostProfile: value.slice('localhost/'.length) };
  if (!profile) return undefined;
  const intents: FixIntent[] = [
    { op: 'delete', path: annotationPath },
    { op: 'insert', path: securityContextPath, key: 'appArmorProfile', value: profile },
  ];
  return { title: `Replace the annotation with appArmorProfile type ${profile.type}`, intents, preferred: true };
}
