// A ReadWriteOnce volume attaches to one node at a time (ReadWriteOncePod: to one Pod). A
// Deployment (or ReplicaSet) whose Pods share such a claim works with one replica on one node,
// then fails with "Multi-Attach error" when a second Pod lands on another node: a second replica,
// or the new Pod a RollingUpdate starts before it stops the old one. StatefulSets give each Pod
// its own claim (volumeClaimTemplates) and are not concerned.
// https://kubernetes.io/docs/concepts/storage/persistent-volumes/#access-modes
// https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#recreate-deployment
import { asObject, asString, getIn } from '../../json';
import { accessModes, claimNamed, claimVolumes } from '../../k8s/claims';
import { describeObject } from '../../k8s/file-objects';
import { fitMessage } from '../../k8s/phrasing';
import { replicaRange } from '../../k8s/replicas';
import type { FileRuleFinding, Rule } from '../../rule-types';
import type { FixSpec } from '../../types';

const SHARED_TEMPLATE_KINDS = new Set(['Deployment', 'ReplicaSet', 'ReplicationController']);

export const claimMultiAttach: Rule = {
  meta: {
    id: 'claim-multi-attach',
    defaultSeverity: 'warning',
    category: 'storage',
    summary: 'Pods of a Deployment share a ReadWriteOnce claim: a second replica or a rolling update cannot attach it on another node.',
  },
  checkFile(context) {
    const findings: FileRuleFinding[] = [];
    for (const workload of context.objects) {
      if (!SHARED_TEMPLATE_KINDS.has(workload.kind)) continue;
      const spec = asObject(getIn(workload.object, ['spec', 'template', 'spec']));
      if (!spec) continue;
      const range = replicaRange(workload, context);
      const strategyType = asString(getIn(workload.object, ['spec', 'strategy', 'type'])) ?? 'RollingUpdate';
      const rolling = workload.kind === 'Deployment' && strategyType === 'RollingUpdate';
      for (const volume of claimVolumes(spec, ['spec', 'template', 'spec'])) {
        const claim = claimNamed(context, workload, volume.claimName);
        if (!claim) continue;
        const modes = accessModes(asObject(claim.object.spec));
        const oncePod = modes.length === 1 && modes[0] === 'ReadWriteOncePod';
        const onceNode = modes.length > 0 && modes.every((mode) => mode === 'ReadWriteOnce' || mode === 'ReadWriteOncePod');
        // A read-only mount of a ReadOnlyMany-capable claim, or any claim with a shared mode, is fine.
        if (!onceNode) continue;
        const many = range !== undefined && range.max > 1;
        if (!many && !rolling) continue;
        const mode = oncePod ? 'ReadWriteOncePod' : 'ReadWriteOnce';
        const why = many ? `is shared by ${range?.max} replicas` : 'stalls a rolling update';
        const fixes: FixSpec[] =
          !many && rolling
            ? [
                {
                  title: 'Use strategy: Recreate (stop the old Pod first)',
                  intents: [
                    asObject(getIn(workload.object, ['spec', 'strategy']))
                      ? { op: 'set', path: ['spec', 'strategy'], value: { type: 'Recreate' } }
                      : { op: 'insert', path: ['spec'], key: 'strategy', value: { type: 'Recreate' } },
                  ],
                  preferred: true,
                },
              ]
            : [];
        findings.push({
          documentIndex: workload.documentIndex,
          objectIndex: workload.objectIndex,
          path: volume.path,
          target: 'value',
          message: fitMessage(`${describeObject(workload)}: ${mode} claim "${volume.claimName}" ${why}`, `${mode} claim "${volume.claimName}" ${why}`),
          detail:
            `${describeObject(claim)} attaches to ${oncePod ? 'one Pod' : 'one node'} at a time. ` +
            (many
              ? `A replica scheduled on another node${oncePod ? ' (or any second Pod)' : ''} waits with "Multi-Attach error". Use a StatefulSet with volumeClaimTemplates, a ReadWriteMany class, or one replica.`
              : `During a rollout the new Pod may land on another node and wait with "Multi-Attach error" until the old one is gone, so the rollout stalls. strategy: Recreate stops the old Pod first.`),
          fixes,
        });
      }
    }
    return findings;
  },
};
