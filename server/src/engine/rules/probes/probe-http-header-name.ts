// httpGet.httpHeaders[].name must be a valid HTTP header name: letters, digits and '-' only
// (no underscores or spaces). Applies to probes and lifecycle hooks.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#http-probes
import { asObject, asString, objectItems } from '../../json';
import { quoteShort } from '../../k8s/phrasing';
import { describeOwner, handlerOwners } from '../../k8s/probe-walk';
import { trimChars } from '../../k8s/trim-chars';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

const HEADER_NAME = /^[-A-Za-z0-9]+$/;

export const probeHttpHeaderName: Rule = {
  meta: {
    id: 'probe-http-header-name',
    defaultSeverity: 'error',
    category: 'probes',
    summary: 'httpGet header names may contain only letters, digits and hyphens.',
    parity: ['pod-probes', 'pod-lifecycle'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const owner of handlerOwners(context.spec, context.specPath)) {
      const httpGet = asObject(owner.value.httpGet);
      if (!httpGet) continue;
      for (const { item, index } of objectItems(httpGet.httpHeaders)) {
        const name = asString(item.name);
        if (name === undefined || HEADER_NAME.test(name)) continue; // missing or non-string: schema
        const path = [...owner.path, 'httpGet', 'httpHeaders', index, 'name'];
        const suggestion = trimChars(name.replace(/[^-A-Za-z0-9]+/g, '-'), '-');
        const fixes: FixSpec[] = suggestion ? [{ title: `Use "${suggestion}"`, intents: [{ op: 'set', path, value: suggestion }], preferred: true }] : [];
        findings.push({
          path,
          target: 'value',
          message: `Header name ${quoteShort(name, 30)} in ${describeOwner(owner.kind, owner.container)} is invalid`,
          detail: `The API server rejects it ("a valid HTTP header must consist of alphanumeric characters or '-'"). ${suggestion ? `Use "${suggestion}".` : 'Use letters, digits and hyphens.'}`,
          fixes,
        });
      }
    }
    return findings;
  },
};
