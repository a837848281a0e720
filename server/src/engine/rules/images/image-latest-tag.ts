// An image with the tag `latest`, or with neither tag nor digest (which means `latest`), runs
// whatever the tag points at when a node pulls it: Pods of one workload can run different
// builds, and rollbacks do not roll back. The tag is after the last ':' of the last path
// component, so `registry:5000/app` is untagged and `192.168.80.30/team/app:v1` is tagged; a
// digest (`@sha256:…`) pins the image. pkg/util/parsers ParseImageName.
// https://kubernetes.io/docs/concepts/containers/images/#image-names
import { containersOf } from '../../containers';
import { asString } from '../../json';
import { looksTemplated, parseImageReference, pullsLatest } from '../../k8s/image-reference';
import { capitalize, describeContainer } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const imageLatestTag: Rule = {
  meta: {
    id: 'image-latest-tag',
    defaultSeverity: 'warning',
    category: 'images',
    summary: 'An image uses the latest tag, or no tag and no digest (which means latest).',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers'])) {
      const image = asString(ref.container.image);
      if (!image || looksTemplated(image)) continue;
      const reference = parseImageReference(image);
      if (!reference || !pullsLatest(reference)) continue;
      const policy = asString(ref.container.imagePullPolicy);
      const what = reference.tag === 'latest' ? 'uses the latest tag' : 'has no tag, so it runs latest';
      const pull =
        policy === 'IfNotPresent' || policy === 'Never'
          ? `With imagePullPolicy ${policy} each node keeps whichever latest it pulled first, so Pods can run different builds.`
          : policy === 'Always'
            ? 'Every Pod start pulls whatever latest is at that moment, so Pods can run different builds and a rollback does not restore the old one.'
            : 'imagePullPolicy defaults to Always, so every Pod start pulls whatever latest is at that moment and Pods can run different builds.';
      findings.push({
        path: [...ref.path, 'image'],
        target: 'value',
        message: `${capitalize(describeContainer(ref))}: the image ${what}`,
        detail: `Image "${image}" ${what}. ${pull} Pin a version tag (for example ${reference.repository.split('/').pop()}:1.2.3) or a digest.`,
      });
    }
    return findings;
  },
};
