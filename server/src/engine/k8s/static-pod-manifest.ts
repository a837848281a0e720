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

/**
 * A line for the static-Pod hover on metadata (editor/hover-facts.ts `staticPodFacts`) outside
 * kube-system, where static-pod-prefer-daemonset (off by default since issue #11) used to add a
 * hint: only this node's kubelet manages the Pod. Undefined for control-plane Pods in kube-system,
 * which is what static Pods are for.
 */
export function staticPodManagementNote(namespace: string | undefined): string | undefined {
  if (namespace === 'kube-system') return undefined;
  return (
    "Only this node's kubelet manages a static Pod: the API server cannot update, scale or move it. " +
    'Unless it must run before the control plane is up, a DaemonSet (or a nodeSelector) runs it per node and keeps it manageable.'
  );
}
