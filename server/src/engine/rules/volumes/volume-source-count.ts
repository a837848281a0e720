// A volume has exactly one source. Two or more: "may not specify more than 1 volume type".
// None: the v1 defaulter silently turns it into an emptyDir, which is usually a forgotten
// `configMap:`/`secret:` key. core/validation.go validateVolumeSource; v1 defaults.go SetDefaults_Volume.
// https://kubernetes.io/docs/concepts/storage/volumes/#emptydir
import { objectItems } from '../../json';
import { volumeSources } from '../../k8s/volumes';
import { quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const volumeSourceCount: Rule = {
  meta: {
    id: 'volume-source-count',
    defaultSeverity: 'error',
    category: 'volumes',
    summary: 'A volume sets two sources (rejected), or none (silently becomes an emptyDir).',
    parity: ['pod-volumes'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const { item, index } of objectItems(context.spec.volumes)) {
      const base = [...context.specPath, 'volumes', index];
      const sources = volumeSources(item);
      const label = typeof item.name === 'string' ? `Volume ${quoteShort(item.name)}` : `volumes[${index}]`;
      if (sources.length === 0) {
        findings.push({
          path: base,
          target: 'value',
          severity: 'info',
          message: `${label} names no source, so it becomes an empty emptyDir`,
          detail:
            'Kubernetes defaults a volume without a source to an empty emptyDir. ' +
            'If you meant a ConfigMap, Secret or claim, add that key (for example configMap: {name: app-config}); otherwise write emptyDir: {} to say so.',
          fixes: [{ title: 'Make it an explicit emptyDir: {}', intents: [{ op: 'insert', path: base, key: 'emptyDir', value: {} }] }],
        });
        continue;
      }
      for (const extra of sources.slice(1)) {
        findings.push({
          path: [...base, extra],
          target: 'key',
          message: `${label} sets two sources, ${sources[0]} and ${extra}`,
          detail: 'The API server rejects it ("may not specify more than 1 volume type"). Keep one source per volume, and declare a second volume for the other.',
          fixes: [{ title: `Remove ${extra} (keep ${sources[0]})`, intents: [{ op: 'delete', path: [...base, extra] }] }],
        });
      }
    }
    return findings;
  },
};
