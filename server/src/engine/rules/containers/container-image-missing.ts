// Every container needs an image ("Required value"); on Pods (not templates) leading or trailing
// whitespace is rejected too. An image that is still a placeholder (`<your-image>`, `${IMAGE}`) is
// accepted by the API server but can never be pulled (InvalidImageName): a warning.
// core/validation.go validateContainerCommon, validateContainerOnlyForPod.
// https://kubernetes.io/docs/concepts/containers/images/
import { containersOf } from '../../containers';
import { asString, hasKey } from '../../json';
import { looksTemplated } from '../../k8s/image-reference';
import { capitalize, describeContainer, pathText, quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const containerImageMissing: Rule = {
  meta: {
    id: 'container-image-missing',
    defaultSeverity: 'error',
    category: 'containers',
    summary: 'A container has no image (or, in a Pod, an image with surrounding whitespace).',
    parity: ['pod-containers'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const path = [...ref.path, 'image'];
      const where = pathText(path.slice(context.specPath.length));
      const present = hasKey(ref.container, 'image');
      const image = asString(ref.container.image);
      if (present && image === undefined && ref.container.image !== null) continue; // wrong type: schema
      if (!present || image === undefined || image.length === 0) {
        findings.push({
          path,
          target: present ? 'value' : 'key',
          message: `${capitalize(describeContainer(ref))} has no image`,
          detail: `The API server rejects the Pod ("${where}: Required value"). Set image to a pinned reference such as "nginx:1.27".`,
        });
        continue;
      }
      if (looksTemplated(image)) {
        findings.push({
          path,
          target: 'value',
          severity: 'warning',
          message: `${capitalize(describeContainer(ref))}: image ${quoteShort(image)} looks like an unfilled placeholder`,
          detail: 'The API server accepts it, but the kubelet cannot pull it (InvalidImageName). Substitute the real image before applying.',
        });
        continue;
      }
      if (!context.isTemplate && image.trim() !== image) {
        findings.push({
          path,
          target: 'value',
          message: `${capitalize(describeContainer(ref))}: the image has leading or trailing whitespace`,
          detail: 'The API server rejects it in a Pod ("must not have leading or trailing whitespace"). Remove the spaces.',
          fixes: [{ title: 'Trim the whitespace', intents: [{ op: 'set', path, value: image.trim() }], preferred: true, safe: true }],
        });
      }
    }
    return findings;
  },
};
