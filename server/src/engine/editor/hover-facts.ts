// The computed part of hovers: what the kubelet and the API server will do with the values as
// written, defaults applied and named.
import { gracePeriod, type ProbeKind } from '../defaults';
import { asArray, asInteger, asObject, asString, getIn, type JsonObject } from '../json';
import { pickReplacement } from '../k8s/api-catalog';
import { defaultPullPolicy, looksTemplated, parseImageReference } from '../k8s/image-reference';
import { deprecationFor } from '../k8s/deprecation-table';
import { shutdownTimeline } from '../k8s/shutdown-timeline';
import { probeTimeline } from '../k8s/probe-timeline';
import { definitionFor, servedKinds } from '../schema';
import type { KubernetesVersion } from '../types';
import { minorOf } from '../versions';

const PROBES_URL = 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/';
const TERMINATION_URL = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination';
const STATIC_URL = 'https://kubernetes.io/docs/tasks/configure-pod-container/static-pod/';
const IMAGES_URL = 'https://kubernetes.io/docs/concepts/containers/images/#imagepullpolicy-defaulting';
const DEPRECATION_URL = 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "first check at 60 s; restarted after 2 failures, 5 s apart ⇒ ~70 s after start", and more. */
export function probeFacts(probe: JsonObject, kind: ProbeKind, container: JsonObject, spec: JsonObject): string {
  const timeline = probeTimeline(probe, kind);
  const { fields } = timeline;
  const period = fields.periodSeconds.value;
  const failures = fields.failureThreshold.value;
  const first = `first check at ${timeline.firstCheckSeconds} s`;
  const apart = `${plural(failures, 'failure')}, ${period} s apart`;
  const lines: string[] = [];
  if (kind === 'livenessProbe') {
    lines.push(`${first}; restarted after ${apart} ⇒ ~${timeline.worstCaseSeconds ?? 0} s after start if it never answers`);
    lines.push(`once running, a hang is noticed and the container restarted within ~${timeline.failureWindowSeconds} s`);
  } else if (kind === 'startupProbe') {
    lines.push(`${first}; gives up after ${apart} ⇒ the container is restarted ~${timeline.worstCaseSeconds ?? 0} s after start if it never passes`);
    lines.push('liveness and readiness probes do not run until it passes');
  } else {
    lines.push(`${first}; not Ready until it passes (at the earliest ${timeline.earliestPassSeconds} s after start)`);
    lines.push(`unready after ${apart} ⇒ out of Service endpoints ~${timeline.failureWindowSeconds} s after it starts failing; never restarted by this probe`);
  }
  const startup = asObject(container.startupProbe);
  if (startup && kind !== 'startupProbe') {
    const budget = probeTimeline(startup, 'startupProbe').worstCaseSeconds ?? 0;
    lines.push(`does not run until the startupProbe passes (up to ~${budget} s); initialDelaySeconds still counts from container start`);
  }
  if (kind !== 'readinessProbe') {
    const own = asInteger(probe.terminationGracePeriodSeconds);
    const pod = gracePeriod(spec);
    lines.push(
      own !== undefined
        ? `kill grace: ${own} s (this probe's own terminationGracePeriodSeconds)`
        : `kill grace: ${pod.value} s (the Pod's terminationGracePeriodSeconds${pod.defaulted ? ', defaulted' : ''})`,
    );
  }
  if (fields.timeoutSeconds.value >= period)
    lines.push(`timeoutSeconds (${fields.timeoutSeconds.value}) ≥ periodSeconds (${period}): checks run back to back, the period means little`);
  const defaulted = Object.entries(fields)
    .filter(([, value]) => value.defaulted)
    .map(([name, value]) => `${name} ${value.value}`);
  const defaults = defaulted.length > 0 ? `\n\nDefaults applied: ${defaulted.join(', ')}.` : '\n\nNo defaults applied: every timing field is set.';
  return `**${kind} timeline**\n\n${lines.map((line) => `- ${line}`).join('\n')}${defaults} [Probe timing](${PROBES_URL})`;
}

/**
 * The shutdown timeline of one container, or of every container with a preStop hook (the grace
 * period is per Pod, the hooks per container). Endpoint removal is not a step the kubelet waits
 * for: it starts at deletion, in parallel, which is why a preStop sleep helps at all.
 */
export function shutdownFacts(spec: JsonObject, container: JsonObject | undefined): string {
  const grace = gracePeriod(spec);
  const hooked = withPreStop(spec);
  const first = asObject(asArray(spec.containers)[0]);
  const targets = container ? [container] : hooked.length > 0 ? hooked : first ? [first] : [];
  const graceText = `${grace.value} s${grace.defaulted ? ' (terminationGracePeriodSeconds omitted: default 30)' : ''}`;
  const blocks = targets.map((target) => {
    const timeline = shutdownTimeline(spec, target);
    const name = asString(target.name);
    const steps = [
      'The Pod is marked Terminating. Removal from Service endpoints starts at the same moment, in parallel; proxies and load balancers need a few seconds to notice.',
      ...timeline.steps,
    ];
    const title = name ? `Container "${name}"${timeline.preStop ? '' : ' (no preStop hook)'}` : 'Container';
    return `${title}:\n${steps.map((step, index) => `${index + 1}. ${step}`).join('\n')}`;
  });
  return `**Shutdown timeline** · grace period ${graceText}\n\n${blocks.join('\n\n')}\n\n[Pod termination](${TERMINATION_URL})`;
}

