// Ingress paths the API server rejects (networking validateHTTPIngressPath): with pathType Exact
// or Prefix the path must be absolute (an omitted path too) and free of `//`, `/./`, `/../`,
// an encoded slash (%2f), and of a trailing `/.` or `/..`; with ImplementationSpecific a path,
// when given, must still start with '/'. The pathType values themselves are schema-enum's.
// https://kubernetes.io/docs/concepts/services-networking/ingress/#path-types
import { asObject, asString, hasKey, objectItems } from '../../json';
import { clipText, quoted } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

const BAD_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const BAD_SUFFIXES = ['/..', '/.'];

export const ingressPathInvalid: Rule = {
  meta: {
    id: 'ingress-path-invalid',
    defaultSeverity: 'error',
    category: 'networking',
    summary: "An Ingress path that is not absolute, or (for Exact and Prefix) holds '//', '/./', '/../' or an encoded slash.",
    kinds: ['Ingress'],
    parity: ['ingress'],
  },
  checkObject(context) {
    if (context.apiVersion !== 'networking.k8s.io/v1') return [];
    const name = context.name ? `Ingress ${quoted(context.name, 20)}` : 'Ingress';
    const findings: RuleFinding[] = [];
    for (const { item: rule, index } of objectItems(asObject(context.object.spec)?.rules)) {
      for (const { item: entry, index: pathIndex } of objectItems(asObject(rule.http)?.paths)) {
        const pathType = asString(entry.pathType);
        const base = ['spec', 'rules', index, 'http', 'paths', pathIndex];
        const field = `spec.rules[${index}].http.paths[${pathIndex}].path`;
        const written = hasKey(entry, 'path');
        const value = asString(entry.path) ?? '';
        if (written && typeof entry.path !== 'string') continue; // schema-type
        if (pathType !== 'Exact' && pathType !== 'Prefix' && pathType !== 'ImplementationSpecific') continue;
        const strict = pathType !== 'ImplementationSpecific';
        if (!value.startsWith('/') && (strict || value !== '')) {
          const fixes: FixSpec[] = written
            ? [{ title: `Make the path absolute ("/${value}")`, intents: [{ op: 'set', path: [...base, 'path'], value: `/${value}` }], preferred: true }]
            : [{ title: 'Add path: /', intents: [{ op: 'insert', path: base, key: 'path', value: '/' }], preferred: true }];
          findings.push({
            path: written ? [...base, 'path'] : [...base, 'pathType'],
            target: written ? 'value' : 'key',
            message: written ? `${name}: path "${clipText(value, 24)}" must start with '/'` : `${name}: pathType ${pathType} needs a path (e.g. "/")`,
            detail: `The API server rejects it (${field}: Invalid value: "${value}": must be an absolute path).${written ? '' : ` pathType ${pathType} has no default path.`}`,
            fixes,
          });
          continue;
        }
        if (!strict || value === '') continue;
        const problems = [
          ...BAD_SEQUENCES.filter((sequence) => value.includes(sequence)).map((sequence) => `must not contain '${sequence}'`),
          ...BAD_SUFFIXES.filter((suffix) => value.endsWith(suffix)).map((suffix) => `cannot end with '${suffix}'`),
        ];
        if (problems.length === 0) continue;
        findings.push({
          path: [...base, 'path'],
          target: 'value',
          message: `${name}: ${pathType} path "${clipText(value, 24)}" is not a clean path`,
          detail:
            `The API server rejects it (${field}: Invalid value: "${value}": ${problems.join('; ')}). ` +
            'Exact and Prefix paths are matched literally; write the normalised path, or use pathType ImplementationSpecific for controller-specific patterns.',
        });
      }
    }
    return findings;
  },
};
