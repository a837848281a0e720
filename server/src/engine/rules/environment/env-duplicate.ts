// The same env name twice in one container: the API server accepts it with a warning ("hides
// previous definition of ..., which may be dropped when using apply"); the container sees the
// last one. A later plain value that references the earlier one as $(NAME) is fine.
// pkg/api/pod/warnings.go.
// https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/
import { containersOf } from '../../containers';
import { asString, objectItems } from '../../json';
import { capitalize, describeContainer, quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const envDuplicate: Rule = {
  meta: {
    id: 'env-duplicate',
    defaultSeverity: 'warning',
    category: 'environment',
    summary: 'A container defines the same environment variable twice; only the last survives, and apply may drop one.',
    parity: ['pod-env'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const firstIndex = new Map<string, number>();
      for (const { item, index } of objectItems(ref.container.env)) {
        const name = asString(item.name);
        if (name === undefined || name === '') continue;
        const first = firstIndex.get(name);
        if (first === undefined) {
          firstIndex.set(name, index);
          continue;
        }
        const reference = `$(${name})`;
        const value = typeof item.value === 'string' ? item.value : '';
        const extendsEarlier = item.valueFrom === undefined && value !== reference && value.includes(reference);
        if (extendsEarlier) continue;
        findings.push({
          path: [...ref.path, 'env', index, 'name'],
          target: 'value',
          message: `${capitalize(describeContainer(ref))}: ${quoteShort(name, 30)} is defined twice (env[${first}] and env[${index}])`,
          detail: 'The container gets the last value, and the API server warns it "may be dropped when using apply". Keep one definition.',
          fixes: [{ title: `Remove the earlier definition (env[${first}])`, intents: [{ op: 'delete', path: [...ref.path, 'env', first] }], preferred: true }],
        });
      }
    }
    return findings;
  },
};
