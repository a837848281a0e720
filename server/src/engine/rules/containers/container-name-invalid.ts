// Container names are DNS-1123 labels (≤ 63 characters, lower-case alphanumerics and '-').
// core/validation.go validateContainerCommon → ValidateDNS1123Label.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names
import { containersOf } from '../../containers';
import { hasKey } from '../../json';
import { dns1123LabelErrors, toDnsLabel } from '../../k8s/names';
import { capitalize, describeContainer, quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

export const containerNameInvalid: Rule = {
  meta: {
    id: 'container-name-invalid',
    defaultSeverity: 'error',
    category: 'containers',
    summary: 'A container name is empty or not a DNS label (lower-case letters, digits and -).',
    parity: ['pod-containers'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const refs = containersOf(context.spec, context.specPath, ['initContainers', 'containers', 'ephemeralContainers']);
    const taken = new Set(refs.map((ref) => ref.name).filter((name): name is string => name !== undefined));
    for (const ref of refs) {
      if (!hasKey(ref.container, 'name')) continue; // a missing name is a schema-required finding
      const path = [...ref.path, 'name'];
      const name = ref.name;
      if (name === undefined) continue; // not a string: a schema-type finding
      if (name.length === 0) {
        findings.push({
          path,
          target: 'value',
          message: `${capitalize(describeContainer(ref))} has an empty name`,
          detail: 'The API server rejects it ("Required value"). Give the container a DNS-label name such as "app".',
        });
        continue;
      }
      const errors = dns1123LabelErrors(name);
      if (errors.length === 0) continue;
      const fixes: FixSpec[] = [];
      const suggestion = toDnsLabel(name);
      if (suggestion && suggestion !== name && !taken.has(suggestion)) {
        fixes.push({ title: `Rename the container to "${suggestion}"`, intents: [{ op: 'set', path, value: suggestion }], preferred: true });
      }
      findings.push({
        path,
        target: 'value',
        message: `Container ${quoteShort(name)}: the name is not a valid DNS label`,
        detail: `The API server rejects it: ${errors.join('; ')}. Use lower-case letters, digits and "-" (for example "web-server"), at most 63 characters.`,
        fixes,
      });
    }
    return findings;
  },
};
