// Custom resources that embed a Pod template, keyed by API group and kind (a kind name alone is
// ambiguous: Knative's `Service` is not the core Service). Their controllers create Pods from
// the template, so the Pod-spec rules judge it as they judge a Deployment's: a Pod the API server
// rejects is rejected just the same when the controller creates it.
// https://kubernetes.io/docs/concepts/extend-kubernetes/api-extension/custom-resources/
import type { FieldPath } from '../types';
import { splitApiVersion } from './api-catalog';

export interface CustomPodTemplate {
  group: string;
  kind: string;
  /** Path of the Pod template (metadata + spec); [] when the object itself is shaped like one. */
  templatePath: FieldPath;
  /** When this field is set the object has no template of its own (it points at another workload). */
  templateAbsentWhen?: FieldPath;
  /** Labels the controller adds to every Pod it creates; a Service may select on them. */
  controllerLabels: readonly string[];
  /** Pod-spec rules whose premise the controller changes for this kind (it fills the field in). */
  skipRules: readonly string[];
  /** Runs long-lived replicas behind Services and replaces them on every change of the template. */
  rollsOut: boolean;
  /**
   * The controller fills in omitted Pod fields its own way (Knative: probe handlers and periods,
   * the grace period from the request timeout), so the API server's defaults are not what runs.
   */
  controllerDefaults?: true;
}

const JOB_LABELS = ['job-name', 'batch.kubernetes.io/job-name', 'controller-uid', 'batch.kubernetes.io/controller-uid', 'batch.kubernetes.io/job-completion-index'];

/**
 * Knative Serving fills in what these rules miss: a probe without a handler gets a TCP check on
 * the serving port, a Revision without a readiness probe gets one, `periodSeconds: 0` asks for
 * aggressive readiness probing (not the default of 10 s), and image tags are resolved to digests
 * when a Revision is created, so a tag cannot drift under running Pods.
 * https://knative.dev/docs/serving/services/health-checks/
 * https://knative.dev/docs/serving/tag-resolution/
 */
const KNATIVE_SKIPS = ['probe-handler-count', 'probe-readiness-missing', 'probe-negative-field', 'image-latest-tag'];
const KNATIVE_LABELS = ['app', 'serving.knative.dev/service', 'serving.knative.dev/configuration', 'serving.knative.dev/revision', 'serving.knative.dev/revisionUID'];

const TEMPLATES: readonly CustomPodTemplate[] = [
  // Argo Rollouts: a Deployment-like template, or `workloadRef` to an existing Deployment's.
  // https://argo-rollouts.readthedocs.io/en/stable/features/specification/
  {
    group: 'argoproj.io',
    kind: 'Rollout',
    templatePath: ['spec', 'template'],
    templateAbsentWhen: ['spec', 'workloadRef'],
    controllerLabels: ['rollouts-pod-template-hash'],
    skipRules: [],
    rollsOut: true,
  },
  // KEDA creates one Job per scaling decision from spec.jobTargetRef (a Job spec).
  // https://keda.sh/docs/latest/reference/scaledjob-spec/
  {
    group: 'keda.sh',
    kind: 'ScaledJob',
    templatePath: ['spec', 'jobTargetRef', 'template'],
    controllerLabels: [...JOB_LABELS, 'scaledjob.keda.sh/name'],
    skipRules: [],
    rollsOut: false,
  },
  // Knative Serving: Service and Configuration carry a Revision template; a Revision's spec is
  // the Pod spec subset itself. https://knative.dev/docs/serving/reference/serving-api/
  {
    group: 'serving.knative.dev',
    kind: 'Service',
    templatePath: ['spec', 'template'],
    controllerLabels: KNATIVE_LABELS,
    skipRules: KNATIVE_SKIPS,
    rollsOut: false,
    controllerDefaults: true,
  },
  {
    group: 'serving.knative.dev',
    kind: 'Configuration',
    templatePath: ['spec', 'template'],
    controllerLabels: KNATIVE_LABELS,
    skipRules: KNATIVE_SKIPS,
    rollsOut: false,
    controllerDefaults: true,
  },
  { group: 'serving.knative.dev', kind: 'Revision', templatePath: [], controllerLabels: KNATIVE_LABELS, skipRules: KNATIVE_SKIPS, rollsOut: false, controllerDefaults: true },
];

const BY_KEY = new Map(TEMPLATES.map((entry) => [`${entry.group}/${entry.kind}`, entry]));

/** The custom kind's Pod template entry, when `apiVersion kind` embeds one (any version of the group). */
export function customPodTemplate(apiVersion: string, kind: string): CustomPodTemplate | undefined {
  return BY_KEY.get(`${splitApiVersion(apiVersion).group}/${kind}`);
}
