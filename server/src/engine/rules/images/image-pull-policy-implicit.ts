// When imagePullPolicy is omitted, the API server fills it in once, at creation, from the tag:
// Always for `:latest` or an untagged image, IfNotPresent otherwise. The defaulter looks at the
// tag only, so `app:latest@sha256:…` gets Always although the digest pins the image: every Pod
// start asks the registry, and a Pod cannot start while the registry is unreachable. That is the
// one surprising default, so it is the only one reported; the ordinary ones are in the hover on
// `image` (editor/hover-facts.ts), and latest/untagged images are image-latest-tag's finding.
// v1 defaults.go SetDefaults_Container.
// https://kubernetes.io/docs/concepts/containers/images/#imagepullpolicy-defaulting
import { containersOf } from '../../containers';
import { asString, hasKey } from '../../json';
import { defaultPullPolicy, looksTemplated, parseImageReference, pullsLatest } from '../../k8s/image-reference';
import { capitalize, describeContainer } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const imagePullPolicyImplicit: Rule = {
  meta: {
    id: 'image-pull-policy-implicit',
    defaultSeverity: 'info',
    category: 'images',
    summary: 'imagePullPolicy is omitted on an image pinned by digest but tagged latest, so it defaults to Always.',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers'])) {
      if (hasKey(ref.container, 'imagePullPolicy') && asString(ref.container.imagePullPolicy) !== '') continue;
      const image = asString(ref.container.image);
      if (!image || looksTemplated(image)) continue;
      const reference = parseImageReference(image);
      // Untagged or latest without a digest: image-latest-tag already says it pulls Always.
      if (!reference || pullsLatest(reference) || !reference.digest || defaultPullPolicy(reference) !== 'Always') continue;
      findings.push({
        path: [...ref.path, 'image'],
        target: 'key',
        message: `${capitalize(describeContainer(ref))}: imagePullPolicy defaults to Always despite the digest`,
        detail:
          'Kubernetes picks the default pull policy from the tag alone: ":latest" gives Always, even when a digest pins the image. ' +
          'Every Pod start then asks the registry, and Pods cannot start while it is unreachable. ' +
          'Set imagePullPolicy: IfNotPresent (the digest already pins the image), or drop the ":latest" tag. The policy is stored at creation.',
        fixes: [
          {
            title: 'Set imagePullPolicy: IfNotPresent (the digest pins the image)',
            intents: [{ op: 'insert', path: ref.path, key: 'imagePullPolicy', value: 'IfNotPresent', after: 'image' }],
            preferred: true,
          },
          { title: 'Set imagePullPolicy: Always explicitly', intents: [{ op: 'insert', path: ref.path, key: 'imagePullPolicy', value: 'Always', after: 'image' }] },
        ],
      });
    }
    return findings;
  },
};
