// NetworkPolicy rules the API server rejects (networking ValidateNetworkPolicySpec,
// ValidateNetworkPolicyPort, ValidateNetworkPolicyPeer, ValidateIPBlock): a port that is neither
// 1–65535 nor a port name, an endPort below port or without a numeric port, a peer with no
// selector or ipBlock (or an ipBlock next to a selector), an ipBlock whose cidr or except
// entries are not CIDRs or whose except ranges are not strictly inside cidr, and more than two
// policyTypes. Protocol and policyTypes values are schema-enum's.
// https://kubernetes.io/docs/concepts/services-networking/network-policies/
import { asArray, asInteger, asObject, asString, objectItems, type JsonObject } from '../../json';
import { CIDR_MESSAGE, isStrictSubset, parseCidr } from '../../k8s/cidr';
import { parseLabelSelector } from '../../k8s/label-selector';
import { clipText, fitMessage, pathText, quoted } from '../../k8s/phrasing';
import { PORT_RANGE_MESSAGE, isValidPortName, isValidPortNumber, portNameErrors } from '../../port-values';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

type Add = (path: FieldPath, target: 'key' | 'value', problem: string, detail: string) => void;

export const networkPolicyInvalid: Rule = {
  meta: {
    id: 'network-policy-invalid',
    defaultSeverity: 'error',
    category: 'networking',
    summary: 'A NetworkPolicy port, endPort, peer or ipBlock the API server rejects.',
    kinds: ['NetworkPolicy'],
    parity: ['network-policy'],
  },
  checkObject(context) {
    if (context.apiVersion !== 'networking.k8s.io/v1') return [];
    const spec = asObject(context.object.spec);
    if (!spec) return [];
    const name = context.name ? `NetworkPolicy ${quoted(context.name, 20)}` : 'NetworkPolicy';
    const findings: RuleFinding[] = [];
    const add: Add = (path, target, problem, detail) => findings.push({ path, target, message: fitMessage(`${name}: ${problem}`, `${name}: ${problem}`), detail });
    for (const [direction, peersKey] of [
      ['ingress', 'from'],
      ['egress', 'to'],
    ] as const) {
      for (const { item: rule, index } of objectItems(spec[direction])) {
        const rulePath = ['spec', direction, index];
        for (const { item: port, index: portIndex } of objectItems(rule.ports)) checkPort(port, [...rulePath, 'ports', portIndex], add);
        for (const { item: peer, index: peerIndex } of objectItems(rule[peersKey])) checkPeer(peer, [...rulePath, peersKey, peerIndex], add);
      }
    }
    for (const problem of parseLabelSelector(context.object, ['spec', 'podSelector'])?.problems ?? [])
      add(problem.path, problem.target, `podSelector ${problem.message}`, problem.detail);
    const policyTypes = asArray(spec.policyTypes);
    if (policyTypes.length > 2) {
      add(
        ['spec', 'policyTypes'],
        'key',
        'policyTypes lists more than two types',
        'The API server rejects it (spec.policyTypes: may not specify more than two policyTypes). Use Ingress, Egress, or both once.',
      );
    }
    return findings;
  },
};

