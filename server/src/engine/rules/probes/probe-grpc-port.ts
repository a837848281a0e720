// grpc.port is a plain int32 in the API (not int-or-string like httpGet/tcpSocket), so a named
// or quoted port cannot even be decoded, and numbers must be 1–65535. The probe docs say it
// plainly: gRPC probes do not support named ports.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-grpc-liveness-probe
import { asInteger, asObject, asString } from '../../json';
import { declaredPorts } from '../../k8s/container-ports';
import { quoteShort } from '../../k8s/phrasing';
import { describeOwner, probesOf } from '../../k8s/probe-walk';
import { PORT_RANGE_MESSAGE, isValidPortNumber, quotedPortNumber } from '../../port-values';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

const DECODE_ERROR = 'cannot unmarshal string into Go struct field GRPCAction.port of type int32';

export const probeGrpcPort: Rule = {
  meta: {
    id: 'probe-grpc-port',
    defaultSeverity: 'error',
    category: 'probes',
    summary: 'grpc.port must be a port number 1–65535; gRPC probes do not support named ports.',
    parity: ['pod-probes'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of probesOf(context.spec, context.specPath)) {
      const grpc = asObject(ref.probe.grpc);
      if (!grpc) continue;
      const path = [...ref.path, 'grpc', 'port'];
      const where = `grpc.port of ${describeOwner(ref.kind, ref.container)}`;
      const number = asInteger(grpc.port);
      if (number !== undefined) {
        if (!isValidPortNumber(number)) {
          findings.push({
            path,
            target: 'value',
            message: `${where} is ${number}, outside 1–65535`,
            detail: `The API server rejects it ("${PORT_RANGE_MESSAGE}"). Use the port the gRPC server listens on.`,
          });
        }
        continue;
      }
      const name = asString(grpc.port);
      if (name === undefined) continue;
      const quoted = quotedPortNumber(name);
      if (quoted !== undefined) {
        findings.push({
          path,
          target: 'value',
          message: `${where} is the string "${name}"; it must be a number`,
          detail: `The field is a plain number, so the API server cannot decode a string ("${DECODE_ERROR}"). Write port: ${quoted} without quotes.`,
          fixes: [{ title: `Unquote the port (${quoted})`, intents: [{ op: 'set', path, value: quoted }], preferred: true, safe: true }],
        });
        continue;
      }
      const declared = declaredPorts(ref.container).find((port) => port.name === name && port.containerPort !== undefined);
      findings.push({
        path,
        target: 'value',
        message: `${where} is the name ${quoteShort(name, 20)}, not a number`,
        detail: `gRPC probes do not support named ports; the API server cannot decode a name ("${DECODE_ERROR}"). ${declared ? `Use the number of the containerPort named "${name}": ${declared.containerPort}.` : 'Use the port number.'}`,
        fixes:
          declared?.containerPort !== undefined
            ? [
                {
                  title: `Use containerPort ${declared.containerPort} (named "${name}")`,
                  intents: [{ op: 'set', path, value: declared.containerPort }],
                  preferred: true,
                  safe: true,
                },
              ]
            : [],
      });
    }
    return findings;
  },
};
