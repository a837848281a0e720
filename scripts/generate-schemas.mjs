#!/usr/bin/env node
// Generates the committed schemas under schemas/ from the Kubernetes OpenAPI v2 definitions
// (one v1.NN.json per minor version; see /work/shared/k8s-openapi/README.md):
//   schemas/v1.NN/definitions.json  structure-only, strict JSON Schema (draft-07, ajv-compatible)
//   schemas/v1.NN/index.json        "<apiVersion>/<Kind>" → definition name
//   schemas/versions.json           versions and the default
// Descriptions are dropped on purpose: the project writes its own field documentation.
//
// Usage: node scripts/generate-schemas.mjs [--source DIR] [--out DIR]
// The source defaults to $K8S_OPENAPI_DIR, else ../shared/k8s-openapi next to the repository.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SOURCE_DIR = process.env.K8S_OPENAPI_DIR ?? path.resolve(ROOT, '..', 'shared', 'k8s-openapi');
export const DEFAULT_OUT_DIR = path.join(ROOT, 'schemas');

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
/** Free-form JSON in the API: never strict, whatever their properties say. */
const OPEN_DEFINITIONS = new Set([
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON',
  'io.k8s.apimachinery.pkg.runtime.RawExtension',
  `${META}FieldsV1`,
  `${META}Patch`,
]);
/** Kinds every group "serves" only as API plumbing; no one writes them as manifests. */
const SKIPPED_KINDS = new Set([`${META}DeleteOptions`, `${META}WatchEvent`]);

// Mirrors resource.ParseQuantity (after the space trimming its JSON decoding does): a decimal
// number, then nothing, a binary (Ki…Ei) or decimal SI suffix, or an exponent. Plain JSON
// numbers are also quantities.
const QUANTITY_PATTERN = '^\\s*[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?\\s*$';
// Go decodes []byte from standard, padded base64 and skips CR/LF anywhere in it.
const B64 = '[A-Za-z0-9+/][\\r\\n]*';
const BASE64_PATTERN = `^[\\r\\n]*(${B64}${B64}${B64}${B64})*(${B64}${B64}=[\\r\\n]*=|${B64}${B64}${B64}=)?[\\r\\n]*$`;
const INT32 = { minimum: -2147483648, maximum: 2147483647 };

