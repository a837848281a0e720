// spec.topologySpreadConstraints the API server rejects: maxSkew must be greater than zero,
// topologyKey must not be empty, the pair {topologyKey, whenUnsatisfiable} may appear once,
// minDomains must be greater than zero and needs whenUnsatisfiable: DoNotSchedule,
// matchLabelKeys need a labelSelector and label-syntax keys, and the labelSelector must be valid.
// Without a labelSelector the constraint matches no Pod: accepted with a warning.
// core/validation.go validateTopologySpreadConstraints, validateMinDomains,
// validateMatchLabelKeysInTopologySpread; pkg/api/pod/warnings.go.
// https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/
import { asArray, asInteger, asObject, asString, hasKey, objectItems } from '../../json';
import { qualifiedNameErrors } from '../../k8s/names';
import { quoteShort } from '../../k8s/phrasing';
import { labelSelectorFindings } from '../../k8s/pod-label-selector';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const topologySpreadInvalid: Rule = {
  meta: {
    id: 'topology-spread-invalid',
    defaultSeverity: 'error',
    category: 'pod-policy',
    summary: 'A topology spread constraint with maxSkew/minDomains below 1, an empty or repeated topologyKey, or minDomains without DoNotSchedule.',
    parity: ['pod-scheduling'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const seen = new Set<string>();
    for (const { item, index } of objectItems(context.spec.topologySpreadConstraints)) {
      const base = [...context.specPath, 'topologySpreadConstraints', index];
      const where = `topologySpreadConstraints[${index}]`;
      const maxSkew = asInteger(item.maxSkew);
      if (maxSkew !== undefined && maxSkew <= 0) {
        findings.push({
          path: [...base, 'maxSkew'],
          target: 'value',
          message: `${where}: maxSkew ${maxSkew} must be greater than zero`,
          detail: 'The API server rejects it ("must be greater than zero"). maxSkew is the largest allowed difference in matching Pods between two domains; use 1 or more.',
          fixes: [{ title: 'Set maxSkew: 1', intents: [{ op: 'set', path: [...base, 'maxSkew'], value: 1 }], preferred: true }],
        });
      }
      const topologyKey = asString(item.topologyKey);
      if (topologyKey === '') {
        findings.push({
          path: [...base, 'topologyKey'],
          target: 'value',
          message: `${where}: topologyKey is empty`,
          detail: 'The API server rejects it ("Required value: can not be empty"). Use a node label such as topology.kubernetes.io/zone.',
        });
      }
      const when = asString(item.whenUnsatisfiable);
      if (topologyKey !== undefined && topologyKey !== '' && when !== undefined) {
        const pair = `${topologyKey}\u0000${when}`;
        if (seen.has(pair)) {
          findings.push({
            path: [...base, 'topologyKey'],
            target: 'value',
            message: `${where} repeats topologyKey ${quoteShort(topologyKey, 25)} with ${when}`,
            detail: `The API server rejects it (Duplicate value: "{${topologyKey}, ${when}}"). Merge the two constraints.`,
          });
        }
        seen.add(pair);
      }
      if (hasKey(item, 'minDomains') && item.minDomains !== null) {
        const minDomains = asInteger(item.minDomains);
        if (minDomains !== undefined && minDomains <= 0) {
          findings.push({
            path: [...base, 'minDomains'],
            target: 'value',
            message: `${where}: minDomains ${minDomains} must be greater than zero`,
            detail: 'The API server rejects it ("must be greater than zero").',
          });
        }
        if (when !== undefined && when !== 'DoNotSchedule') {
          findings.push({
            path: [...base, 'minDomains'],
            target: 'key',
            message: `${where}: minDomains needs whenUnsatisfiable: DoNotSchedule`,
            detail: `The API server rejects it ("can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${when}").`,
            fixes: [
              { title: 'Remove minDomains', intents: [{ op: 'delete', path: [...base, 'minDomains'] }], preferred: true },
              { title: 'Set whenUnsatisfiable: DoNotSchedule', intents: [{ op: 'set', path: [...base, 'whenUnsatisfiable'], value: 'DoNotSchedule' }] },
            ],
          });
        }
      }
      if (!hasKey(item, 'labelSelector') || item.labelSelector === null) {
        findings.push({
          path: base,
          target: 'key',
          severity: 'warning',
          message: `${where} has no labelSelector, so it counts no Pods`,
          detail:
            'The API server warns ("a null labelSelector results in matching no pod"): the constraint spreads nothing. Select the Pods of this workload, for example with its app label.',
        });
      }
      const keys = asArray(item.matchLabelKeys);
      if (keys.length > 0 && !asObject(item.labelSelector)) {
        findings.push({
          path: [...base, 'matchLabelKeys'],
          target: 'key',
          message: `${where}: matchLabelKeys needs a labelSelector`,
          detail: 'The API server rejects it ("must not be specified when labelSelector is not set").',
        });
      }
      keys.forEach((raw, keyIndex) => {
        if (typeof raw !== 'string') return;
        const errors = qualifiedNameErrors(raw);
        if (errors.length > 0)
          findings.push({
            path: [...base, 'matchLabelKeys', keyIndex],
            target: 'value',
            message: `${where}: matchLabelKeys ${quoteShort(raw, 20)} is not a valid label key`,
            detail: `The API server rejects it: ${errors.join('; ')}.`,
          });
      });
      findings.push(...labelSelectorFindings(context.object, [...base, 'labelSelector'], `${where} labelSelector`));
    }
    return findings;
  },
};
