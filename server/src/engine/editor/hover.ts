// Hover: the field's facts for the target version (type, required, values, default, the versions
// that have it), our own short note on it, and what Kubernetes will do with the values as written
// (defaults applied): the probe timeline, the shutdown timeline, the mirror Pod of a static Pod,
// the replacement of a removed apiVersion.
import { PROBE_TIMING_FIELDS } from '../defaults';
import { asObject, getIn, isObject, type JsonObject } from '../json';
import { findPodSpec } from '../pod-specs';
import { ruleMeta } from '../rules';
import { snapshotOf, type FileSnapshot } from '../snapshot';
import { ruleDocsLink } from '../../shared/rule-docs';
import type { FieldPath, Finding, KubernetesVersion, OffsetRange } from '../types';
import { isCustomGroup } from '../k8s/api-catalog';
import type { CheckEnvironment } from '../rule-types';
import { nodeAt } from './ast-path';
import { customFieldFacts, customSchemaOf, customVersionFacts, editorEnv, isMetadataPath, METADATA_STAND_IN } from './cr-schema-info';
import { schemaForPath } from './schema-info';
import { fieldNote } from './field-docs';
import { fieldFacts, isCustomKind } from './field-facts';
import { apiVersionFacts, probeFacts, pullPolicyFacts, shutdownFacts, staticPodFacts } from './hover-facts';

export interface HoverOptions {
  version: KubernetesVersion;
  /** The file is a static-Pod manifest (path glob); a `# podwise: static-pod` comment also counts. */
  staticPod?: boolean;
}

export interface EditorHover {
  markdown: string;
  /** Whole-text range of the hovered key or value. */
  range: OffsetRange;
}

const STATIC_POD_MARKER = /^#\s*podwise:\s*static-pod\b/m;
const CONTAINER_GROUPS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
const TIMING_FIELDS = new Set<string>(PROBE_TIMING_FIELDS);

/**
 * Hover at `offset` of a file (its snapshot: the parse of the analysis; or a text), or undefined
 * when there is nothing worth saying (never throws).
 */
export function hoverAt(file: string | FileSnapshot, offset: number, options: HoverOptions): EditorHover | undefined {
  try {
    return computeHover(snapshotOf(file), offset, options);
  } catch {
    return undefined;
  }
}

function computeHover(snapshot: FileSnapshot, offset: number, options: HoverOptions): EditorHover | undefined {
  const located = snapshot.documentAt(offset);
  if (!located) return undefined;
  const { parsed, chunk } = located;
  if (parsed.kind !== 'kubernetes' || !isObject(parsed.value)) return undefined;
  const hit = nodeAt(parsed.document, Math.min(offset - chunk.start, chunk.text.length));
  if (!hit || hit.path.length === 0) return undefined;
  const object = parsed.value;
  const kind = parsed.objectKind ?? '';
  const apiVersion = parsed.apiVersion ?? '';
  const path = hit.path;
  const key = path[path.length - 1];
  const sections: string[] = [];

  if (typeof key === 'string' && hit.target === 'key') {
    const field = fieldSection(key, path, object, kind, apiVersion, options.version, editorEnv(located.objects[0]?.env, options.version));
    if (field) sections.push(field);
  }
  sections.push(...computedFacts(object, kind, apiVersion, path, options, snapshot.source));
  if (path.length === 1 && path[0] === 'apiVersion') {
    const versions = customVersionFacts(apiVersion, kind, editorEnv(located.objects[0]?.env, options.version));
    if (versions) sections.push(versions);
  }
  if (sections.length === 0) return undefined;
  const shift = chunk.start;
  return { markdown: sections.join('\n\n---\n\n'), range: { start: hit.range.start + shift, end: hit.range.end + shift } };
}

/**
 * The field's own section: the schema's facts (type, required, values, default, versions), then
 * our note. A custom resource's fields get the structure its CRD declares (cr-schema-info.ts) and
 * no note (a CRD's `image` or `port` can mean anything); its metadata is an ObjectMeta like any
 * other. Without a CRD we know nothing about them.
 */
