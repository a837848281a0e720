// Ports a container says it listens on in its command line. `containerPort` is informational in
// Kubernetes: many images take their port from a flag instead (`--port 8080`, `--listen=:8080`,
// `-p 8080`, `--web.listen-address=0.0.0.0:9090`), and a Service that targets such a port works
// although no `ports:` entry declares it.
// https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service
import type { ContainerRef } from '../containers';
import { asString, type JsonValue } from '../json';
import { isValidPortNumber } from '../port-values';

/** A flag whose value is a port or an address with a port: --port, --http-port, --listen, --bind, --addr, --address. */
const PORT_FLAG = /^-[a-z0-9.-]*(?:port|listen|bind|addr|address)$/i;
/** `8080`, `:8080`, `0.0.0.0:8080`, `[::]:8080`, `localhost:8080`. */
const PORT_VALUE = /^(?:[^\s:]*:|\[[0-9a-f:]*\]:)?(\d{1,5})$/i;

function portOf(value: string): number | undefined {
  const match = PORT_VALUE.exec(value.trim());
  if (!match) return undefined;
  const port = Number(match[1]);
  return isValidPortNumber(port) ? port : undefined;
}

function words(value: JsonValue | undefined): string[] {
  if (!Array.isArray(value)) return [];
  const result: string[] = [];
  for (const item of value) {
    const text = asString(item);
    // `sh -c "exec app --port 8080"`: the flags are inside one string.
    if (text !== undefined) result.push(...text.split(/\s+/).filter((word) => word !== ''));
  }
  return result;
}

/** Port numbers named by listening flags in the container's command and args. */
export function commandLinePorts(container: ContainerRef): number[] {
  const argv = [...words(container.container.command), ...words(container.container.args)];
  const ports = new Set<number>();
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index];
    const equals = word.indexOf('=');
    const flag = equals > 0 ? word.slice(0, equals) : word;
    if (flag !== '-p' && !PORT_FLAG.test(flag)) continue;
    const value = equals > 0 ? word.slice(equals + 1) : argv[index + 1];
    const port = value === undefined ? undefined : portOf(value);
    if (port !== undefined) ports.add(port);
  }
  return [...ports];
}
