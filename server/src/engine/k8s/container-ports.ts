// The ports a container declares, and how a probe's port (a number or a port name) resolves
// against them, the way the kubelet resolves it.
import type { ContainerRef } from '../containers';
import { asInteger, asString, objectItems, type JsonValue } from '../json';
import type { FieldPath } from '../types';

export interface DeclaredPort {
  index: number;
  containerPort: number | undefined;
  name: string | undefined;
  /** Defaulted to TCP, as the API server does. */
  protocol: string;
  path: FieldPath;
}

export function declaredPorts(container: ContainerRef): DeclaredPort[] {
  return objectItems(container.container.ports).map(({ item, index }) => ({
    index,
    containerPort: asInteger(item.containerPort),
    name: asString(item.name),
    protocol: asString(item.protocol) ?? 'TCP',
    path: [...container.path, 'ports', index],
  }));
}

/** The containerPort number a probe port names in its container (names match exactly, like the kubelet). */
export function resolvePort(container: ContainerRef, port: JsonValue | undefined): number | undefined {
  const number = asInteger(port);
  if (number !== undefined) return number;
  const name = asString(port);
  if (name === undefined) return undefined;
  return declaredPorts(container).find((declared) => declared.name === name)?.containerPort;
}

/** The first TCP port a container declares, for probe skeletons. */
export function firstTcpPort(container: ContainerRef): number | undefined {
  return declaredPorts(container).find((port) => port.protocol === 'TCP' && port.containerPort !== undefined)?.containerPort;
}