function fieldSection(key: string, path: FieldPath, object: JsonObject, kind: string, apiVersion: string, version: KubernetesVersion, env: CheckEnvironment): string | undefined {
  const custom = isCustomGroup(apiVersion) || isCustomKind(version, kind);
  if (custom && isMetadataPath(path)) return fieldFacts(version, METADATA_STAND_IN.apiVersion, METADATA_STAND_IN.kind, path);
  if (custom) {
    const schema = customSchemaOf(apiVersion, kind, env);
    const facts = schema ? customFieldFacts(schema, path) : undefined;
    // In a Pod template a custom resource embeds (a Rollout's), a probe is a probe: our note applies.
    const podSpec = findPodSpec(apiVersion, kind, object);
    const inPod = podSpec && path.length > podSpec.specPath.length && startsWith(path, podSpec.specPath) ? ['spec', ...path.slice(podSpec.specPath.length)] : undefined;
    // Only a field the Pod has: Knative's RevisionSpec adds its own `timeoutSeconds` next to the Pod's fields.
    // Our notes state the API server's defaults: not for a controller that sets its own (Knative).
    const note = inPod && !podSpec?.controllerDefaults && schemaForPath(version, 'v1', 'Pod', inPod) ? fieldNote(key, inPod.slice(0, -1)) : undefined;
    if (!facts && !note) return undefined;
    return [facts ?? `**${key}**`, note?.markdown].filter((part): part is string => part !== undefined).join('\n\n');
  }
  const note = fieldNote(key, path.slice(0, -1));
  const facts = fieldFacts(version, apiVersion, kind, path, { omitDefault: note?.statesDefault === true });
  if (!facts && !note) return undefined;
  return [facts ?? `**${key}**`, note?.markdown].filter((part): part is string => part !== undefined).join('\n\n');
}

function computedFacts(object: JsonObject, kind: string, apiVersion: string, path: FieldPath, options: HoverOptions, text: string): string[] {
  const facts: string[] = [];
  if (path.length === 1 && path[0] === 'apiVersion' && !isCustomGroup(apiVersion)) {
    const note = apiVersionFacts(apiVersion, kind, options.version);
    if (note) facts.push(note);
  }
  const staticPod = options.staticPod === true || STATIC_POD_MARKER.test(text);
  if (staticPod && kind === 'Pod' && path[0] === 'metadata' && (path.length === 1 || (path.length === 2 && path[1] === 'name'))) {
    facts.push(staticPodFacts(object));
  }
  const location = findPodSpec(apiVersion, kind, object);
  // The timelines assume the API server's defaults; a controller that sets its own (Knative) runs others.
  if (!location || location.controllerDefaults || !startsWith(path, location.specPath)) return facts;
  const rest = path.slice(location.specPath.length);
  const spec = location.spec;
  if (rest.length === 1 && rest[0] === 'terminationGracePeriodSeconds') {
    facts.push(shutdownFacts(spec, undefined));
    return facts;
  }
  const [group, index, field, sub] = rest;
  if (typeof group !== 'string' || !CONTAINER_GROUPS.has(group) || typeof index !== 'number') return facts;
  const container = asObject(getIn(spec, [group, index]));
  if (!container) return facts;
  const onProbe = rest.length === 3 || (rest.length === 4 && typeof sub === 'string' && TIMING_FIELDS.has(sub));
  if ((field === 'livenessProbe' || field === 'readinessProbe' || field === 'startupProbe') && onProbe) {
    const probe = asObject(container[field]);
    if (probe) facts.push(probeFacts(probe, field, container, spec));
  } else if (field === 'lifecycle' && (rest.length === 3 || (rest.length >= 4 && sub === 'preStop'))) {
    facts.push(shutdownFacts(spec, container));
  } else if ((field === 'image' || field === 'imagePullPolicy') && rest.length === 3) {
    const note = pullPolicyFacts(container);
    if (note) facts.push(note);
  }
  return facts;
}

/**
 * Hover text for a finding: its message, the longer explanation (the finding's `detail`, or the
 * rule's summary when it gives none), the fixes offered, and one link to the rule's page. Nothing
 * is said twice.
 */
export function findingHoverMarkdown(finding: Pick<Finding, 'ruleId' | 'message' | 'detail' | 'fixes'>, docsLink?: string): string {
  const meta = ruleMeta(finding.ruleId);
  const parts = [`**${finding.message}**`];
  const explanation = finding.detail ?? meta?.summary;
  if (explanation && explanation !== finding.message) parts.push(explanation);
  const titles = [...new Set(finding.fixes.map((fix) => fix.title))];
  if (titles.length > 0) parts.push(`Quick fix: ${titles.join(' · ')}`);
  if (docsLink) parts.push(`[${finding.ruleId}](${docsLink})`);
  return parts.join('\n\n');
}

/**
 * Hover text for a finding's rule: its summary, default severity and docs page. `docsBase`: where
 * the front end has the rule pages (node/rule-docs-location.ts); no link without it.
 */
export function ruleHoverMarkdown(ruleId: string, docsBase?: string): string | undefined {
  const meta = ruleMeta(ruleId);
  if (!meta) return undefined;
  const text = `**${meta.id}** · ${meta.defaultSeverity} · ${meta.category}\n\n${meta.summary}`;
  return docsBase === undefined ? text : `${text}\n\n[Documentation](${ruleDocsLink(docsBase, meta.id)})`;
}

function startsWith(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}
