// Port names must be unique within one container ("Duplicate value"); the API server does not
// compare names across containers. core/validation.go validateContainerPorts.
// https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports
import { containersOf } from '../../containers';
import { asString, objectItems } from '../../json';
import { capitalize, describeContainer, quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const portNameDuplicate: Rule = {
  meta: {
    id: 'port-name-duplicate',
    defaultSeverity: 'error',
    category: 'ports',
    summary: 'Two ports of one container share a name; the API server rejects the second.',
    parity: ['pod-ports'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers'])) {
      const seen = new Map<string, number>();
      for (const { item, index } of objectItems(ref.container.ports)) {
        const name = asString(item.name);
        if (name === undefined || name === '') continue;
        const first = seen.get(name);
        if (first === undefined) {
          seen.set(name, index);
          continue;
        }
        findings.push({
          path: [...ref.path, 'ports', index, 'name'],
          target: 'value',
          message: `${capitalize(describeContainer(ref))}: port name ${quoteShort(name, 20)} is used twice (ports[${first}] and ports[${index}])`,
          detail: `The API server rejects it (Duplicate value: "${name}"). Rename one of the ports (or remove the duplicate entry).`,
        });
      }
    }
    return findings;
  },
};
