// Host paths that give a container control over the node: system directories and the container
// runtime's socket. sensitive-host-mount reports them with their own advice; the Pod Security
// hostPath control reports the other hostPath volumes, so one volume gets one finding.
// https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
import { trimCharsEnd } from './trim-chars';

const SYSTEM_DIRECTORIES = new Set(['/', '/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr']);
const RUNTIME_SOCKETS = /(docker|containerd|crio|cri-dockerd)\.sock$/;

/** 'socket' for a container runtime socket, 'system' for a system directory, else undefined. */
export function sensitiveHostPath(raw: string): 'socket' | 'system' | undefined {
  const path = raw.length > 1 ? trimCharsEnd(raw, '/') : raw;
  if (RUNTIME_SOCKETS.test(path)) return 'socket';
  return SYSTEM_DIRECTORIES.has(path) ? 'system' : undefined;
}
