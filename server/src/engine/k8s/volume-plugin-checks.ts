// Checks of the in-tree storage plugin sources (iSCSI, RBD, CephFS, Fibre Channel, Azure, cloud
// disks, …). Most of these plugins are deprecated or removed from the kubelet, but the API server
// still validates their fields. core/validation.go validateISCSIVolumeSource, validateFCVolumeSource,
// validateAzureDisk, validateQuobyteVolumeSource, validateStorageOSVolumeSource and friends.
// https://kubernetes.io/docs/concepts/storage/volumes/#volume-types
import { asObject, asString, hasKey, type JsonObject } from '../json';
import type { FieldPath } from '../types';
import { dns1123LabelErrors } from './names';
import { fieldText, requireList, requireRange, requireString, shown, type VolumeProblem } from './volume-problems';

type PluginCheck = (source: JsonObject, at: FieldPath, volume: JsonObject) => VolumeProblem[];

const IQN = /^iqn\.\d{4}-\d{2}\.[A-Za-z0-9.-]+:[^,;*&$|\s]+$/;
const EUI = /^eui.[A-Za-z0-9]{16}$/;
const NAA = /^naa.[A-Za-z0-9]{32}$/;
const AZURE_CACHING = ['None', 'ReadOnly', 'ReadWrite'];
const AZURE_KINDS = ['Shared', 'Dedicated', 'Managed'];

const req = (source: JsonObject, key: string, at: FieldPath, schemaRequired = true): VolumeProblem | undefined =>
  requireString(source, key, at, schemaRequired, `Set ${fieldText([...at, key])}.`);

export const PLUGIN_CHECKS: Record<string, PluginCheck> = {
  gcePersistentDisk: (source, at) => compact([req(source, 'pdName', at), requireRange(source, 'partition', at, 0, 255)]),
  awsElasticBlockStore: (source, at) => compact([req(source, 'volumeID', at), requireRange(source, 'partition', at, 0, 255)]),
  nfs: (source, at) => compact([req(source, 'server', at)]),
  glusterfs: (source, at) => compact([req(source, 'endpoints', at), req(source, 'path', at)]),
  rbd: (source, at) => compact([requireList(source, 'monitors', at, 'List the Ceph monitors.'), req(source, 'image', at)]),
  cephfs: (source, at) => compact([requireList(source, 'monitors', at, 'List the Ceph monitors.')]),
  cinder: (source, at) => compact([req(source, 'volumeID', at), secretRefName(source, at)]),
  azureFile: (source, at) => compact([req(source, 'secretName', at), req(source, 'shareName', at)]),
  vsphereVolume: (source, at) => compact([req(source, 'volumePath', at)]),
  photonPersistentDisk: (source, at) => compact([req(source, 'pdID', at)]),
  portworxVolume: (source, at) => compact([req(source, 'volumeID', at)]),
  scaleIO: (source, at) => compact([req(source, 'gateway', at), req(source, 'system', at), req(source, 'volumeName', at, false)]),
  iscsi: iscsiProblems,
  fc: fcProblems,
  flocker: flockerProblems,
  flexVolume: flexProblems,
  azureDisk: azureDiskProblems,
  quobyte: quobyteProblems,
  storageos: storageosProblems,
};

function compact(problems: (VolumeProblem | undefined)[]): VolumeProblem[] {
  return problems.filter((problem): problem is VolumeProblem => problem !== undefined);
}

function secretRefName(source: JsonObject, at: FieldPath): VolumeProblem | undefined {
  const ref = asObject(source.secretRef);
  return ref ? requireString(ref, 'name', [...at, 'secretRef'], false, 'Name the Secret, or remove secretRef.') : undefined;
}

/** IQN, EUI or NAA form of an iSCSI qualified name (upstream regexes, anchored). */
function iscsiNameProblem(value: string, path: FieldPath): VolumeProblem | undefined {
  const prefixed = value.startsWith('iqn') || value.startsWith('eui') || value.startsWith('naa');
  const valid = value.startsWith('iqn') ? IQN.test(value) : value.startsWith('eui') ? EUI.test(value) : value.startsWith('naa') ? NAA.test(value) : false;
  if (valid) return undefined;
  return {
    path,
    target: 'value',
    text: `${fieldText(path)} ${shown(value)} is not an iqn, eui or naa name`,
    upstream: prefixed ? 'must be valid format' : 'must be valid format starting with iqn, eui, or naa',
    hint: 'Write it as iqn.YYYY-MM.reversed.domain:name, eui. and 16 hex digits, or naa. and 32 hex digits.',
  };
}

