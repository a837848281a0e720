// What env and envFrom entries point at must be well-formed: ConfigMap and Secret names are DNS
// subdomains (an omitted name is "" and fails too), keys are config-map keys, envFrom names are
// required, fieldRef.apiVersion is v1 and its label/annotation subscript a qualified name, and
// resourceFieldRef names a container resource with a supported divisor.
// core/validation.go validateConfigMapKeySelector, validateSecretKeySelector,
// validateConfigMapEnvSource, validateSecretEnvSource, validateObjectFieldSelector,
// validateContainerResourceFieldSelector, validateContainerResourceDivisor.
// https://kubernetes.io/docs/tasks/inject-data-application/distribute-credentials-secure/#define-container-environment-variables-using-secret-data
import { containersOf } from '../../containers';
import { asObject, asString, hasKey, objectItems, type JsonObject } from '../../json';
import { dns1123SubdomainErrors, qualifiedNameErrors } from '../../k8s/names';
import { capitalize, describeContainer, fitMessage, quoteShort } from '../../k8s/phrasing';
import { configMapKeyErrors } from '../../k8s/pod-formats';
import { parseQuantity } from '../../k8s/quantity';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

const RESOURCES = new Set(['limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage']);
const SUBSCRIPT = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/;

export const envReferenceInvalid: Rule = {
  meta: {
    id: 'env-reference-invalid',
    defaultSeverity: 'error',
    category: 'environment',
    summary: 'An env or envFrom reference has an invalid ConfigMap/Secret name or key, fieldRef apiVersion, or resourceFieldRef resource or divisor.',
    parity: ['pod-env'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const who = capitalize(describeContainer(ref));
      const report = (path: FieldPath, target: 'key' | 'value', full: string, short: string, detail: string): void => {
        findings.push({ path, target, message: fitMessage(`${who}: ${full}`, short), detail });
      };
      for (const { item, index } of objectItems(ref.container.env)) {
        const valueFrom = asObject(item.valueFrom);
        if (!valueFrom) continue;
        const base = [...ref.path, 'env', index, 'valueFrom'];
        const envName = asString(item.name) ?? `env[${index}]`;
        for (const [field, kind] of [
          ['configMapKeyRef', 'ConfigMap'],
          ['secretKeyRef', 'Secret'],
        ] as const) {
          const selector = asObject(valueFrom[field]);
          if (selector) checkKeySelector(report, selector, [...base, field], kind, envName);
        }
        const fieldRef = asObject(valueFrom.fieldRef);
        if (fieldRef) checkFieldRef(report, fieldRef, [...base, 'fieldRef']);
        const resourceRef = asObject(valueFrom.resourceFieldRef);
        if (resourceRef) checkResourceRef(report, resourceRef, [...base, 'resourceFieldRef']);
      }
      for (const { item, index } of objectItems(ref.container.envFrom)) {
        for (const [field, kind] of [
          ['configMapRef', 'ConfigMap'],
          ['secretRef', 'Secret'],
        ] as const) {
          const source = asObject(item[field]);
          if (!source) continue;
          const path = [...ref.path, 'envFrom', index, field];
          const name = asString(source.name) ?? '';
          if (name === '') {
            report(
              hasKey(source, 'name') ? [...path, 'name'] : path,
              'key',
              `envFrom[${index}].${field} names no ${kind}`,
              `envFrom[${index}].${field} names no ${kind}`,
              `The API server rejects it ("${field}.name: Required value"). Add the ${kind}'s name.`,
            );
            continue;
          }
          // envFrom names are checked as prefixes: a trailing '-' is tolerated there.
          const errors = dns1123SubdomainErrors(name.endsWith('-') ? `${name.slice(0, -1)}a` : name);
          if (errors.length > 0)
            report(
              [...path, 'name'],
              'value',
              `${kind} name ${quoteShort(name, 30)} is invalid`,
              `${kind} name ${quoteShort(name, 30)} is invalid`,
              `The API server rejects it: ${errors.join('; ')}.`,
            );
        }
      }
    }
    return findings;
  },
};

type Report = (path: FieldPath, target: 'key' | 'value', full: string, short: string, detail: string) => void;

