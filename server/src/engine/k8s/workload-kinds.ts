// Groups of workload kinds that the API server and the controllers treat alike.
import { asString, type JsonObject } from '../json';

/** Kinds whose Pod template the apps/v1 (and core RC) validation restricts to restartPolicy Always. */
export const REPLICATED_KINDS: readonly string[] = ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ReplicationController'];
export const JOB_KINDS: readonly string[] = ['Job', 'CronJob'];

/** True for long-running Pod specs: not a Job/CronJob, not a Pod that runs once. */
export function isLongRunning(kind: string, spec: JsonObject): boolean {
  if (kind === 'Job' || kind === 'CronJob') return false;
  const policy = asString(spec.restartPolicy);
  return policy === undefined || policy === '' || policy === 'Always';
}
