// How the API server judges ports, in one place for every rule that reads them: containerPort and
// hostPort, probe and hook ports, Service targetPort. A number must be 1–65535; a name (an
// int-or-string port given as a string, or ports[].name) must be an IANA service name. The
// messages are the upstream ones (apimachinery util/validation IsValidPortNum / IsValidPortName),
// so users can match them with what `kubectl apply` prints.
// https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports

export const PORT_RANGE_MESSAGE = 'must be between 1 and 65535, inclusive';

export function isValidPortNumber(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

/**
 * The upstream complaints about a port name, in upstream order; empty when the name is valid.
 * IANA service names (RFC 6335): ≤ 15 characters of a-z, 0-9 and '-', at least one letter, no
 * '--', no leading or trailing '-'.
 */
export function portNameErrors(name: string): string[] {
  const errors: string[] = [];
  if (name.length > 15) errors.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errors.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errors.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errors.push('must not begin or end with a hyphen');
  return errors;
}

export function isValidPortName(name: string): boolean {
  return portNameErrors(name).length === 0;
}

/** A string that is a plain port number ("8080"): YAML quoting turned the number into a name. */
export function quotedPortNumber(value: string): number | undefined {
  if (!/^\s*\d{1,5}\s*$/.test(value)) return undefined;
  const number = Number(value.trim());
  return isValidPortNumber(number) ? number : undefined;
}
