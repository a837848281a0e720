// Where each kind keeps its Pod spec. Rules run on Pods and on the Pod template of every
// workload kind, reporting on paths from the document root.
// https://kubernetes.io/docs/concepts/workloads/pods/#pod-templates
import { asObject, getIn, type JsonObject } from './json';
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

export const POD_SPEC_KINDS: readonly string[] = ['Pod', ...Object.keys(TEMPLATE_PATHS)];

export interface PodSpecLocation {
  spec: JsonObject;
  specPath: FieldPath;
  metadataPath: FieldPath;
  podMetadata: JsonObject | undefined;
  isTemplate: boolean;
}

export function findPodSpec(kind: string, object: JsonObject): PodSpecLocation | undefined {
  if (kind === 'Pod') {
    const spec = asObject(object.spec);
    return spec ? { spec, specPath: ['spec'], metadataPath: ['metadata'], podMetadata: asObject(object.metadata), isTemplate: false } : undefined;
  }
  const templatePath = TEMPLATE_PATHS[kind];
  if (!templatePath) return undefined;
  const spec = asObject(getIn(object, [...templatePath, 'spec']));
  if (!spec) return undefined;
  return {
    spec,
    specPath: [...templatePath, 'spec'],
    metadataPath: [...templatePath, 'metadata'],
    podMetadata: asObject(getIn(object, [...templatePath, 'metadata'])),
    isTemplate: true,
  };
}

/** Path to the Pod template (not its spec) for workload kinds. */
export function templatePathFor(kind: string): FieldPath | undefined {
  return TEMPLATE_PATHS[kind];
}
