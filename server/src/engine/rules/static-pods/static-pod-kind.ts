// The kubelet decodes a static-Pod manifest as exactly one v1 Pod. Anything else — a Deployment,
// a PodList, a Pod under another apiVersion — is logged as `couldn't parse as pod(…), please check
// config file` and never runs. https://kubernetes.io/docs/tasks/configure-pod-container/static-pod/
import { clipText } from '../../k8s/phrasing';
import { firstObject } from '../../k8s/static-pod-manifest';
import type { Rule } from '../../rule-types';
import type { FixSpec } from '../../types';

const WORKLOAD_KINDS = new Set(['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate']);

export const staticPodKind: Rule = {
  meta: {
    id: 'static-pod-kind',
    defaultSeverity: 'error',
    category: 'static-pods',
    summary: 'A static-Pod manifest whose (first) object is not an apiVersion: v1, kind: Pod; the kubelet refuses it.',
    staticPodOnly: true,
  },
  checkFile(context) {
    // The kubelet decodes the first document; one without apiVersion/kind is not a Pod either.
    const firstDocument = context.documentKinds.findIndex((kind) => kind !== 'empty');
    if (firstDocument !== -1 && context.documentKinds[firstDocument] === 'other') {
      return [
        {
          documentIndex: firstDocument,
          path: [],
          target: 'key',
          message: 'The first document has no apiVersion and kind, so the kubelet refuses this static Pod',
          detail: 'The kubelet reads this file as a static Pod. A static-Pod manifest is one apiVersion: v1, kind: Pod object.',
        },
      ];
    }
    const object = firstObject(context);
    if (!object || (object.kind === 'Pod' && object.apiVersion === 'v1')) return [];
    const { kind, apiVersion } = object;
    const base = `The kubelet reads this file as a static Pod and refuses it: couldn't parse as pod(invalid pod), please check config file.`;
    if (kind === 'Pod' || kind.toLowerCase() === 'pod') {
      const fixes: FixSpec[] = [];
      const intents = [];
      if (kind !== 'Pod') intents.push({ op: 'set' as const, path: ['kind'], value: 'Pod' });
      if (apiVersion !== 'v1') intents.push({ op: 'set' as const, path: ['apiVersion'], value: 'v1' });
      fixes.push({ title: 'Use apiVersion: v1, kind: Pod', intents, preferred: true, safe: true });
      return [
        {
          documentIndex: object.documentIndex,
          path: kind !== 'Pod' ? ['kind'] : ['apiVersion'],
          target: 'value',
          message: `A static Pod must be apiVersion: v1, kind: Pod, not ${clipText(apiVersion, 24)} ${clipText(kind, 20)}`,
          detail: `${base} Pods are apiVersion: v1, kind: Pod (this says apiVersion: ${apiVersion}, kind: ${kind}).`,
          fixes,
        },
      ];
    }
    const advice = WORKLOAD_KINDS.has(kind)
      ? `A ${kind} is a controller for the API server, not for the kubelet: put its Pod template into a Pod manifest here, or apply the ${kind} with kubectl instead.`
      : `Only a single Pod is accepted here; keep other objects out of the kubelet's manifest directory.`;
    return [
      {
        documentIndex: object.documentIndex,
        path: ['kind'],
        target: 'value',
        message: `A static-Pod manifest must hold a Pod, not a ${clipText(kind, 40)}`,
        detail: `${base} ${advice}`,
      },
    ];
  },
};