// ---- Enum overlay: closed value sets the source lacks (our own table). ----
// definition → property → values | { values, items?, empty?, since?, until? } | [variants].
// items: values apply to array items; empty: "" is accepted too (the API server defaults it);
// since/until: inclusive minor versions. Entries apply only where the property exists; an entry
// that matches in no version at all fails the generator (catches typos).
const CORE = 'io.k8s.api.core.v1.';
const PROTOCOLS = { values: ['TCP', 'UDP', 'SCTP'], empty: true };
const PULL_POLICY = { values: ['Always', 'IfNotPresent', 'Never'], empty: true };
const TERMINATION_MESSAGE = { values: ['File', 'FallbackToLogsOnError'], empty: true };
const PROFILE_TYPES = ['RuntimeDefault', 'Unconfined', 'Localhost'];
const SET_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
const ACCESS_MODES = { items: true, values: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'] };
const VOLUME_MODES = ['Filesystem', 'Block'];
const TRAFFIC_POLICIES = { values: ['Cluster', 'Local'], empty: true };
const UPDATE_STRATEGIES = { values: ['RollingUpdate', 'OnDelete'], empty: true };
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const RETENTION = ['Retain', 'Delete'];
const HONOR_IGNORE = ['Honor', 'Ignore'];
const POD_RESTART = ['Always', 'OnFailure', 'Never'];
const WEBHOOK = { failurePolicy: ['Ignore', 'Fail'], matchPolicy: ['Exact', 'Equivalent'], sideEffects: ['None', 'NoneOnDryRun'] };

export const ENUM_OVERLAY = {
  [`${CORE}PodSpec`]: {
    restartPolicy: { values: POD_RESTART, empty: true },
    dnsPolicy: { values: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'], empty: true },
    preemptionPolicy: ['PreemptLowerPriority', 'Never'],
  },
  [`${CORE}Container`]: {
    imagePullPolicy: PULL_POLICY,
    terminationMessagePolicy: TERMINATION_MESSAGE,
    // Up to 1.33 only sidecar (init) containers set it, to Always. From 1.34 a container-level
    // policy may override the Pod's, so the Pod's value set applies.
    restartPolicy: [
      { values: ['Always'], until: 33 },
      { values: POD_RESTART, since: 34 },
    ],
  },
  [`${CORE}EphemeralContainer`]: { imagePullPolicy: PULL_POLICY, terminationMessagePolicy: TERMINATION_MESSAGE },
  [`${CORE}ContainerPort`]: { protocol: PROTOCOLS },
  [`${CORE}ServicePort`]: { protocol: PROTOCOLS },
  [`${CORE}EndpointPort`]: { protocol: PROTOCOLS },
  'io.k8s.api.discovery.v1.EndpointPort': { protocol: PROTOCOLS },
  'io.k8s.api.networking.v1.NetworkPolicyPort': { protocol: PROTOCOLS },
  [`${CORE}HTTPGetAction`]: { scheme: { values: ['HTTP', 'HTTPS'], empty: true } },
  [`${CORE}ServiceSpec`]: {
    type: { values: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'], empty: true },
    externalTrafficPolicy: TRAFFIC_POLICIES,
    internalTrafficPolicy: TRAFFIC_POLICIES,
    sessionAffinity: { values: ['ClientIP', 'None'], empty: true },
    ipFamilyPolicy: ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
    ipFamilies: { items: true, values: ['IPv4', 'IPv6'] },
  },
  [`${CORE}PersistentVolumeSpec`]: {
    persistentVolumeReclaimPolicy: { values: ['Retain', 'Delete', 'Recycle'], empty: true },
    accessModes: ACCESS_MODES,
    volumeMode: VOLUME_MODES,
  },
  [`${CORE}PersistentVolumeClaimSpec`]: { accessModes: ACCESS_MODES, volumeMode: VOLUME_MODES },
  [`${CORE}Toleration`]: {
    // Lt/Gt (numeric comparison, feature-gated) arrived in 1.35; "" means Equal.
    operator: [
      { values: ['Exists', 'Equal'], empty: true, until: 34 },
      { values: ['Exists', 'Equal', 'Lt', 'Gt'], empty: true, since: 35 },
    ],
    effect: { values: TAINT_EFFECTS, empty: true }, // "" tolerates every effect
  },
  [`${CORE}Taint`]: { effect: TAINT_EFFECTS },
  [`${CORE}NodeSelectorRequirement`]: { operator: [...SET_OPERATORS, 'Gt', 'Lt'] },
  [`${META}LabelSelectorRequirement`]: { operator: SET_OPERATORS },
  [`${CORE}ScopedResourceSelectorRequirement`]: { operator: SET_OPERATORS },
  [`${CORE}SeccompProfile`]: { type: PROFILE_TYPES },
  [`${CORE}AppArmorProfile`]: { type: PROFILE_TYPES },
  [`${CORE}VolumeMount`]: {
    mountPropagation: ['None', 'HostToContainer', 'Bidirectional'],
    recursiveReadOnly: ['Disabled', 'IfPossible', 'Enabled'],
  },
  [`${CORE}HostPathVolumeSource`]: {
    type: { values: ['DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'], empty: true },
  },
  [`${CORE}ImageVolumeSource`]: { pullPolicy: PULL_POLICY },
  [`${CORE}TopologySpreadConstraint`]: {
    whenUnsatisfiable: ['DoNotSchedule', 'ScheduleAnyway'],
    nodeAffinityPolicy: HONOR_IGNORE,
    nodeTaintsPolicy: HONOR_IGNORE,
  },
  [`${CORE}PodSecurityContext`]: {
    fsGroupChangePolicy: ['OnRootMismatch', 'Always'],
    seLinuxChangePolicy: ['MountOption', 'Recursive'],
    supplementalGroupsPolicy: ['Merge', 'Strict'],
  },
  [`${CORE}ContainerResizePolicy`]: { resourceName: ['cpu', 'memory'], restartPolicy: ['NotRequired', 'RestartContainer'] },
  [`${CORE}ContainerRestartRule`]: { action: ['Restart'] },
  [`${CORE}ContainerRestartRuleOnExitCodes`]: { operator: ['In', 'NotIn'] },
  [`${CORE}PodOS`]: { name: ['linux', 'windows'] },
  'io.k8s.api.apps.v1.DeploymentStrategy': { type: { values: ['Recreate', 'RollingUpdate'], empty: true } },
  'io.k8s.api.apps.v1.StatefulSetSpec': { podManagementPolicy: { values: ['OrderedReady', 'Parallel'], empty: true } },
  'io.k8s.api.apps.v1.StatefulSetUpdateStrategy': { type: UPDATE_STRATEGIES },
  'io.k8s.api.apps.v1.DaemonSetUpdateStrategy': { type: UPDATE_STRATEGIES },
  'io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy': { whenDeleted: RETENTION, whenScaled: RETENTION },
  'io.k8s.api.batch.v1.JobSpec': { completionMode: ['NonIndexed', 'Indexed'], podReplacementPolicy: ['TerminatingOrFailed', 'Failed'] },
  'io.k8s.api.batch.v1.CronJobSpec': { concurrencyPolicy: { values: ['Allow', 'Forbid', 'Replace'], empty: true } },
  'io.k8s.api.batch.v1.PodFailurePolicyRule': { action: ['FailJob', 'FailIndex', 'Ignore', 'Count'] },
  'io.k8s.api.batch.v1.PodFailurePolicyOnExitCodesRequirement': { operator: ['In', 'NotIn'] },
  'io.k8s.api.batch.v1.PodFailurePolicyOnPodConditionsPattern': { status: ['True', 'False', 'Unknown'] },
  'io.k8s.api.networking.v1.HTTPIngressPath': { pathType: ['Exact', 'Prefix', 'ImplementationSpecific'] },
  'io.k8s.api.networking.v1.NetworkPolicySpec': { policyTypes: { items: true, values: ['Ingress', 'Egress'] } },
  'io.k8s.api.policy.v1.PodDisruptionBudgetSpec': { unhealthyPodEvictionPolicy: ['IfHealthyBudget', 'AlwaysAllow'] },
  'io.k8s.api.storage.v1.StorageClass': { reclaimPolicy: ['Delete', 'Retain'], volumeBindingMode: ['Immediate', 'WaitForFirstConsumer'] },
  'io.k8s.api.autoscaling.v2.MetricSpec': { type: ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'] },
  'io.k8s.api.autoscaling.v2.MetricTarget': { type: ['Utilization', 'Value', 'AverageValue'] },
  'io.k8s.api.autoscaling.v2.HPAScalingRules': { selectPolicy: ['Max', 'Min', 'Disabled'] },
  'io.k8s.api.autoscaling.v2.HPAScalingPolicy': { type: ['Pods', 'Percent'] },
  'io.k8s.api.admissionregistration.v1.ValidatingWebhook': WEBHOOK,
  'io.k8s.api.admissionregistration.v1.MutatingWebhook': { ...WEBHOOK, reinvocationPolicy: ['Never', 'IfNeeded'] },
  'io.k8s.api.admissionregistration.v1.RuleWithOperations': {
    operations: { items: true, values: ['*', 'CREATE', 'UPDATE', 'DELETE', 'CONNECT'] },
    scope: ['*', 'Cluster', 'Namespaced'],
  },
};

function overlayFor(defName, prop, minor) {
  const entry = ENUM_OVERLAY[defName]?.[prop];
  if (entry === undefined) return undefined;
  const variants = Array.isArray(entry) && typeof entry[0] === 'object' ? entry : [entry];
  for (const v of variants) {
    const o = Array.isArray(v) ? { values: v } : v;
    if ((o.since !== undefined && minor < o.since) || (o.until !== undefined && minor > o.until)) continue;
    return { values: o.empty ? [...o.values, ''] : [...o.values], items: o.items === true };
  }
  return undefined;
}

// ---- Transformation ----

/** The types a definition accepts apart from null (what a required site narrows to). */
function nonNullTypes(def) {
  const t = def.type;
  if (t === undefined) return undefined;
  const list = (Array.isArray(t) ? t : [t]).filter((x) => x !== 'null');
  return list.length === 1 ? list[0] : list;
}

function withNull(type) {
  const list = Array.isArray(type) ? type : [type];
  return list.includes('null') ? list : [...list, 'null'];
}

/** A schema for a property value, an array item or a map value. */
function transformValue(src, ctx, nullable) {
  if (src.$ref !== undefined) {
    const target = src.$ref.replace(/^#\/definitions\//, '');
    if (!(target in ctx.source)) throw new Error(`v${ctx.version}: dangling $ref ${target}`);
    const out = { $ref: `#/definitions/${target}` };
    // Definitions accept null themselves (see transformDefinition); a required field, an array
    // item or a map value must not be null, so the reference site narrows the type.
    const narrowed = nullable ? undefined : nonNullTypes(ctx.shapes[target]);
    if (narrowed !== undefined) out.type = narrowed;
    return out;
  }
  const out = {};
  if (src.type !== undefined) out.type = nullable ? withNull(src.type) : src.type;
  if (src.format !== undefined) out.format = src.format;
  if (src.format === 'int32') Object.assign(out, INT32);
  if (src.format === 'byte') out.pattern = BASE64_PATTERN;
  if (src.enum !== undefined) out.enum = nullable ? [...src.enum, null] : [...src.enum];
  if (src.items !== undefined) out.items = transformValue(src.items, ctx, false);
  if (src.additionalProperties !== undefined) {
    // Maps (labels, resources, data…): kubectl accepts an empty value (null) and stores "".
    out.additionalProperties = typeof src.additionalProperties === 'boolean' ? src.additionalProperties : transformValue(src.additionalProperties, ctx, true);
  }
  return out;
}

function applyOverlay(schema, overlay, nullable) {
  const target = overlay.items ? schema.items : schema;
  if (target === undefined || target.$ref !== undefined) throw new Error('enum overlay on a non-scalar property');
  target.enum = nullable && !overlay.items ? [...overlay.values, null] : overlay.values;
}

function transformDefinition(name, src, ctx) {
  if (name === INT_OR_STRING) return { format: 'int-or-string', type: ['integer', 'string', 'null'] };
  if (name === QUANTITY) return { format: 'quantity', pattern: QUANTITY_PATTERN, type: ['number', 'string', 'null'] };
  if (src.oneOf !== undefined) throw new Error(`v${ctx.version}: unexpected oneOf in ${name}`);
  const out = {};
  if (src.type !== undefined) out.type = withNull(src.type);
  if (src.format !== undefined) out.format = src.format;
  if (src.properties === undefined) return out;

  const isKind = Array.isArray(src['x-kubernetes-group-version-kind']);
  let required = src.required ?? [];
  // An embedded resource (e.g. StatefulSet volumeClaimTemplates) may omit its TypeMeta.
  if (isKind) required = required.filter((p) => p !== 'apiVersion' && p !== 'kind');
  // Status is written by the cluster; kubectl output shows `status: {}`.
  if (ctx.statusDefinitions.has(name)) required = [];

  out.properties = {};
  for (const prop of Object.keys(src.properties).sort()) {
    const nullable = !required.includes(prop);
    const schema = transformValue(src.properties[prop], ctx, nullable);
    const overlay = overlayFor(name, prop, ctx.minor);
    if (overlay !== undefined) {
      applyOverlay(schema, overlay, nullable);
      ctx.usedOverlays.add(`${name}.${prop}`);
    }
    out.properties[prop] = schema;
  }
  if (required.length > 0) out.required = [...required].sort();
  // Strict decoding rejects unknown fields everywhere except in free-form JSON.
  if (!OPEN_DEFINITIONS.has(name)) out.additionalProperties = false;
  return out;
}

/** Builds { definitions, index } for one version from its source definitions. */
export function generateVersion(source, version, usedOverlays = new Set()) {
  const minor = Number(version.split('.')[1]);
  const statusDefinitions = new Set();
  for (const def of Object.values(source)) {
    const ref = def['x-kubernetes-group-version-kind'] && def.properties?.status?.$ref;
    if (ref) statusDefinitions.add(ref.replace(/^#\/definitions\//, ''));
  }
  const ctx = { version, minor, source, statusDefinitions, usedOverlays, shapes: {} };
  const names = Object.keys(source).sort();
  // Shapes first: reference sites need each target's top-level type.
  for (const name of names) ctx.shapes[name] = transformDefinition(name, { ...source[name], properties: undefined }, ctx);
  const definitions = {};
  for (const name of names) definitions[name] = transformDefinition(name, source[name], ctx);

  const index = {};
  for (const name of names) {
    if (SKIPPED_KINDS.has(name)) continue;
    for (const gvk of source[name]['x-kubernetes-group-version-kind'] ?? []) {
      const apiVersion = gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
      const key = `${apiVersion}/${gvk.kind}`;
      if (index[key] !== undefined && index[key] !== name) throw new Error(`v${version}: ${key} maps to two definitions`);
      index[key] = name;
    }
  }
  return { definitions, index };
}

// ---- Output ----

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
  return out;
}

function stableJson(value) {
  return `${JSON.stringify(sortKeys(value), null, 1)}\n`;
}

export function listSourceVersions(sourceDir) {
  return readdirSync(sourceDir)
    .map((f) => /^v(1\.\d+)\.json$/.exec(f)?.[1])
    .filter((v) => v !== undefined)
    .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
}

/** Generates every version into outDir; returns the written files (relative to outDir). */
export function generateAll({ sourceDir = DEFAULT_SOURCE_DIR, outDir = DEFAULT_OUT_DIR } = {}) {
  const versions = listSourceVersions(sourceDir);
  if (versions.length === 0) throw new Error(`no v1.NN.json files in ${sourceDir}`);
  const usedOverlays = new Set();
  const files = {};
  for (const version of versions) {
    const source = JSON.parse(readFileSync(path.join(sourceDir, `v${version}.json`), 'utf8')).definitions;
    const { definitions, index } = generateVersion(source, version, usedOverlays);
    const comment = `Generated by scripts/generate-schemas.mjs from Kubernetes ${version} OpenAPI definitions. Do not edit.`;
    files[`v${version}/definitions.json`] = stableJson({
      $comment: comment,
      $schema: 'http://json-schema.org/draft-07/schema#',
      definitions,
      'x-podwise-notes': [
        'A "null" in a type or enum means kubectl accepts an empty value there (optional fields, map values).',
        'A $ref site carrying "type" narrows the (nullable) definition: required fields, array items and map values.',
      ],
    });
    files[`v${version}/index.json`] = stableJson({ $comment: comment, kinds: index });
  }
  for (const [def, props] of Object.entries(ENUM_OVERLAY)) {
    for (const prop of Object.keys(props)) {
      if (!usedOverlays.has(`${def}.${prop}`)) throw new Error(`enum overlay ${def}.${prop} matches no version`);
    }
  }
  files['versions.json'] = stableJson({
    $comment: 'Generated by scripts/generate-schemas.mjs. Do not edit.',
    default: versions[versions.length - 1],
    versions,
  });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(outDir, rel)), { recursive: true });
    writeFileSync(path.join(outDir, rel), text);
  }
  return Object.keys(files).sort();
}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--source') opts.sourceDir = path.resolve(argv[i + 1]);
    else if (argv[i] === '--out') opts.outDir = path.resolve(argv[i + 1]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = generateAll(parseArgs(process.argv.slice(2)));
  console.log(`generate-schemas: wrote ${files.length} files`);
}