function iscsiProblems(source: JsonObject, at: FieldPath, volume: JsonObject): VolumeProblem[] {
  const problems = compact([req(source, 'targetPortal', at), req(source, 'iqn', at), requireRange(source, 'lun', at, 0, 255)]);
  const iqn = asString(source.iqn);
  if (iqn) problems.push(...compact([iscsiNameProblem(iqn, [...at, 'iqn'])]));
  if ((source.chapAuthDiscovery === true || source.chapAuthSession === true) && !asObject(source.secretRef))
    problems.push({
      path: [...at, 'secretRef'],
      target: 'key',
      text: 'iscsi.secretRef is missing, but CHAP authentication is on',
      upstream: 'Required value',
      hint: 'Name the Secret with the CHAP credentials in secretRef, or turn CHAP off.',
    });
  const initiator = asString(source.initiatorName);
  if (initiator !== undefined) {
    problems.push(...compact([iscsiNameProblem(initiator, [...at, 'initiatorName'])]));
    const name = asString(volume.name) ?? '';
    const portal = asString(source.targetPortal) ?? '';
    if (`${name}:${portal}`.length > 64)
      problems.push({
        path: ['name'],
        target: 'value',
        text: 'the volume name and iscsi.targetPortal are over 64 characters together',
        upstream: 'Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified.',
        hint: 'Shorten the volume name: with initiatorName set, the kubelet builds an interface name from both.',
      });
  }
  return problems;
}

function fcProblems(source: JsonObject, at: FieldPath): VolumeProblem[] {
  const wwns = Array.isArray(source.targetWWNs) ? source.targetWWNs.length : 0;
  const wwids = Array.isArray(source.wwids) ? source.wwids.length : 0;
  const problems: VolumeProblem[] = [];
  if (wwns === 0 && wwids === 0)
    problems.push({
      path: [...at, 'targetWWNs'],
      target: hasKey(source, 'targetWWNs') ? 'value' : 'key',
      text: 'fc names neither targetWWNs nor wwids',
      upstream: 'must specify either targetWWNs or wwids, but not both',
      hint: 'List the target world wide names (with lun) or the volume wwids.',
    });
  if (wwns > 0 && wwids > 0)
    problems.push({
      path: [...at, 'targetWWNs'],
      target: 'key',
      text: 'fc sets both targetWWNs and wwids',
      upstream: 'targetWWNs and wwids can not be specified simultaneously',
      hint: 'Keep one way to name the volume.',
    });
  if (wwns > 0) {
    if (source.lun === undefined || source.lun === null)
      problems.push({
        path: [...at, 'lun'],
        target: 'key',
        text: 'fc.lun is missing',
        upstream: 'lun is required if targetWWNs is specified',
        hint: 'Set the LUN number (0-255).',
      });
    else problems.push(...compact([requireRange(source, 'lun', at, 0, 255)]));
  }
  return problems;
}

function flockerProblems(source: JsonObject, at: FieldPath): VolumeProblem[] {
  const name = asString(source.datasetName) ?? '';
  const uuid = asString(source.datasetUUID) ?? '';
  const problems: VolumeProblem[] = [];
  if (name === '' && uuid === '')
    problems.push({
      path: at,
      target: 'key',
      text: 'flocker names no dataset',
      upstream: 'one of datasetName and datasetUUID is required',
      hint: 'Set datasetName or datasetUUID.',
    });
  if (name !== '' && uuid !== '')
    problems.push({
      path: at,
      target: 'key',
      text: 'flocker sets both datasetName and datasetUUID',
      upstream: 'datasetName and datasetUUID can not be specified simultaneously',
      hint: 'Keep one of them.',
    });
  if (name.includes('/'))
    problems.push({
      path: [...at, 'datasetName'],
      target: 'value',
      text: `flocker.datasetName ${shown(name)} contains "/"`,
      upstream: "must not contain '/'",
      hint: 'Remove the "/".',
    });
  return problems;
}