function checkPort(port: JsonObject, path: FieldPath, add: Add): void {
  const where = pathText(path);
  const endPort = asInteger(port.endPort);
  const number = asInteger(port.port);
  const name = asString(port.port);
  if (number !== undefined) {
    if (!isValidPortNumber(number))
      add(
        [...path, 'port'],
        'value',
        `port ${number} is not a port number (1-65535)`,
        `The API server rejects it (${where}.port: Invalid value: ${number}: ${PORT_RANGE_MESSAGE}).`,
      );
    if (endPort === undefined) return;
    if (endPort < number) {
      add(
        [...path, 'endPort'],
        'value',
        `endPort ${endPort} is below port ${number}`,
        `The API server rejects it (${where}.endPort: Invalid value: ${endPort}: must be greater than or equal to \`port\`).`,
      );
    }
    if (!isValidPortNumber(endPort))
      add([...path, 'endPort'], 'value', `endPort ${endPort} is not a port number (1-65535)`, `The API server rejects it (${where}.endPort: ${PORT_RANGE_MESSAGE}).`);
    return;
  }
  if (name !== undefined) {
    if (endPort !== undefined) {
      add(
        [...path, 'endPort'],
        'key',
        'endPort needs a numeric port',
        `The API server rejects it (${where}.endPort: Invalid value: ${endPort}: may not be specified when \`port\` is non-numeric).`,
      );
    }
    if (!isValidPortName(name)) {
      add(
        [...path, 'port'],
        'value',
        `port "${clipText(name, 24)}" is not a valid port name`,
        `The API server rejects it (${where}.port: ${portNameErrors(name).join(', ')}). Use a number, or the name of a container port.`,
      );
    }
    return;
  }
  if (endPort !== undefined && (port.port === undefined || port.port === null)) {
    add(
      path,
      'key',
      'endPort needs a port',
      `The API server rejects it (${where}.endPort: Invalid value: ${endPort}: may not be specified when \`port\` is not specified). Set port to the start of the range.`,
    );
  }
}

function checkPeer(peer: JsonObject, path: FieldPath, add: Add): void {
  const where = pathText(path);
  const present = ['podSelector', 'namespaceSelector', 'ipBlock'].filter((key) => peer[key] !== undefined && peer[key] !== null);
  if (present.length === 0) {
    add(
      path,
      'key',
      'a peer needs a podSelector, namespaceSelector or ipBlock',
      `The API server rejects it (${where}: Required value: must specify a peer). Use {} selectors to mean "all".`,
    );
    return;
  }
  const ipBlock = asObject(peer.ipBlock);
  if (present.includes('ipBlock') && present.length > 1) {
    add(
      [...path, 'ipBlock'],
      'key',
      'ipBlock cannot share a peer with a selector',
      `The API server rejects it (${where}: Forbidden: may not specify both ipBlock and another peer). Make them two peers (two list entries).`,
    );
  }
  if (ipBlock) checkIpBlock(ipBlock, [...path, 'ipBlock'], add);
  for (const key of ['podSelector', 'namespaceSelector']) {
    for (const problem of parseLabelSelector(peer, [key])?.problems ?? []) add([...path, ...problem.path], problem.target, `${key} ${problem.message}`, problem.detail);
  }
}

function checkIpBlock(ipBlock: JsonObject, path: FieldPath, add: Add): void {
  const where = pathText(path);
  const cidrText = asString(ipBlock.cidr);
  if (cidrText === undefined) return; // missing or not a string: schema
  const cidr = parseCidr(cidrText);
  if (!cidr) {
    add(
      [...path, 'cidr'],
      'value',
      `cidr "${clipText(cidrText, 24)}" is not a CIDR`,
      `The API server rejects it (${where}.cidr: Invalid value: "${cidrText}": ${CIDR_MESSAGE}). Write a single address as 203.0.113.7/32.`,
    );
    return;
  }
  asArray(ipBlock.except).forEach((raw, index) => {
    if (typeof raw !== 'string') return;
    const except = parseCidr(raw);
    const exceptPath = [...path, 'except', index];
    if (!except) {
      add(exceptPath, 'value', `except "${clipText(raw, 24)}" is not a CIDR`, `The API server rejects it (${where}.except[${index}]: Invalid value: "${raw}": ${CIDR_MESSAGE}).`);
    } else if (!isStrictSubset(except, cidr)) {
      add(
        exceptPath,
        'value',
        `except "${clipText(raw, 24)}" is not strictly inside cidr`,
        `The API server rejects it (${where}.except[${index}]: Invalid value: "${raw}": must be a strict subset of \`cidr\`).`,
      );
    }
  });
}
