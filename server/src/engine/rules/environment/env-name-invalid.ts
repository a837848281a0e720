// Environment variable names (and envFrom prefixes). Strict rules until relaxed validation:
// `[-._a-zA-Z][-._a-zA-Z0-9]*`, not `.`/`..`/`..*`. RelaxedEnvironmentVariableValidation (beta,
// on by default in 1.32, GA in 1.34) accepts any printable ASCII except '='.
// core/validation.go ValidateEnv, ValidateEnvFrom; util/validation.go IsEnvVarName, IsRelaxedEnvVarName.
// https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/
import { containersOf, type ContainerRef } from '../../containers';
import { asString, hasKey, objectItems } from '../../json';
import { capitalize, describeContainer, quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding, Severity } from '../../types';
import { atLeast } from '../../versions';

const STRICT_MESSAGE = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";
const RELAXED_MESSAGE = "a valid environment variable name must consist only of printable ASCII characters other than '='";

function strictEnvNameErrors(name: string): string[] {
  const errors: string[] = [];
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) errors.push(STRICT_MESSAGE);
  if (name === '.') errors.push("must not be '.'");
  else if (name === '..') errors.push("must not be '..'");
  else if (name.startsWith('..')) errors.push("must not start with '..'");
  return errors;
}

function relaxedEnvNameErrors(name: string): string[] {
  return /^[\x20-\x3c\x3e-\x7e]+$/.test(name) ? [] : [RELAXED_MESSAGE];
}

export const envNameInvalid: Rule = {
  meta: {
    id: 'env-name-invalid',
    defaultSeverity: 'error',
    category: 'environment',
    summary: 'An environment variable name (or envFrom prefix) is not valid for the target Kubernetes version.',
    parity: ['pod-env'],
  },
  checkPodSpec(context) {
    const version = context.env.kubernetesVersion;
    const relaxed = atLeast(version, '1.32');
    const findings: RuleFinding[] = [];
    const judge = (ref: ContainerRef, path: (string | number)[], name: string, what: string): void => {
      const who = describeContainer(ref);
      if (name === '') {
        findings.push({ path, target: 'value', message: `${capitalize(who)}: empty ${what}`, detail: 'The API server rejects it ("Required value").' });
        return;
      }
      const strict = strictEnvNameErrors(name);
      if (strict.length === 0) return;
      const loose = relaxedEnvNameErrors(name);
      if (loose.length > 0 || !relaxed) {
        findings.push({
          path,
          target: 'value',
          message: `${capitalize(who)}: ${what} ${quoteShort(name, 30)} is invalid`,
          detail: `Kubernetes ${version} rejects it: ${(loose.length > 0 ? loose : strict).join('; ')}. Use letters, digits and '_' (for example MY_VAR).`,
        });
        return;
      }
      const severity: Severity = atLeast(version, '1.34') ? 'info' : 'warning';
      findings.push({
        path,
        target: 'value',
        severity,
        message: `${capitalize(who)}: ${what} ${quoteShort(name, 30)} is rejected before Kubernetes 1.32`,
        detail:
          `It is accepted only with relaxed name validation (on by default from 1.32, GA in 1.34); older clusters reject it (${strict[0]}). ` +
          'Shells cannot read such names either; prefer letters, digits and "_".',
      });
    };
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers', 'ephemeralContainers'])) {
      for (const { item, index } of objectItems(ref.container.env)) {
        const name = asString(item.name);
        if (name !== undefined) judge(ref, [...ref.path, 'env', index, 'name'], name, 'environment variable name');
      }
      for (const { item, index } of objectItems(ref.container.envFrom)) {
        const prefix = asString(item.prefix);
        if (prefix !== undefined && prefix !== '' && hasKey(item, 'prefix')) judge(ref, [...ref.path, 'envFrom', index, 'prefix'], prefix, 'envFrom prefix');
      }
    }
    return findings;
  },
};
