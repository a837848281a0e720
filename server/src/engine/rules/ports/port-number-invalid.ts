// containerPort must be 1–65535, and hostPort, when set and non-zero, too; protocol is TCP, UDP or
// SCTP, case-sensitive. core/validation.go validateContainerPorts → IsValidPortNum,
// supportedPortProtocols.
// https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports
import { containersOf } from '../../containers';
import { asInteger, asString, objectItems } from '../../json';
import { capitalize, describeContainer, quoteShort } from '../../k8s/phrasing';
import { PORT_RANGE_MESSAGE, isValidPortNumber } from '../../port-values';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

export const portNumberInvalid: Rule = {
  meta: {
    id: 'port-number-invalid',
    defaultSeverity: 'error',
    category: 'ports',
    summary: 'A containerPort or hostPort is outside 1–65535, or the protocol is not TCP, UDP or SCTP.',
    parity: ['pod-ports'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers'])) {
      for (const { item, index } of objectItems(ref.container.ports)) {
        const base = [...ref.path, 'ports', index];
        const containerPort = asInteger(item.containerPort);
        if (containerPort !== undefined && !isValidPortNumber(containerPort)) {
          findings.push({
            path: [...base, 'containerPort'],
            target: 'value',
            message: `${capitalize(describeContainer(ref))}: containerPort ${containerPort} is outside 1-65535`,
            detail: `The API server rejects it ("${PORT_RANGE_MESSAGE}"). Use the port the process listens on.`,
          });
        }
        const protocol = asString(item.protocol);
        if (protocol && !PROTOCOLS.includes(protocol)) {
          const upper = protocol.toUpperCase();
          findings.push({
            path: [...base, 'protocol'],
            target: 'value',
            message: `${capitalize(describeContainer(ref))}: protocol ${quoteShort(protocol, 20)} is not TCP, UDP or SCTP`,
            detail: `The API server rejects it (Unsupported value: "${protocol}": supported values: "SCTP", "TCP", "UDP"); protocols are upper-case.`,
            fixes: PROTOCOLS.includes(upper)
              ? [{ title: `Change to ${upper}`, intents: [{ op: 'set', path: [...base, 'protocol'], value: upper }], preferred: true, safe: true }]
              : undefined,
          });
        }
        const hostPort = asInteger(item.hostPort);
        if (hostPort !== undefined && hostPort !== 0 && !isValidPortNumber(hostPort)) {
          findings.push({
            path: [...base, 'hostPort'],
            target: 'value',
            message: `${capitalize(describeContainer(ref))}: hostPort ${hostPort} is outside 1-65535`,
            detail: `The API server rejects it ("${PORT_RANGE_MESSAGE}"). Use a valid port, or remove hostPort if the port need not be opened on the node.`,
            fixes: [{ title: 'Remove hostPort', intents: [{ op: 'delete', path: [...base, 'hostPort'] }], preferred: true }],
          });
        }
      }
    }
    return findings;
  },
};