function flexProblems(source: JsonObject, at: FieldPath): VolumeProblem[] {
  const problems = compact([req(source, 'driver', at)]);
  for (const key of Object.keys(asObject(source.options) ?? {})) {
    const namespace = `.${(key.includes('/') ? key.slice(0, key.indexOf('/')) : key).toLowerCase()}`;
    if (namespace.endsWith('.kubernetes.io') || namespace.endsWith('.k8s.io'))
      problems.push({
        path: [...at, 'options', key],
        target: 'key',
        text: `flexVolume option ${shown(key)} uses a reserved namespace`,
        upstream: 'kubernetes.io and k8s.io namespaces are reserved',
        hint: 'Prefix the option with your own domain.',
      });
  }
  return problems;
}

function azureDiskProblems(source: JsonObject, at: FieldPath): VolumeProblem[] {
  const problems = compact([req(source, 'diskName', at), req(source, 'diskURI', at)]);
  for (const [key, values] of [
    ['cachingMode', AZURE_CACHING],
    ['kind', AZURE_KINDS],
  ] as const) {
    const value = asString(source[key]);
    if (value !== undefined && !values.includes(value))
      problems.push({
        path: [...at, key],
        target: 'value',
        text: `azureDisk.${key} ${shown(value)} is not one of ${values.join(', ')}`,
        upstream: `Unsupported value: supported values: ${values.map((item) => `"${item}"`).join(', ')}`,
        hint: `Use one of ${values.join(', ')}.`,
      });
  }
  // kind defaults to Shared (a blob disk, addressed by https URL); Managed disks are resource ids.
  const kind = asString(source.kind) ?? 'Shared';
  const uri = asString(source.diskURI);
  if (uri && AZURE_KINDS.includes(kind)) {
    const managed = kind === 'Managed';
    if (managed ? !uri.startsWith('/subscriptions/') : !uri.startsWith('https://'))
      problems.push({
        path: [...at, 'diskURI'],
        target: 'value',
        text: `azureDisk.diskURI does not fit kind ${kind}${hasKey(source, 'kind') ? '' : ' (the default)'}`,
        upstream: managed
          ? 'supported values: "/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}"'
          : 'supported values: "https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd"',
        hint: managed ? 'A managed disk URI is its resource id, starting with /subscriptions/.' : 'A blob disk URI starts with https://; for a managed disk set kind: Managed.',
      });
  }
  return problems;
}

function quobyteProblems(source: JsonObject, at: FieldPath): VolumeProblem[] {
  const problems: VolumeProblem[] = [];
  const registry = asString(source.registry);
  const tenant = asString(source.tenant) ?? '';
  const hint = 'Write host:port pairs separated by commas.';
  if (registry === '')
    problems.push({
      path: [...at, 'registry'],
      target: 'value',
      text: 'quobyte.registry is empty',
      upstream: 'must be a host:port pair or multiple pairs separated by commas',
      hint,
    });
  else if (tenant.length >= 65)
    problems.push({
      path: [...at, 'tenant'],
      target: 'value',
      text: 'quobyte.tenant is over 64 characters',
      upstream: 'must be a UUID and may not exceed a length of 64 characters',
      hint: 'Use the tenant UUID.',
    });
  else if (registry !== undefined && registry.split(',').some((pair) => !isHostPort(pair)))
    problems.push({
      path: [...at, 'registry'],
      target: 'value',
      text: `quobyte.registry ${shown(registry)} is not host:port pairs`,
      upstream: 'must be a host:port pair or multiple pairs separated by commas',
      hint,
    });
  problems.push(...compact([req(source, 'volume', at)]));
  return problems;
}

/** net.SplitHostPort accepts it: host:port, or [ipv6]:port. */
function isHostPort(pair: string): boolean {
  if (pair.startsWith('[')) {
    const close = pair.indexOf(']');
    return close > 0 && pair[close + 1] === ':' && !pair.slice(close + 2).includes(':') && !pair.slice(1, close).includes('[');
  }
  const colons = pair.split(':').length - 1;
  return colons === 1 && !pair.includes('[') && !pair.includes(']');
}

function storageosProblems(source: JsonObject, at: FieldPath): VolumeProblem[] {
  const problems = compact([req(source, 'volumeName', at, false), secretRefName(source, at)]);
  for (const key of ['volumeName', 'volumeNamespace']) {
    const value = asString(source[key]);
    const errors = value ? dns1123LabelErrors(value) : [];
    if (errors.length > 0)
      problems.push({
        path: [...at, key],
        target: 'value',
        text: `storageos.${key} ${shown(value ?? '')} is not a DNS label`,
        upstream: errors.join('; '),
        hint: 'Use lower-case letters, digits and "-" (at most 63 characters).',
      });
  }
  return problems;
}
