// An Ingress backend (spec.defaultBackend or a path's backend) as the API server validates it
// (networking validateIngressBackend): exactly one of `service` and `resource`; a service
// backend names a Service (a DNS label) and one port, by number (1–65535) or by name (an IANA
// service name), not both.
// https://kubernetes.io/docs/concepts/services-networking/ingress/#resource-backend
import { asInteger, asObject, asString, type JsonObject } from '../json';
import { PORT_RANGE_MESSAGE, isValidPortName, isValidPortNumber, portNameErrors } from '../port-values';
import type { FieldPath } from '../types';
import { dns1123LabelErrors, dns1123SubdomainErrors } from './names';
import { clipText, pathText } from './phrasing';

export interface BackendProblem {
  path: FieldPath;
  target: 'key' | 'value';
  /** The problem, to follow the object's name in a message. */
  problem: string;
  detail: string;
}

/** Every problem of the backend at `path` (empty when it is valid or not an object). */
export function ingressBackendProblems(backend: JsonObject, path: FieldPath): BackendProblem[] {
  const where = pathText(path);
  const service = asObject(backend.service);
  const resource = asObject(backend.resource);
  if (service && resource) {
    return [
      {
        path,
        target: 'key',
        problem: 'a backend cannot set both service and resource',
        detail: `The API server rejects it (${where}: cannot set both resource and service backends).`,
      },
    ];
  }
  if (resource) {
    const group = asString(resource.apiGroup);
    const errors = group ? dns1123SubdomainErrors(group) : [];
    if (group === undefined || errors.length === 0) return [];
    return [
      {
        path: [...path, 'resource', 'apiGroup'],
        target: 'value',
        problem: `backend apiGroup "${clipText(group, 24)}" is not a DNS subdomain`,
        detail: `The API server rejects it (${where}.resource.apiGroup: ${errors.join('; ')}).`,
      },
    ];
  }
  if (!service) {
    // Wrong types are schema-type's; other keys (v1beta1 serviceName/servicePort) schema-unknown-field's.
    if (Object.keys(backend).length > 0) return [];
    return [
      {
        path,
        target: 'key',
        problem: 'a backend needs a service (or a resource)',
        detail: `The API server rejects it (${where}: resource or service backend is required). Add service: {name: …, port: {number: …}}.`,
      },
    ];
  }
  return serviceBackendProblems(service, [...path, 'service'], where);
}

function serviceBackendProblems(service: JsonObject, path: FieldPath, where: string): BackendProblem[] {
  const problems: BackendProblem[] = [];
  const name = asString(service.name);
  const nameErrors = name ? dns1123LabelErrors(name) : [];
  if (name && nameErrors.length > 0) {
    problems.push({
      path: [...path, 'name'],
      target: 'value',
      problem: `backend Service name "${clipText(name, 24)}" is not a DNS label`,
      detail: `The API server rejects it (${where}.service.name: Invalid value: "${name}": ${nameErrors.join('; ')}). Service names are DNS labels.`,
    });
  }
  const port = asObject(service.port);
  const portName = asString(port?.name) ?? '';
  const number = asInteger(port?.number) ?? 0;
  if (portName !== '' && number !== 0) {
    problems.push({
      path: [...path, 'port'],
      target: 'key',
      problem: 'a backend port sets both name and number',
      detail: `The API server rejects it (${where}: cannot set both port name & port number). Keep one of them.`,
    });
  } else if (portName !== '') {
    if (!isValidPortName(portName)) {
      problems.push({
        path: [...path, 'port', 'name'],
        target: 'value',
        problem: `backend port name "${clipText(portName, 24)}" is not a valid port name`,
        detail: `The API server rejects it (${where}.service.port.name: ${portNameErrors(portName).join(', ')}). Use the name of a port of the Service, or its number.`,
      });
    }
  } else if (number !== 0) {
    if (!isValidPortNumber(number)) {
      problems.push({
        path: [...path, 'port', 'number'],
        target: 'value',
        problem: `backend port ${number} is not a port number (1-65535)`,
        detail: `The API server rejects it (${where}.service.port.number: Invalid value: ${number}: ${PORT_RANGE_MESSAGE}).`,
      });
    }
  } else if (port === undefined || (port.name === undefined && port.number === undefined) || port.number === 0 || port.name === '') {
    problems.push({
      path: port ? [...path, 'port'] : path,
      target: 'key',
      problem: 'a backend Service needs a port name or number',
      detail: `The API server rejects it (${where}: Required value: port name or number is required). Add port: {number: 80} or port: {name: http}.`,
    });
  }
  return problems;
}
