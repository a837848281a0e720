// volumeMounts[] and volumeDevices[] fields the API server checks besides paths of mounts
// (volume-mount-path) and volume names (volume-mount-unknown-volume): a mount's name may not be
// empty; Bidirectional mount propagation needs a privileged container; recursiveReadOnly
// Enabled/IfPossible needs readOnly: true and no propagation (from 1.31, when the field is on by
// default); a device needs a name and a devicePath, each unique in the container, and a
// devicePath without "..". core/validation.go ValidateVolumeMounts, validateMountPropagation,
// validateMountRecursiveReadOnly, ValidateVolumeDevices.
// https://kubernetes.io/docs/concepts/storage/volumes/#mount-propagation
import { containersOf, type ContainerRef } from '../../containers';
import { asObject, asString, objectItems } from '../../json';
import { capitalize, describeContainer, fitMessage, quoteShort } from '../../k8s/phrasing';
import { backstepProblem } from '../../k8s/volume-paths';
import type { Rule } from '../../rule-types';
import type { FieldPath, FixSpec, RuleFinding } from '../../types';
import { atLeast } from '../../versions';

export const volumeMountInvalid: Rule = {
  meta: {
    id: 'volume-mount-invalid',
    defaultSeverity: 'error',
    category: 'volumes',
    summary: 'A volume mount or device has an empty name, a propagation or recursiveReadOnly setting the API server refuses, or a bad devicePath.',
    parity: ['pod-volume-mounts'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const recursiveReadOnly = atLeast(context.env.kubernetesVersion, '1.31');
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const report = (path: FieldPath, target: 'key' | 'value', text: string, detail: string, fixes?: FixSpec[]): void => {
        const who = describeContainer(ref);
        findings.push({ path, target, message: fitMessage(capitalize(`${who}: ${text}`), capitalize(text)), detail, fixes });
      };
      const privileged = asObject(ref.container.securityContext)?.privileged === true;
      for (const { item, index } of objectItems(ref.container.volumeMounts)) {
        const base = [...ref.path, 'volumeMounts', index];
        if (item.name === '') report([...base, 'name'], 'value', 'a volume mount has an empty name', 'The API server rejects it ("Required value"). Name the volume to mount.');
        const propagation = asString(item.mountPropagation);
        if (propagation === 'Bidirectional' && !privileged)
          report(
            [...base, 'mountPropagation'],
            'value',
            'Bidirectional mount propagation needs a privileged container',
            'The API server rejects it ("Bidirectional mount propagation is available only to privileged containers"): mounts made in the container would reach the host. ' +
              'Use HostToContainer to only receive the host’s mounts, or run the container privileged if it really mounts for the host.',
          );
        const rro = asString(item.recursiveReadOnly);
        if (recursiveReadOnly && (rro === 'Enabled' || rro === 'IfPossible')) {
          if (item.readOnly !== true)
            report(
              [...base, 'recursiveReadOnly'],
              'value',
              `recursiveReadOnly: ${rro} on a mount that is not readOnly`,
              'The API server rejects it ("may only be specified when readOnly is true"). Set readOnly: true on this mount, or remove recursiveReadOnly.',
              [{ title: 'Set readOnly: true', intents: [{ op: 'insert', path: base, key: 'readOnly', value: true }], preferred: true }],
            );
          if (propagation !== undefined && propagation !== 'None')
            report(
              [...base, 'recursiveReadOnly'],
              'value',
              `recursiveReadOnly: ${rro} with mountPropagation ${propagation}`,
              'The API server rejects it ("may only be specified when mountPropagation is None or not specified"). Drop the propagation or recursiveReadOnly.',
            );
        }
      }
      checkDevices(ref, report);
    }
    return findings;
  },
};

type Report = (path: FieldPath, target: 'key' | 'value', text: string, detail: string) => void;

/**
 * volumeDevices[]: name and devicePath required and unique, devicePath without "..", neither used
 * by a volume mount. The API server reports a mount/device clash on both sides; volume-mount-path
 * reports the mount's side, this the device's.
 */
function checkDevices(ref: ContainerRef, report: Report): void {
  const names = new Map<string, number>();
  const paths = new Map<string, number>();
  const mounts = objectItems(ref.container.volumeMounts);
  for (const { item, index } of objectItems(ref.container.volumeDevices)) {
    const base = [...ref.path, 'volumeDevices', index];
    const name = asString(item.name);
    const devicePath = asString(item.devicePath);
    const mountedAs = mounts.find(({ item: mount }) => name !== undefined && name !== '' && mount.name === name);
    if (mountedAs)
      report(
        [...base, 'name'],
        'value',
        `volume ${quoteShort(name ?? '', 30)} is both a block device and mounted`,
        `The API server rejects it ("must not already exist in volumeMounts"); volumeMounts[${mountedAs.index}] mounts it. Use the volume either as a device or as a mount.`,
      );
    const pathOfMount = mounts.find(({ item: mount }) => devicePath !== undefined && devicePath !== '' && mount.mountPath === devicePath);
    if (pathOfMount)
      report(
        [...base, 'devicePath'],
        'value',
        `devicePath ${quoteShort(devicePath ?? '', 30)} is also a mountPath`,
        `The API server rejects it ("must not already exist as a path in volumeMounts"); volumeMounts[${pathOfMount.index}] mounts there. Use one path per mount or device.`,
      );
    if (name === '')
      report([...base, 'name'], 'value', 'a volume device has an empty name', 'The API server rejects it ("Required value"). Name the claim volume to attach as a block device.');
    else if (name !== undefined) {
      const first = names.get(name);
      if (first !== undefined)
        report(
          [...base, 'name'],
          'value',
          `volume ${quoteShort(name, 30)} is attached as a device twice`,
          `The API server rejects it ("must be unique"); volumeDevices[${first}] attaches it already.`,
        );
      else names.set(name, index);
    }
    if (devicePath === '')
      report(
        [...base, 'devicePath'],
        'value',
        'a volume device has an empty devicePath',
        'The API server rejects it ("Required value"). Set the device path in the container, such as /dev/xvda.',
      );
    else if (devicePath !== undefined) {
      if (backstepProblem(devicePath))
        report(
          [...base, 'devicePath'],
          'value',
          `devicePath ${quoteShort(devicePath, 30)} contains ".."`,
          'The API server rejects it ("can not contain backsteps (\'..\')"). Write the path without "..".',
        );
      else {
        const first = paths.get(devicePath);
        if (first !== undefined)
          report(
            [...base, 'devicePath'],
            'value',
            `devicePath ${quoteShort(devicePath, 30)} is used twice`,
            `The API server rejects it ("must be unique"); volumeDevices[${first}] uses it already.`,
          );
        else paths.set(devicePath, index);
      }
    }
  }
}
