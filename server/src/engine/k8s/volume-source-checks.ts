// The API server's own checks of each volume source, apart from paths (volume-path-checks.ts):
// required names, file modes, projections, claims, CSI drivers, image references. The in-tree
// storage plugins live in volume-plugin-checks.ts. core/validation.go validateVolumeSource and the
// validate<Source>VolumeSource functions it calls.
// https://kubernetes.io/docs/concepts/storage/volumes/
import { asArray, asInteger, asObject, asString, hasKey, objectItems, type JsonObject } from '../json';
import type { FieldPath } from '../types';
import { dns1123SubdomainErrors } from './names';
import { isNegative, parseQuantity } from './quantity';
import { downwardApiFileProblems } from './volume-downward-api';
import { PLUGIN_CHECKS } from './volume-plugin-checks';
import { fieldText, fileModeProblem, requireString, shown, type VolumeProblem } from './volume-problems';

export interface VolumeCheckContext {
  /** The Pod's own name: only for Pods (templates get theirs from the controller). */
  podName?: string;
  /** Image volumes must name their image: on Pods (not templates), where the field exists. */
  requireImageReference: boolean;
  /** Names of the Pod's generic ephemeral volumes. */
  ephemeralVolumes: ReadonlySet<string>;
}

type SourceCheck = (source: JsonObject, at: FieldPath, volume: JsonObject, context: VolumeCheckContext) => VolumeProblem[];

const PROJECTION_KINDS = ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle'];
/** 2^32 seconds: the longest token lifetime the API server accepts. */
const MAX_TOKEN_SECONDS = 2 ** 32;

const CORE_CHECKS: Record<string, SourceCheck> = {
  emptyDir: (source, at) => {
    const limit = parseQuantity(source.sizeLimit);
    if (!limit || !isNegative(limit)) return [];
    return [
      {
        path: [...at, 'sizeLimit'],
        target: 'value',
        text: `emptyDir.sizeLimit ${shown(String(source.sizeLimit))} is negative`,
        upstream: 'SizeLimit field must be a valid resource quantity',
        hint: 'Give a positive size such as 1Gi, or leave sizeLimit out.',
      },
    ];
  },
  gitRepo: (source, at) => compact([requireString(source, 'repository', at, true, 'Set the repository URL to clone.')]),
  secret: (source, at) => [
    ...compact([requireString(source, 'secretName', at, false, 'Name the Secret to mount.'), fileModeProblem(source, 'defaultMode', at)]),
    ...keyToPathProblems(source, at),
  ],
  configMap: (source, at) => [
    ...compact([requireString(source, 'name', at, false, 'Name the ConfigMap to mount.'), fileModeProblem(source, 'defaultMode', at)]),
    ...keyToPathProblems(source, at),
  ],
  downwardAPI: (source, at) => [
    ...compact([fileModeProblem(source, 'defaultMode', at)]),
    ...objectItems(source.items).flatMap(({ item, index }) => downwardApiFileProblems(item, [...at, 'items', index])),
  ],
  projected: (source, at) => [
    ...compact([fileModeProblem(source, 'defaultMode', at)]),
    ...objectItems(source.sources).flatMap(({ item, index }) => projectionProblems(item, [...at, 'sources', index])),
  ],
  persistentVolumeClaim: (source, at, _volume, context) => {
    const required = requireString(source, 'claimName', at, true, 'Name the PersistentVolumeClaim to mount.');
    if (required) return [required];
    const claim = asString(source.claimName);
    // The claim an ephemeral volume creates is named <pod>-<volume>; mounting it by name as well
    // would share one claim between two volumes.
    if (claim === undefined || context.podName === undefined) return [];
    const created = [...context.ephemeralVolumes].find((name) => `${context.podName}-${name}` === claim);
    if (created === undefined) return [];
    return [
      {
        path: [...at, 'claimName'],
        target: 'value',
        text: `claimName ${shown(claim)} is the claim ephemeral volume ${shown(created)} creates`,
        upstream: 'must not reference a PVC that gets created for an ephemeral volume',
        hint: 'Mount the ephemeral volume itself instead of its claim.',
      },
    ];
  },
  ephemeral: (source, at, volume, context) => ephemeralProblems(source, at, asString(volume.name), context),
  image: (source, at, _volume, context) => {
    // Only a Pod must name the image: controllers may fill it into their templates.
    if (!context.requireImageReference) return [];
    return compact([requireString(source, 'reference', at, false, 'Set the image or artifact reference to mount, like a container image.')]);
  },
  csi: (source, at) => {
    const problems = compact([csiDriverProblem(source, at)]);
    const secretRef = asObject(source.nodePublishSecretRef);
    if (secretRef) {
      const refAt = [...at, 'nodePublishSecretRef'];
      const required = requireString(secretRef, 'name', refAt, false, 'Name the Secret the CSI driver gets on publish.');
      const name = asString(secretRef.name);
      if (required) problems.push(required);
      else if (name !== undefined && dns1123SubdomainErrors(name).length > 0)
        problems.push({
          path: [...refAt, 'name'],
          target: 'value',
          text: `nodePublishSecretRef.name ${shown(name)} is not a valid Secret name`,
          upstream: dns1123SubdomainErrors(name).join('; '),
          hint: 'Secret names are DNS subdomains: lower-case letters, digits, "-" and ".".',
        });
    }
    return problems;
  },
};

