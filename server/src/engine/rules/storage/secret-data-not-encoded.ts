// A Secret's `data` holds base64; `stringData` holds plain text that the API server encodes.
// `data: {password: admin123}` is valid base64 by accident (eight letters and digits), so the
// Secret is accepted, but the Pod reads six bytes of binary instead of "admin123" and the login
// fails at run time. Invalid base64 is rejected by the API server and reported by the schema
// layer (schema-format); this rule covers the values that slip through.
// https://kubernetes.io/docs/concepts/configuration/secret/#restriction-names-data
import { asObject, hasKey, type JsonObject } from '../../json';
import { clipText, fitMessage, quoted } from '../../k8s/phrasing';
import { accidentalBase64, encodeBase64 } from '../../k8s/secret-data';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

export const secretDataNotEncoded: Rule = {
  meta: {
    id: 'secret-data-not-encoded',
    defaultSeverity: 'warning',
    category: 'storage',
    summary: 'A Secret data value looks like plain text that is base64 by accident; the Pod reads binary bytes. Use stringData.',
    kinds: ['Secret'],
  },
  checkObject(context) {
    const data = asObject(context.object.data);
    if (!data) return [];
    const stringData = asObject(context.object.stringData);
    const findings: RuleFinding[] = [];
    const name = context.name ? `Secret ${quoted(context.name, 30)}` : 'The Secret';
    for (const [key, value] of Object.entries(data)) {
      if (typeof value !== 'string') continue;
      const accident = accidentalBase64(value);
      if (!accident) continue;
      findings.push({
        path: ['data', key],
        target: 'value',
        message: fitMessage(
          `${name}: data.${clipText(key, 30)} looks like plain text, but data values must be base64`,
          `data.${clipText(key, 40)} looks like plain text, but data values must be base64`,
        ),
        detail:
          `The API server base64-decodes every data value. This one happens to be valid base64, so the Secret is accepted, ` +
          `but it decodes to ${accident.decodedLength} bytes of binary, not the text written here, and that is what a Pod reads. ` +
          'Put the plain value under stringData (the API server encodes it), or write its base64 encoding under data.',
        fixes: fixesFor(key, value, data, stringData, hasKey(context.object, 'stringData')),
      });
    }
    return findings;
  },
};

function fixesFor(key: string, value: string, data: JsonObject, stringData: JsonObject | undefined, stringDataKey: boolean): FixSpec[] {
  const fixes: FixSpec[] = [];
  const title = `Move ${clipText(key, 30)} to stringData (stored as written)`;
  if (!stringDataKey && Object.keys(data).length === 1) {
    // The only entry: renaming the map keeps its layout and comments.
    fixes.push({ title, intents: [{ op: 'rename', path: ['data'], newKey: 'stringData' }], preferred: true });
  } else if (!stringData || !(key in stringData)) {
    // A key already in stringData wins over data on write; moving this one there would be lost.
    fixes.push({
      title,
      intents: [
        { op: 'delete', path: ['data', key] },
        { op: 'insert', path: ['stringData'], key, value },
      ],
      preferred: true,
    });
  }
  fixes.push({ title: 'Encode the value as base64', intents: [{ op: 'set', path: ['data', key], value: encodeBase64(value) }] });
  return fixes;
}
