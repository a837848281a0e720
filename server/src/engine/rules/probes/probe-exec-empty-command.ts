// An exec handler runs `command` directly (no shell) inside the container; with no command there
// is nothing to run, and the API server rejects it ("exec.command: Required value"). This holds
// for probes and lifecycle hooks alike.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-liveness-command
import { asArray, asObject } from '../../json';
import { capitalize } from '../../k8s/phrasing';
import { describeOwner, handlerOwners } from '../../k8s/probe-walk';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const probeExecEmptyCommand: Rule = {
  meta: {
    id: 'probe-exec-empty-command',
    defaultSeverity: 'error',
    category: 'probes',
    summary: 'An exec handler of a probe or lifecycle hook needs a non-empty command.',
    parity: ['pod-probes', 'pod-lifecycle'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const owner of handlerOwners(context.spec, context.specPath)) {
      const exec = asObject(owner.value.exec);
      if (!exec) continue;
      const command = exec.command;
      if (Array.isArray(command) ? asArray(command).length > 0 : command !== undefined && command !== null) continue; // wrong types: schema
      const hasKey = command !== undefined;
      findings.push({
        path: hasKey ? [...owner.path, 'exec', 'command'] : [...owner.path, 'exec'],
        target: 'key',
        message: `${capitalize(describeOwner(owner.kind, owner.container))} uses exec without a command`,
        detail: 'The API server rejects it ("exec.command: Required value"). List the program and its arguments, e.g. command: [cat, /tmp/healthy].',
      });
    }
    return findings;
  },
};
