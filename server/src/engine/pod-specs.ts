// Where each kind keeps its Pod spec. Rules run on Pods, on the Pod template of every workload
// kind, and on the Pod templates custom resources embed (k8s/custom-pod-templates.ts), reporting
// on paths from the document root. A kind is read with its apiVersion: a custom resource whose
// kind is also a built-in name (Knative's `Service`) is not that built-in kind.
// https://kubernetes.io/docs/concepts/workloads/pods/#pod-templates
import { asObject, getIn, type JsonObject } from './json';
import { isCustomGroup } from './k8s/api-catalog';
import { customPodTemplate } from './k8s/custom-pod-templates';
import type { FieldPath } from './types';

const TEMPLATE_PATHS: Record<string, FieldPath> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  PodTemplate: ['template'],
};

/** Built-in kinds that carry a Pod spec. */
export const POD_SPEC_KINDS: readonly string[] = ['Pod', ...Object.keys(TEMPLATE_PATHS)];

export interface PodSpecLocation {
  spec: JsonObject;
  specPath: FieldPath;
  metadataPath: FieldPath;
  podMetadata: JsonObject | undefined;
  isTemplate: boolean;
  /** Pod-spec rules that do not apply to this kind (a custom controller fills those fields in). */
  skipRules?: readonly string[];
  /** A custom controller, not the API server, defaults the omitted Pod fields (custom-pod-templates.ts). */
  controllerDefaults?: true;
}

export function findPodSpec(apiVersion: string, kind: string, object: JsonObject): PodSpecLocation | undefined {
  if (kind === 'Pod' && !isCustomGroup(apiVersion)) {
    const spec = asObject(object.spec);
    return spec ? { spec, specPath: ['spec'], metadataPath: ['metadata'], podMetadata: asObject(object.metadata), isTemplate: false } : undefined;
  }
  const templatePath = templatePathFor(apiVersion, kind, object);
  if (!templatePath) return undefined;
  const spec = asObject(getIn(object, [...templatePath, 'spec']));
  if (!spec) return undefined;
  const custom = customPodTemplate(apiVersion, kind);
  const skipRules = custom?.skipRules;
  return {
    spec,
    specPath: [...templatePath, 'spec'],
    metadataPath: [...templatePath, 'metadata'],
    podMetadata: asObject(getIn(object, [...templatePath, 'metadata'])),
    isTemplate: true,
    ...(skipRules && skipRules.length > 0 ? { skipRules } : {}),
    ...(custom?.controllerDefaults ? { controllerDefaults: true as const } : {}),
  };
}

/**
 * Path to the Pod template (not its spec) for workload kinds and custom kinds that embed one;
 * [] for a custom kind shaped like a template itself (a Knative Revision). With the object, a
 * custom resource that points at another workload's template instead (a Rollout's workloadRef)
 * has none.
 */
export function templatePathFor(apiVersion: string, kind: string, object?: JsonObject): FieldPath | undefined {
  if (!isCustomGroup(apiVersion)) return TEMPLATE_PATHS[kind];
  const custom = customPodTemplate(apiVersion, kind);
  if (!custom) return undefined;
  if (object && custom.templateAbsentWhen && getIn(object, custom.templateAbsentWhen) !== undefined) return undefined;
  return custom.templatePath;
}
