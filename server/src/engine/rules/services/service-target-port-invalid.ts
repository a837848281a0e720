// A Service's targetPort is an int-or-string: a number must be 1–65535, a string must be an IANA
// service name (the name of a container port). The API server rejects anything else
// (core/validation.go validateServicePort → IsValidPortNum / IsValidPortName). 0 and "" are not
// errors: the defaulter replaces them with `port`. A quoted number ("8080") is a string, so it is
// read as a name and rejected.
// https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports
import { asInteger, asObject, asString, objectItems } from '../../json';
import { describeObject } from '../../k8s/file-objects';
import { clipText } from '../../k8s/phrasing';
import { PORT_RANGE_MESSAGE, isValidPortName, isValidPortNumber, portNameErrors, quotedPortNumber } from '../../port-values';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

export const serviceTargetPortInvalid: Rule = {
  meta: {
    id: 'service-target-port-invalid',
    defaultSeverity: 'error',
    category: 'services',
    summary: 'A Service targetPort is neither a number 1–65535 nor a valid port name (≤ 15 lower-case characters, at least one letter).',
    kinds: ['Service'],
    parity: ['service'],
  },
  checkObject(context) {
    if (context.apiVersion !== 'v1') return [];
    const findings: RuleFinding[] = [];
    for (const { item: port, index } of objectItems(asObject(context.object.spec)?.ports)) {
      const path = ['spec', 'ports', index, 'targetPort'];
      const field = `spec.ports[${index}].targetPort`;
      const service = describeObject(context);
      const number = asInteger(port.targetPort);
      if (number !== undefined) {
        if (number === 0 || isValidPortNumber(number)) continue; // 0 defaults to port
        findings.push({
          path,
          target: 'value',
          message: `${service}: targetPort ${number} is not a port number (1-65535)`,
          detail: `The API server rejects it (${field}: Invalid value: ${number}: ${PORT_RANGE_MESSAGE}). Use the port the Pods listen on, or the name of their container port.`,
        });
        continue;
      }
      const name = asString(port.targetPort);
      if (name === undefined || name === '' || isValidPortName(name)) continue; // "" defaults to port; other types: schema-type
      const errors = portNameErrors(name).join(', ');
      const quoted = quotedPortNumber(name);
      if (quoted !== undefined) {
        findings.push({
          path,
          target: 'value',
          message: `${service}: targetPort "${name}" is a quoted number, read as an invalid port name`,
          detail: `The API server reads a string targetPort as a port name and rejects this one (${field}: ${errors}). Write the number without quotes: targetPort: ${quoted}.`,
          fixes: [{ title: `Unquote the targetPort (${quoted})`, intents: [{ op: 'set', path, value: quoted }], preferred: true, safe: true }],
        });
        continue;
      }
      const fixes: FixSpec[] = [];
      const lower = name.toLowerCase().replace(/_/g, '-');
      if (lower !== name && isValidPortName(lower)) {
        // Not safe: the container port must carry the same (valid) name for the Service to reach it.
        fixes.push({ title: `Use the port name "${lower}" (name the container port the same)`, intents: [{ op: 'set', path, value: lower }], preferred: true });
      }
      findings.push({
        path,
        target: 'value',
        message: `${service}: targetPort "${clipText(name)}" is not a valid port name`,
        detail:
          `The API server rejects it (${field}: Invalid value: "${name}": ${errors}). ` +
          "A named targetPort must be the name of a container port: at most 15 lower-case letters, digits and '-', with at least one letter. Rename both, or use the port number.",
        fixes,
      });
    }
    return findings;
  },
};
