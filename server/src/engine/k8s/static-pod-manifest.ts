// What the kubelet's file source reads from a static-Pod manifest: only the first YAML document,
// decoded as a single v1 Pod. https://kubernetes.io/docs/tasks/configure-pod-container/static-pod/
import type { FileContext, ObjectContext, PodSpecContext } from '../rule-types';

/** The object in the file's first document, if that document is a Kubernetes object. */
export function firstObject(context: FileContext): ObjectContext | undefined {
  return context.objects.find((object) => object.documentIndex === 0);
}

/** The Pod the kubelet actually runs from this file: the first document, when it is a v1 Pod. */
export function firstPod(context: FileContext): ObjectContext | undefined {
  const object = firstObject(context);
  return object && object.kind === 'Pod' && object.apiVersion === 'v1' ? object : undefined;
}

export function firstPodSpec(context: FileContext): PodSpecContext | undefined {
  return context.podSpecs.find((spec) => spec.documentIndex === 0 && spec.kind === 'Pod' && spec.apiVersion === 'v1');
}

/** File name without its directory (works for / and \ separators). */
export function baseName(filePath: string): string {
  const parts = filePath.split(/[\\/]/);
  return parts[parts.length - 1] ?? filePath;
}
