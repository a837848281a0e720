// Quick fixes that move an object from a removed or deprecated apiVersion to its replacement,
// with the structural changes the replacement needs (deprecation-guide.md, "v1.16"/"v1.22").
// https://kubernetes.io/docs/reference/using-api/deprecation-guide/
import { asObject, asString, getIn, hasKey, objectItems, type JsonObject } from '../json';
import type { FieldPath, FixIntent, FixSpec } from '../types';
import type { DeprecatedApi, Replacement } from './deprecation-table';
import { parseLabelSelector } from './label-selector';
import { selectorFromTemplateIntent } from './workload-labels';

/** The PetSet-era annotation that gated Pod start; StatefulSet ignores it. */
export const PETSET_INITIALIZED_ANNOTATION = 'pod.alpha.kubernetes.io/initialized';

/** Fields apps/v1 no longer has: the rewritten object would be rejected with them. */
const DROPPED_IN_APPS_V1: Record<string, readonly string[]> = {
  Deployment: ['rollbackTo'],
  DaemonSet: ['templateGeneration'],
};

export function migrationFix(object: JsonObject, kind: string, entry: DeprecatedApi, replacement: Replacement): FixSpec | undefined {
  const target = replacement.kind ?? kind;
  let intents: FixIntent[] | undefined;
  switch (entry.conversion) {
    case 'apiVersion':
      intents = renameIntents(replacement.apiVersion, kind, target);
      break;
    case 'apps':
      intents = appsIntents(object, kind, replacement.apiVersion);
      break;
    case 'petset':
      intents = petSetIntents(object, replacement.apiVersion, target);
      break;
    case 'ingress':
      intents = ingressIntents(object, replacement.apiVersion);
      break;
    case 'none':
      intents = undefined;
  }
  if (!intents) return undefined;
  const title = target !== kind ? `Convert to ${replacement.apiVersion} ${target}` : `Move to ${replacement.apiVersion}`;
  return { title, intents, preferred: true };
}

function renameIntents(apiVersion: string, kind: string, target: string): FixIntent[] {
  const intents: FixIntent[] = [{ op: 'set', path: ['apiVersion'], value: apiVersion }];
  if (target !== kind) intents.push({ op: 'set', path: ['kind'], value: target });
  return intents;
}

/** apps/v1 requires spec.selector; the old versions defaulted it from the template labels. */
function selectorIntents(object: JsonObject, insertAfter?: string): FixIntent[] | undefined {
  const selector = parseLabelSelector(object, ['spec', 'selector']);
  if (selector && !selector.empty) return [];
  const intent = selectorFromTemplateIntent(object, insertAfter);
  return intent ? [intent] : undefined;
}

function appsIntents(object: JsonObject, kind: string, apiVersion: string): FixIntent[] | undefined {
  const spec = asObject(object.spec);
  if (!spec) return undefined;
  const dropped = (DROPPED_IN_APPS_V1[kind] ?? []).filter((field) => hasKey(spec, field));
  // Inserting right after the key a delete removes would make the two edits touch; anchor the
  // new selector after the removed field instead.
  const selector = selectorIntents(object, dropped.length > 0 ? dropped[dropped.length - 1] : undefined);
  if (!selector) return undefined;
  return [{ op: 'set', path: ['apiVersion'], value: apiVersion }, ...selector, ...dropped.map((field): FixIntent => ({ op: 'delete', path: ['spec', field] }))];
}

function petSetIntents(object: JsonObject, apiVersion: string, kind: string): FixIntent[] | undefined {
  const selector = selectorIntents(object);
  if (!selector) return undefined;
  const intents: FixIntent[] = [{ op: 'set', path: ['apiVersion'], value: apiVersion }, { op: 'set', path: ['kind'], value: kind }, ...selector];
  const annotationsPath: FieldPath = ['spec', 'template', 'metadata', 'annotations'];
  const annotations = asObject(getIn(object, annotationsPath));
  // The annotation goes; when it was the only one, so does the `annotations:` key it leaves empty.
  if (annotations && hasKey(annotations, PETSET_INITIALIZED_ANNOTATION)) {
    const onlyOne = Object.keys(annotations).length === 1;
    intents.push({ op: 'delete', path: onlyOne ? annotationsPath : [...annotationsPath, PETSET_INITIALIZED_ANNOTATION] });
  }
  return intents;
}

/**
 * networking.k8s.io/v1 Ingress: `backend.serviceName/servicePort` became
 * `backend.service.name/port.number|name`, `spec.backend` became `spec.defaultBackend`, and every
 * path needs a pathType (ImplementationSpecific keeps the old behaviour).
 */
function ingressIntents(object: JsonObject, apiVersion: string): FixIntent[] | undefined {
  const spec = asObject(object.spec);
  if (!spec) return undefined;
  const intents: FixIntent[] = [{ op: 'set', path: ['apiVersion'], value: apiVersion }];
  if (hasKey(spec, 'backend')) {
    const backend = backendIntents(spec.backend, ['spec', 'backend']);
    if (!backend) return undefined;
    intents.push({ op: 'rename', path: ['spec', 'backend'], newKey: 'defaultBackend' }, ...backend);
  }
  for (const { item: rule, index: ruleIndex } of objectItems(spec.rules)) {
    for (const { item: entry, index } of objectItems(getIn(rule, ['http', 'paths']))) {
      const path: FieldPath = ['spec', 'rules', ruleIndex, 'http', 'paths', index];
      if (!hasKey(entry, 'pathType')) {
        intents.push({ op: 'insert', path, key: 'pathType', value: 'ImplementationSpecific', after: hasKey(entry, 'path') ? 'path' : undefined });
      }
      const backend = backendIntents(entry.backend, [...path, 'backend']);
      if (!backend) return undefined;
      intents.push(...backend);
    }
  }
  return intents;
}

/**
 * Rewrites a v1beta1 backend in place (serviceName/servicePort → service.name/port), touching only
 * those two lines so comments around them stay; [] when it needs no change (a resource backend).
 */
function backendIntents(raw: unknown, path: FieldPath): FixIntent[] | undefined {
  const backend = asObject(raw);
  if (!backend) return undefined;
  if (!hasKey(backend, 'serviceName')) return hasKey(backend, 'resource') ? [] : undefined;
  const name = asString(backend.serviceName);
  if (name === undefined) return undefined;
  const port = backend.servicePort;
  let servicePort: JsonObject;
  if (typeof port === 'number' && Number.isInteger(port)) servicePort = { number: port };
  else if (typeof port === 'string' && /^\d+$/.test(port)) servicePort = { number: Number(port) };
  else if (typeof port === 'string') servicePort = { name: port };
  else return undefined;
  return [
    { op: 'delete', path: [...path, 'serviceName'] },
    { op: 'delete', path: [...path, 'servicePort'] },
    { op: 'insert', path, key: 'service', value: { name, port: servicePort } },
  ];
}