function withPreStop(spec: JsonObject): JsonObject[] {
  const containers: JsonObject[] = [];
  for (const group of ['initContainers', 'containers']) {
    const list = getIn(spec, [group]);
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const object = asObject(item);
      if (object && asObject(getIn(object, ['lifecycle', 'preStop']))) containers.push(object);
    }
  }
  return containers;
}

/** The pull policy an omitted imagePullPolicy becomes, decided by the image reference. */
/** The values the API server accepts for imagePullPolicy. */
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;

export function pullPolicyFacts(container: JsonObject): string | undefined {
  const image = asString(container.image);
  const explicit = asString(container.imagePullPolicy);
  if (image === undefined || looksTemplated(image)) return undefined;
  const reference = parseImageReference(image);
  if (!reference) return undefined;
  const implied = defaultPullPolicy(reference);
  const pinned = reference.digest ? `digest ${reference.digest.slice(0, 19)}…` : reference.tag ? `tag \`${reference.tag}\`` : 'no tag and no digest (the runtime pulls `:latest`)';
  // Only a policy the API accepts is "set explicitly"; anything else is a schema-enum finding.
  const valid = explicit !== undefined && (PULL_POLICIES as readonly string[]).includes(explicit);
  const what = valid
    ? `Set explicitly to \`${explicit}\`; left out it would be \`${implied}\``
    : explicit !== undefined
      ? `\`${explicit}\` is not a pull policy (${PULL_POLICIES.map((policy) => `\`${policy}\``).join(', ')}); left out it would be \`${implied}\``
      : `\`imagePullPolicy\` is omitted, so the API server sets **\`${implied}\`** when the object is created`;
  return `**Image pull** · ${pinned}\n\n${what}. The default is fixed at creation: changing the tag later does not change it. [Image pull policy](${IMAGES_URL})`;
}

/** The mirror Pod a static Pod gets, and how to restart one. */
export function staticPodFacts(object: JsonObject): string {
  const name = asString(getIn(object, ['metadata', 'name'])) ?? '<name>';
  const namespace = asString(getIn(object, ['metadata', 'namespace'])) ?? 'default';
  const nodeName = asString(getIn(object, ['spec', 'nodeName']));
  const lines = [
    `The kubelet runs this Pod from the file and shows it in the API as the mirror Pod **\`${name}-<nodeName>\`** (its node name, lower-cased) in namespace \`${namespace}\`.`,
    'The mirror Pod is read-only: `kubectl delete pod` only removes the mirror for a moment; the containers keep running and the kubelet recreates it.',
    'To restart it, edit the manifest file (any change recreates the Pod), or move the file out of the manifest directory, wait for the Pod to stop, and move it back.',
  ];
  if (nodeName) lines.push(`\`spec.nodeName: ${nodeName}\` is overwritten by the kubelet with its own node name.`);
  return `**Static Pod**\n\n${lines.join('\n\n')}\n\n[Static Pods](${STATIC_URL})`;
}

/**
 * A deprecated or removed apiVersion: since when, and what replaces it at the target version
 * (the api-versions rules' table). For an apiVersion the table does not know but the target does
 * not serve, the served kinds of the target name the alternative.
 */
export function apiVersionFacts(apiVersion: string, kind: string, version: KubernetesVersion): string | undefined {
  if (!apiVersion || !kind) return undefined;
  const entry = deprecationFor(apiVersion, kind);
  const minor = minorOf(version);
  if (entry && (minor >= entry.removed || (entry.deprecated !== undefined && minor >= entry.deprecated))) {
    const replacement = pickReplacement(entry, version, kind);
    const status =
      minor >= entry.removed
        ? `was removed in Kubernetes 1.${entry.removed}: a ${version} API server answers "no matches for kind"`
        : `is deprecated since 1.${entry.deprecated ?? entry.removed} and goes away in 1.${entry.removed}`;
    const rename = replacement?.kind && replacement.kind !== kind ? ` with \`kind: ${replacement.kind}\`` : '';
    const use = replacement ? ` Use **\`apiVersion: ${replacement.apiVersion}\`**${rename} (served since 1.${replacement.since}).` : '';
    const note = entry.note ? ` ${entry.note}` : '';
    return `**\`${apiVersion}\` ${kind}** ${status}.${use}${note} [Deprecation guide](${DEPRECATION_URL})`;
  }
  if (definitionFor(version, apiVersion, kind) !== undefined) return undefined;
  const candidates = servedKinds(version).filter((served) => served.kind === kind);
  // Nothing serves the kind: most likely a custom resource, about which we know nothing.
  if (candidates.length === 0) return undefined;
  const list = candidates.map((served) => `\`${served.apiVersion}\``).join(', ');
  return `**\`${apiVersion}\` ${kind}** is not served by Kubernetes ${version}. ${kind} is served as ${list}. [Deprecation guide](${DEPRECATION_URL})`;
}
