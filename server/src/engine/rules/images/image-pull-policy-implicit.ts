// When imagePullPolicy is omitted, the API server fills it in once, at creation, from the tag:
// Always for `:latest` or an untagged image, IfNotPresent otherwise (digests included). Editing
// the tag of a stored object later does not change the policy it already got.
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
    summary: 'imagePullPolicy is omitted; says what Kubernetes will default it to.',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers'])) {
      if (hasKey(ref.container, 'imagePullPolicy') && asString(ref.container.imagePullPolicy) !== '') continue;
      const image = asString(ref.container.image);
      if (!image || looksTemplated(image)) continue;
      const reference = parseImageReference(image);
      // For latest/untagged images image-latest-tag already says the policy defaults to Always.
      if (!reference || pullsLatest(reference)) continue;
      const policy = defaultPullPolicy(reference);
      const why =
        policy === 'Always'
          ? 'the tag is "latest"; the digest does not change the default'
          : reference.digest && !reference.tag
            ? 'the image is pinned by digest'
            : `the tag is "${reference.tag}", not latest`;
      findings.push({
        path: [...ref.path, 'image'],
        target: 'key',
        message:
          `${capitalize(describeContainer(ref))} has no imagePullPolicy; Kubernetes sets it to ${policy} when the object is created (${why})${policy === 'IfNotPresent' ? ', so a node reuses an image it already has' : ''}. ` +
          'The policy is stored with the object: changing the tag later does not change it.',
        fixes: [{ title: `Set imagePullPolicy: ${policy} explicitly`, intents: [{ op: 'insert', path: ref.path, key: 'imagePullPolicy', value: policy, after: 'image' }] }],
      });
    }
    return findings;
  },
};
