// Built-in Secret types promise keys, and the API server holds Secrets to them (core
// ValidateSecret): kubernetes.io/tls needs tls.crt and tls.key, dockerconfigjson and dockercfg
// need their JSON document (which must parse), basic-auth needs username or password,
// ssh-auth a non-empty ssh-privatekey, and a service-account-token Secret the annotation naming
// its ServiceAccount. stringData counts: it is merged into data before validation.
// https://kubernetes.io/docs/concepts/configuration/secret/#secret-types
import { asObject, asString, hasKey, type JsonObject } from '../../json';
import { quoted } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

const SA_NAME_ANNOTATION = 'kubernetes.io/service-account.name';

export const secretTypeKeysMissing: Rule = {
  meta: {
    id: 'secret-type-keys-missing',
    defaultSeverity: 'error',
    category: 'storage',
    summary: 'A Secret of a built-in type (tls, dockerconfigjson, basic-auth, ssh-auth, service-account-token) lacks the keys its type requires.',
    kinds: ['Secret'],
    parity: ['config-data'],
  },
  checkObject(context) {
    if (context.apiVersion !== 'v1') return [];
    const object = context.object;
    const type = asString(object.type);
    if (!type) return [];
    const owner = context.name ? `Secret ${quoted(context.name, 20)}` : 'Secret';
    const values = secretValues(object);
    const anchor: FieldPath = ['type'];
    const missing = (keys: string[], detail: string): RuleFinding => ({
      path: hasKey(object, 'data') ? ['data'] : hasKey(object, 'stringData') ? ['stringData'] : anchor,
      target: 'key',
      message: `${owner}: a ${type.replace('kubernetes.io/', '')} Secret needs ${keys.map((key) => `"${key}"`).join(type === 'kubernetes.io/basic-auth' ? ' or ' : ' and ')}`,
      detail,
    });
    switch (type) {
      case 'kubernetes.io/tls': {
        const absent = ['tls.crt', 'tls.key'].filter((key) => !values.has(key));
        return absent.length === 0
          ? []
          : [
              missing(
                absent,
                `The API server rejects it (${absent.map((key) => `data[${key}]: Required value`).join(', ')}). A TLS Secret holds the certificate chain and its private key, PEM-encoded.`,
              ),
            ];
      }
      case 'kubernetes.io/dockerconfigjson':
      case 'kubernetes.io/dockercfg': {
        const key = type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson';
        const value = values.get(key);
        if (value === undefined) return [missing([key], `The API server rejects it (data[${key}]: Required value). Create it with kubectl create secret docker-registry.`)];
        if (value.text === undefined || isJson(value.text)) return [];
        return [
          {
            path: value.path,
            target: 'value',
            message: `${owner}: ${key} is not valid JSON`,
            detail: `The API server rejects it (data[${key}]: Invalid value: "<secret contents redacted>": the content must parse as JSON). Check the base64 encoding of the registry configuration.`,
          },
        ];
      }
      case 'kubernetes.io/basic-auth':
        return values.has('username') || values.has('password')
          ? []
          : [
              missing(
                ['username', 'password'],
                'The API server rejects it (data[username]: Required value, data[password]: Required value): at least one of them must be present.',
              ),
            ];
      case 'kubernetes.io/ssh-auth': {
        const key = values.get('ssh-privatekey');
        return key && key.bytes > 0
          ? []
          : [missing(['ssh-privatekey'], 'The API server rejects it (data[ssh-privatekey]: Required value). The key must be present and not empty.')];
      }
      case 'kubernetes.io/service-account-token': {
        const annotations = asObject(asObject(object.metadata)?.annotations);
        if (asString(annotations?.[SA_NAME_ANNOTATION])) return [];
        return [
          {
            // Where the API server points: the annotation, reported on its nearest existing parent.
            path: ['metadata', 'annotations', SA_NAME_ANNOTATION],
            target: 'key',
            message: `${owner}: needs annotation ${SA_NAME_ANNOTATION}`,
            detail: `The API server rejects it (metadata.annotations[${SA_NAME_ANNOTATION}]: Required value). Name the ServiceAccount whose token the controller should put here.`,
          },
        ];
      }
      default:
        return [];
    }
  },
};

interface SecretValue {
  path: FieldPath;
  /** Decoded text, when the value could be decoded. */
  text?: string;
  bytes: number;
}

/** data (base64) and stringData (plain) as the API server sees them after merging. */
function secretValues(object: JsonObject): Map<string, SecretValue> {
  const values = new Map<string, SecretValue>();
  for (const [key, raw] of Object.entries(asObject(object.data) ?? {})) {
    if (raw === undefined) continue;
    const text = typeof raw === 'string' ? decodeBase64(raw) : undefined;
    values.set(key, { path: ['data', key], text, bytes: text === undefined ? (typeof raw === 'string' ? raw.length : 0) : new TextEncoder().encode(text).length });
  }
  for (const [key, raw] of Object.entries(asObject(object.stringData) ?? {})) {
    if (raw === undefined) continue;
    const text = raw === null ? '' : typeof raw === 'string' ? raw : undefined;
    values.set(key, { path: ['stringData', key], text, bytes: text === undefined ? 1 : new TextEncoder().encode(text).length });
  }
  return values;
}

function decodeBase64(text: string): string | undefined {
  try {
    const binary = atob(text.replace(/[\r\n]/g, ''));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

function isJson(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    // The API server decodes into a map: the document must be a JSON object (or null).
    return typeof parsed === 'object' && !Array.isArray(parsed);
  } catch {
    return false;
  }
}
