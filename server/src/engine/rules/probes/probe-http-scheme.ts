// httpGet.scheme accepts exactly "HTTP" or "HTTPS" (case-sensitive); an empty or omitted scheme
// is defaulted to HTTP. Applies to probes and lifecycle hooks.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#http-probes
import { asObject, asString } from '../../json';
import { quoteShort } from '../../k8s/phrasing';
import { describeOwner, handlerOwners } from '../../k8s/probe-walk';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

const SCHEMES = ['HTTP', 'HTTPS'];

export const probeHttpScheme: Rule = {
  meta: {
    id: 'probe-http-scheme',
    defaultSeverity: 'error',
    category: 'probes',
    summary: 'httpGet.scheme must be HTTP or HTTPS, in upper case.',
    parity: ['pod-probes', 'pod-lifecycle'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const owner of handlerOwners(context.spec, context.specPath)) {
      const scheme = asString(asObject(owner.value.httpGet)?.scheme);
      if (scheme === undefined || scheme === '' || SCHEMES.includes(scheme)) continue;
      const path = [...owner.path, 'httpGet', 'scheme'];
      const upper = scheme.toUpperCase();
      const fixes: FixSpec[] = SCHEMES.includes(upper)
        ? [{ title: `Use ${upper}`, intents: [{ op: 'set', path, value: upper }], preferred: true, safe: true }]
        : SCHEMES.map((value) => ({ title: `Use ${value}`, intents: [{ op: 'set', path, value }] }));
      findings.push({
        path,
        target: 'value',
        message: `httpGet.scheme of ${describeOwner(owner.kind, owner.container)} is ${quoteShort(scheme, 12)}, not HTTP or HTTPS`,
        detail: `The API server accepts only the upper-case values (Unsupported value: "${scheme}": supported values: "HTTP", "HTTPS"). Use ${SCHEMES.includes(upper) ? upper : 'HTTP or HTTPS'}.`,
        fixes,
      });
    }
    return findings;
  },
};
