// ConfigMap and Secret data the API server rejects (core ValidateConfigMap, ValidateSecret):
// keys must be config keys (letters, digits, '-', '_' and '.', at most 253, not '.' or '..' and
// not starting with '..'), a ConfigMap key may not be in both data and binaryData, and the data
// together may not exceed 1 MiB. Secret stringData keys become data keys and follow the same
// rules. https://kubernetes.io/docs/concepts/configuration/configmap/#configmap-object
import { asObject, type JsonObject } from '../../json';
import { clipText, quoted } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

const MAX_DATA_BYTES = 1024 * 1024;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

export const configDataKeyInvalid: Rule = {
  meta: {
    id: 'config-data-key-invalid',
    defaultSeverity: 'error',
    category: 'storage',
    summary: 'A ConfigMap or Secret data key that is not a valid config key, is in both data and binaryData, or data over 1 MiB.',
    kinds: ['ConfigMap', 'Secret'],
    parity: ['config-data'],
  },
  checkObject(context) {
    if (context.apiVersion !== 'v1') return [];
    const object = context.object;
    const owner = context.name ? `${context.kind} ${quoted(context.name, 20)}` : context.kind;
    const findings: RuleFinding[] = [];
    const sections = context.kind === 'ConfigMap' ? (['data', 'binaryData'] as const) : (['data', 'stringData'] as const);
    for (const section of sections) {
      for (const key of Object.keys(asObject(object[section]) ?? {})) {
        const errors = configKeyErrors(key);
        if (errors.length === 0) continue;
        findings.push({
          path: [section, key],
          target: 'key',
          message: `${owner}: ${section} key ${quoted(key, 24)} is not a valid key`,
          detail: `The API server rejects it (${section}[${key}]: Invalid value: "${clipText(key, 80)}": ${errors.join('; ')}). Keys become file names in volumes: use letters, digits, '-', '_' and '.'.`,
        });
      }
    }
    const data = asObject(object.data);
    const binary = asObject(object.binaryData);
    if (context.kind === 'ConfigMap' && data && binary) {
      for (const key of Object.keys(data)) {
        if (!(key in binary)) continue;
        findings.push({
          path: ['data', key],
          target: 'key',
          message: `${owner}: key ${quoted(key, 24)} is in both data and binaryData`,
          detail: `The API server rejects it (data[${key}]: Invalid value: duplicate of key present in binaryData). Keep the key in one of them.`,
        });
      }
    }
    const size = dataSize(context.kind, object);
    if (size > MAX_DATA_BYTES) {
      const path: FieldPath = data ? ['data'] : binary ? ['binaryData'] : ['stringData'];
      findings.push({
        path,
        target: 'key',
        message: `${owner}: data totals ${size} bytes, over the 1 MiB limit`,
        detail: `The API server rejects it (Too long: must have at most ${MAX_DATA_BYTES} bytes). Split the data over several objects, or mount large files from an image or a volume instead.`,
      });
    }
    return findings;
  },
};

function configKeyErrors(key: string): string[] {
  const errors: string[] = [];
  if (key.length > 253) errors.push('must be no more than 253 characters');
  if (!CONFIG_KEY.test(key)) errors.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.'");
  if (key === '.') errors.push("must not be '.'");
  else if (key === '..') errors.push("must not be '..'");
  else if (key.startsWith('..')) errors.push("must not start with '..'");
  return errors;
}

/** Bytes the API server counts: text values as UTF-8, base64 values decoded. */
function dataSize(kind: string, object: JsonObject): number {
  const encoder = new TextEncoder();
  const sizes = new Map<string, number>();
  const decodedSections = kind === 'Secret' ? ['data'] : ['binaryData'];
  const textSections = kind === 'Secret' ? ['stringData'] : ['data'];
  // Secret stringData entries replace data entries of the same key, so count keys once.
  for (const section of [...decodedSections, ...textSections]) {
    for (const [key, value] of Object.entries(asObject(object[section]) ?? {})) {
      if (typeof value !== 'string') continue;
      const bytes = decodedSections.includes(section) ? base64Length(value) : encoder.encode(value).length;
      sizes.set(kind === 'Secret' ? key : `${section}/${key}`, bytes);
    }
  }
  let total = 0;
  for (const bytes of sizes.values()) total += bytes;
  return total;
}

/** Decoded length of base64 text (line breaks ignored, as the decoder does). */
function base64Length(text: string): number {
  const clean = text.replace(/[\r\n]/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}
