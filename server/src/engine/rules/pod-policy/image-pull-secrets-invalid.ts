// spec.imagePullSecrets entries with an empty name or a name listed twice: the API server accepts
// them with a warning ("invalid empty name", "duplicate name"); an empty entry points at no
// Secret, and apply may drop one of two equal entries. The names are not otherwise validated.
// pkg/api/pod/warnings.go; core/validation.go validateImagePullSecrets.
// https://kubernetes.io/docs/concepts/containers/images/#specifying-imagepullsecrets-on-a-pod
import { asString, objectItems } from '../../json';
import { quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const imagePullSecretsInvalid: Rule = {
  meta: {
    id: 'image-pull-secrets-invalid',
    defaultSeverity: 'warning',
    category: 'pod-policy',
    summary: 'An imagePullSecrets entry has an empty name or repeats another; the API server warns.',
    parity: ['pod-policy'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const seen = new Set<string>();
    for (const { item, index } of objectItems(context.spec.imagePullSecrets)) {
      const base = [...context.specPath, 'imagePullSecrets', index];
      const name = asString(item.name) ?? '';
      if (name === '') {
        findings.push({
          path: item.name === undefined ? base : [...base, 'name'],
          target: item.name === undefined ? 'key' : 'value',
          message: `imagePullSecrets[${index}] has an empty name`,
          detail: 'The API server warns ("invalid empty name"): the entry points at no Secret. Name the registry Secret, or remove the entry.',
          fixes: [{ title: 'Remove the entry', intents: [{ op: 'delete', path: base }] }],
        });
        continue;
      }
      if (seen.has(name)) {
        findings.push({
          path: [...base, 'name'],
          target: 'value',
          message: `imagePullSecrets[${index}] repeats ${quoteShort(name, 40)}`,
          detail: `The API server warns (duplicate name "${name}"); apply may drop one of the entries. Keep one.`,
          fixes: [{ title: 'Remove the repeated entry', intents: [{ op: 'delete', path: base }], preferred: true }],
        });
      }
      seen.add(name);
    }
    return findings;
  },
};