/** The checks by source key, merged once (a Pod spec's volumes are checked on every analysis). */
const VOLUME_SOURCE_CHECKS: readonly (readonly [string, SourceCheck])[] = Object.entries({ ...CORE_CHECKS, ...PLUGIN_CHECKS });

/** Every problem of the sources a volume sets (each source is checked, even a second one). */
export function volumeSourceProblems(volume: JsonObject, context: VolumeCheckContext): VolumeProblem[] {
  const problems: VolumeProblem[] = [];
  for (const [key, check] of VOLUME_SOURCE_CHECKS) {
    const source = asObject(volume[key]);
    if (source) problems.push(...check(source, [key], volume, context));
  }
  return problems;
}

function compact(problems: (VolumeProblem | undefined)[]): VolumeProblem[] {
  return problems.filter((problem): problem is VolumeProblem => problem !== undefined);
}

/** items[].key and items[].mode of secret and configMap sources and projections. */
function keyToPathProblems(source: JsonObject, at: FieldPath): VolumeProblem[] {
  return objectItems(source.items).flatMap(({ item, index }) => {
    const itemAt = [...at, 'items', index];
    return compact([requireString(item, 'key', itemAt, true, 'Name the key to project into the file.'), fileModeProblem(item, 'mode', itemAt)]);
  });
}

function projectionProblems(projection: JsonObject, at: FieldPath): VolumeProblem[] {
  const problems: VolumeProblem[] = [];
  const kinds = PROJECTION_KINDS.filter((kind) => hasKey(projection, kind) && projection[kind] !== null);
  // The API server points at the source entry itself.
  for (const kind of kinds.slice(1))
    problems.push({
      path: at,
      target: 'value',
      text: `${fieldText(at)} sets two projections, ${kinds[0]} and ${kind}`,
      upstream: 'may not specify more than 1 volume type per source',
      hint: `Move ${kind} into a source entry of its own.`,
    });
  for (const kind of ['secret', 'configMap']) {
    const source = asObject(projection[kind]);
    if (!source) continue;
    const sourceAt = [...at, kind];
    problems.push(
      ...compact([requireString(source, 'name', sourceAt, false, `Name the ${kind === 'secret' ? 'Secret' : 'ConfigMap'} to project.`)]),
      ...keyToPathProblems(source, sourceAt),
    );
  }
  const downward = asObject(projection.downwardAPI);
  if (downward) problems.push(...objectItems(downward.items).flatMap(({ item, index }) => downwardApiFileProblems(item, [...at, 'downwardAPI', 'items', index])));
  const token = asObject(projection.serviceAccountToken);
  const seconds = token ? asInteger(token.expirationSeconds) : undefined;
  if (seconds !== undefined && (seconds < 600 || seconds > MAX_TOKEN_SECONDS)) {
    const short = seconds < 600;
    problems.push({
      path: [...at, 'serviceAccountToken', 'expirationSeconds'],
      target: 'value',
      text: `serviceAccountToken.expirationSeconds ${seconds} is ${short ? 'under 10 minutes' : 'over 2^32 seconds'}`,
      upstream: short ? 'may not specify a duration less than 10 minutes' : 'may not specify a duration larger than 2^32 seconds',
      hint: short ? 'Use at least 600 seconds; the kubelet refreshes the token well before it expires.' : 'Use a shorter lifetime (the default is 3600 seconds).',
      replace: short ? { title: 'Set expirationSeconds to 600', value: 600 } : undefined,
    });
  }
  return problems;
}

/** ValidateCSIDriverName: required, at most 63 characters, a DNS subdomain (any case). */
function csiDriverProblem(source: JsonObject, at: FieldPath): VolumeProblem | undefined {
  const required = requireString(source, 'driver', at, true, 'Name the CSI driver, as its CSIDriver object is named.');
  if (required) return required;
  const driver = asString(source.driver);
  if (driver === undefined) return undefined;
  const errors = driver.length > 63 ? ['must be no more than 63 characters'] : dns1123SubdomainErrors(driver.toLowerCase());
  if (errors.length === 0) return undefined;
  return {
    path: [...at, 'driver'],
    target: 'value',
    text: `csi.driver ${shown(driver)} is not a valid driver name`,
    upstream: errors.join('; '),
    hint: 'CSI driver names are DNS subdomains of at most 63 characters, such as ebs.csi.aws.com.',
  };
}

