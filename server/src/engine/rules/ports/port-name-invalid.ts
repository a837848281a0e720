// ports[].name must be an IANA service name: ≤ 15 characters, lower-case alphanumerics and '-',
// at least one letter, no '--', no leading or trailing '-'. core/validation.go
// validateContainerPorts → IsValidPortName.
// https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports
import { containersOf } from '../../containers';
import { asString, hasKey, objectItems } from '../../json';
import { capitalize, describeContainer, quoteShort } from '../../k8s/phrasing';
import { portNameErrors } from '../../port-values';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

export const portNameInvalid: Rule = {
  meta: {
    id: 'port-name-invalid',
    defaultSeverity: 'error',
    category: 'ports',
    summary: 'A container port name is not a valid IANA service name (≤ 15 chars, lower-case, at least one letter).',
    parity: ['pod-ports'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers'])) {
      for (const { item, index } of objectItems(ref.container.ports)) {
        if (!hasKey(item, 'name')) continue;
        const name = asString(item.name);
        if (name === undefined || name === '') continue; // wrong type: schema; "" means unnamed
        const errors = portNameErrors(name);
        if (errors.length === 0) continue;
        const path = [...ref.path, 'ports', index, 'name'];
        const fixes: FixSpec[] = [];
        const lower = name.toLowerCase().replace(/_/g, '-');
        if (lower !== name && portNameErrors(lower).length === 0) {
          fixes.push({ title: `Rename the port to "${lower}" (update probes and Services that use the old name)`, intents: [{ op: 'set', path, value: lower }], preferred: true });
        }
        findings.push({
          path,
          target: 'value',
          message: `${capitalize(describeContainer(ref))}: port name ${quoteShort(name, 20)} is not a valid IANA service name`,
          detail:
            `The API server rejects it: ${errors.join('; ')}. ` +
            'Port names are IANA service names such as "http" or "metrics"; rename it, and rename probe and Service targetPort references to match.',
          fixes,
        });
      }
    }
    return findings;
  },
};