function checkKeySelector(report: Report, selector: JsonObject, path: FieldPath, kind: string, envName: string): void {
  const field = kind === 'ConfigMap' ? 'configMapKeyRef' : 'secretKeyRef';
  const name = asString(selector.name) ?? (hasKey(selector, 'name') ? undefined : '');
  if (name !== undefined) {
    const errors = dns1123SubdomainErrors(name);
    if (name === '') {
      report(
        hasKey(selector, 'name') ? [...path, 'name'] : path,
        'key',
        `${field} of ${quoteShort(envName, 30)} names no ${kind}`,
        `${field} names no ${kind}`,
        `An omitted name is empty, and the API server rejects it (${field}.name: Invalid value: "": ${errors[errors.length - 1]}). Add the ${kind}'s name.`,
      );
    } else if (errors.length > 0) {
      report(
        [...path, 'name'],
        'value',
        `${kind} name ${quoteShort(name, 30)} is invalid`,
        `${kind} name ${quoteShort(name, 30)} is invalid`,
        `The API server rejects it: ${errors.join('; ')}.`,
      );
    }
  }
  const key = asString(selector.key);
  if (key === undefined) return;
  if (key === '') {
    report(
      [...path, 'key'],
      'value',
      `${field} of ${quoteShort(envName, 30)} has an empty key`,
      `${field} has an empty key`,
      `The API server rejects it ("${field}.key: Required value").`,
    );
    return;
  }
  const errors = configMapKeyErrors(key);
  if (errors.length > 0)
    report(
      [...path, 'key'],
      'value',
      `${kind} key ${quoteShort(key, 30)} is invalid`,
      `${kind} key ${quoteShort(key, 30)} is invalid`,
      `The API server rejects it: ${errors.join('; ')}.`,
    );
}

function checkFieldRef(report: Report, fieldRef: JsonObject, path: FieldPath): void {
  const apiVersion = asString(fieldRef.apiVersion);
  // An omitted apiVersion defaults to v1.
  if (apiVersion !== undefined && apiVersion !== '' && apiVersion !== 'v1') {
    report(
      [...path, 'apiVersion'],
      'value',
      `fieldRef apiVersion ${quoteShort(apiVersion, 20)} is not v1`,
      `fieldRef apiVersion ${quoteShort(apiVersion, 20)} is not v1`,
      `The API server rejects the field path ("error converting fieldPath: unsupported pod version: ${apiVersion}"). Remove apiVersion or set it to v1.`,
    );
    return;
  }
  const fieldPath = asString(fieldRef.fieldPath);
  const match = fieldPath === undefined ? null : SUBSCRIPT.exec(fieldPath);
  if (!match) return;
  const subscript = match[1] === 'metadata.annotations' ? match[2].toLowerCase() : match[2];
  const errors = qualifiedNameErrors(subscript);
  if (errors.length > 0)
    report(
      [...path, 'fieldPath'],
      'value',
      `fieldRef key ${quoteShort(match[2], 30)} is not a valid ${match[1] === 'metadata.labels' ? 'label' : 'annotation'} key`,
      `fieldRef key ${quoteShort(match[2], 30)} is not a valid key`,
      `The API server rejects it: ${errors.join('; ')}.`,
    );
}

function checkResourceRef(report: Report, resourceRef: JsonObject, path: FieldPath): void {
  const resource = asString(resourceRef.resource);
  if (resource === undefined) return;
  const hugePages = resource.startsWith('requests.hugepages-') || resource.startsWith('limits.hugepages-');
  if (resource !== '' && !RESOURCES.has(resource) && !hugePages) {
    report(
      [...path, 'resource'],
      'value',
      `resourceFieldRef ${quoteShort(resource, 30)} is not a container resource`,
      `resourceFieldRef ${quoteShort(resource, 30)} is not a container resource`,
      'The API server rejects it. Supported: limits.cpu, limits.memory, limits.ephemeral-storage, requests.cpu, requests.memory, requests.ephemeral-storage, and requests/limits.hugepages-<size>.',
    );
    return;
  }
  const divisor = parseQuantity(resourceRef.divisor);
  if (!divisor || divisor.numerator === 0n) return;
  const cpu = resource.endsWith('.cpu');
  const allowed = cpu
    ? [
        [1n, 1000n],
        [1n, 1n],
      ]
    : [...[0, 1, 2, 3, 4, 5, 6].map((power) => [1000n ** BigInt(power), 1n]), ...[1, 2, 3, 4, 5, 6].map((power) => [1024n ** BigInt(power), 1n])];
  // Compared by value: a divisor the API server would spell differently is left alone (no false error).
  if (allowed.some(([numerator, denominator]) => divisor.numerator * denominator === numerator * divisor.denominator)) return;
  const list = cpu ? '1m and 1' : '1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei';
  report(
    [...path, 'divisor'],
    'value',
    `divisor of ${quoteShort(resource, 30)} is not one of ${cpu ? '1m, 1' : '1, 1k, 1Ki, 1M, 1Mi, …'}`,
    `resourceFieldRef divisor is not supported`,
    `The API server rejects it ("only divisor's values ${list} are supported"). Use one of those units.`,
  );
}
