// The kubelet loads every file of its manifest directory whose name does not start with a dot,
// whatever the extension, in sorted order. A backup copy (`kube-apiserver.yaml.bak`) therefore runs
// as a live static Pod — and when two files define the same Pod, only one of them wins. Dotfiles
// are skipped, which surprises people the other way round.
// https://kubernetes.io/docs/tasks/configure-pod-container/static-pod/#configuration-files
import { clipText } from '../../k8s/phrasing';
import { baseName, firstObject } from '../../k8s/static-pod-manifest';
import type { Rule } from '../../rule-types';

/** Names editors, package managers and people give to copies of a file. */
const BACKUP = /(~|\.(bak|backup|orig|old|disabled|save|saved|tmp|temp|swp|rej|dpkg-(old|dist|new|bak)|rpm(save|new|orig)|ucf-(old|dist|new)))$/i;
/** Anything appended after the manifest extension: `etcd.yaml.2024-01-01`, `etcd.yaml.before-upgrade`. */
const SUFFIXED = /\.(ya?ml|json)\.[^.]+$/i;

export const staticPodStrayFile: Rule = {
  meta: {
    id: 'static-pod-stray-file',
    defaultSeverity: 'warning',
    category: 'static-pods',
    summary: 'A backup copy in the manifest directory that the kubelet runs as a live Pod, or a dotfile it ignores.',
    staticPodOnly: true,
  },
  checkFile(context) {
    const filePath = context.env.filePath;
    if (!filePath) return [];
    const name = baseName(filePath);
    const object = firstObject(context);
    const documentIndex = object ? object.documentIndex : 0;
    const path = object ? ['metadata', 'name'] : [];
    if (name.startsWith('.')) {
      return [
        {
          documentIndex,
          path,
          target: 'key',
          severity: 'info',
          message: `The kubelet ignores ${clipText(name, 50)}: its name starts with a dot`,
          detail: 'The kubelet skips files whose name starts with a dot, so this one does not run as a static Pod. Rename it without the leading dot to start it.',
        },
      ];
    }
    if (!BACKUP.test(name) && !SUFFIXED.test(name)) return [];
    return [
      {
        documentIndex,
        path,
        target: 'key',
        message: `${clipText(name, 50)} looks like a backup, but the kubelet runs it as a static Pod`,
        detail:
          'The kubelet loads every file in its manifest directory regardless of extension: this one runs as a live static Pod, and if it ' +
          'defines the same Pod as the real manifest, one of them silently replaces the other. Move backups out of the directory (or prefix the name with a dot).',
      },
    ];
  },
};