/**
 * Generic ephemeral volumes: the claim template must exist, its metadata may only carry labels and
 * annotations, and its spec must be a valid claim (access modes and a storage request). For a Pod,
 * the claim's name <pod>-<volume> must also be a valid object name.
 */
function ephemeralProblems(source: JsonObject, at: FieldPath, volumeName: string | undefined, context: VolumeCheckContext): VolumeProblem[] {
  const template = asObject(source.volumeClaimTemplate);
  const templateAt = [...at, 'volumeClaimTemplate'];
  if (!template)
    return [
      {
        path: templateAt,
        target: 'key',
        text: 'ephemeral.volumeClaimTemplate is missing',
        upstream: 'Required value',
        hint: 'Describe the claim to create: volumeClaimTemplate with spec.accessModes and spec.resources.requests.storage.',
      },
    ];
  const problems: VolumeProblem[] = [];
  const metadata = asObject(template.metadata);
  for (const key of Object.keys(metadata ?? {}).filter((name) => name !== 'labels' && name !== 'annotations'))
    problems.push({
      path: [...templateAt, 'metadata', key],
      target: 'key',
      text: `volumeClaimTemplate.metadata.${key} cannot be set`,
      upstream: 'cannot be set',
      hint: 'The claim is named <pod>-<volume> by Kubernetes; its template metadata takes only labels and annotations.',
    });
  const spec = asObject(template.spec);
  if (spec) {
    const specAt = [...templateAt, 'spec'];
    const modes = spec.accessModes;
    if (modes === undefined || modes === null || (Array.isArray(modes) && asArray(modes).length === 0))
      problems.push({
        path: [...specAt, 'accessModes'],
        target: Array.isArray(modes) ? 'value' : 'key',
        text: 'volumeClaimTemplate.spec.accessModes is missing',
        upstream: 'at least 1 access mode is required',
        hint: 'Add accessModes: [ReadWriteOnce].',
      });
    else if (Array.isArray(modes) && modes.includes('ReadWriteOncePod') && modes.some((mode) => mode !== 'ReadWriteOncePod'))
      problems.push({
        path: [...specAt, 'accessModes'],
        target: 'value',
        text: 'volumeClaimTemplate mixes ReadWriteOncePod with other access modes',
        upstream: 'may not use ReadWriteOncePod with other access modes',
        hint: 'Use ReadWriteOncePod alone, or the other modes without it.',
      });
    const className = asString(spec.storageClassName);
    const classErrors = className ? dns1123SubdomainErrors(className) : [];
    if (className && classErrors.length > 0)
      problems.push({
        path: [...specAt, 'storageClassName'],
        target: 'value',
        text: `volumeClaimTemplate storageClassName ${shown(className)} is not a DNS subdomain`,
        upstream: classErrors.join('; '),
        hint: 'StorageClass names are lower-case letters, digits, "-" and ".".',
      });
    const requests = asObject(asObject(spec.resources)?.requests);
    const storage = requests?.storage;
    const size = parseQuantity(storage);
    if (storage === undefined || storage === null)
      problems.push({
        path: [...specAt, 'resources', 'requests', 'storage'],
        target: 'key',
        text: 'volumeClaimTemplate.spec.resources.requests.storage is missing',
        upstream: 'Required value',
        hint: 'Request the size of the volume, for example resources: {requests: {storage: 1Gi}}.',
      });
    else if (size && size.numerator <= 0n)
      problems.push({
        path: [...specAt, 'resources', 'requests', 'storage'],
        target: 'value',
        text: `volumeClaimTemplate storage request ${shown(String(storage))} is not positive`,
        upstream: 'must be greater than zero',
        hint: 'Request a positive size such as 1Gi.',
      });
  }
  if (context.podName && volumeName) {
    const claim = `${context.podName}-${volumeName}`;
    const errors = dns1123SubdomainErrors(claim);
    if (errors.length > 0)
      problems.push({
        path: ['name'],
        target: 'value',
        text: `the claim name ${shown(claim)} this volume creates is invalid`,
        upstream: `PVC name "${claim}": ${errors.join('; ')}`,
        hint: 'Shorten the Pod or volume name: the claim is named <pod>-<volume>.',
      });
  }
  return problems;
}
