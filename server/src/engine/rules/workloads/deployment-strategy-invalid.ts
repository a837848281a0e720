// Update-strategy combinations the apps/v1 validation refuses. The values are judged after the
// defaulters ran: a Deployment's maxSurge/maxUnavailable default to 25%, a DaemonSet's
// maxUnavailable to 1 and maxSurge to 0 — so `maxSurge: 1` alone on a DaemonSet is rejected.
// Each limit must also be a non-negative integer or an `N%` string ("50" quoted is a string, and
// not a percentage). apps/validation ValidateDeploymentStrategy, ValidateRollingUpdateDaemonSet,
// validateRollingUpdateStatefulSet.
// https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#strategy
// https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/
import { asObject, asString, getIn, type JsonObject } from '../../json';
import { describeIntOrPercent as describe, intOrPercentFormatFindings, readIntOrPercent as intOrPercent } from '../../k8s/int-or-percent';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

export const deploymentStrategyInvalid: Rule = {
  meta: {
    id: 'deployment-strategy-invalid',
    defaultSeverity: 'error',
    category: 'workloads',
    summary: 'An update strategy the API server refuses (Recreate with rollingUpdate, both limits 0, a malformed or negative limit, more than 100%).',
    parity: ['apps-workloads'],
    kinds: ['Deployment', 'DaemonSet', 'StatefulSet'],
  },
  checkObject(context) {
    const spec = asObject(context.object.spec);
    if (!spec) return [];
    if (context.kind === 'Deployment') return checkDeployment(spec);
    if (context.kind === 'DaemonSet') return checkDaemonSet(spec);
    return checkStatefulSet(spec);
  },
};

function checkDeployment(spec: JsonObject): RuleFinding[] {
  const strategy = asObject(spec.strategy);
  const type = asString(strategy?.type) || 'RollingUpdate';
  const base: FieldPath = ['spec', 'strategy', 'rollingUpdate'];
  const rollingUpdate = getIn(spec, ['strategy', 'rollingUpdate']);
  if (type === 'Recreate') {
    if (rollingUpdate === undefined || rollingUpdate === null) return [];
    return [
      {
        path: base,
        target: 'key',
        message: 'strategy Recreate forbids rollingUpdate; the API server rejects the Deployment',
        detail:
          "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'. Recreate stops every old Pod " +
          'before starting new ones, so rolling-update limits mean nothing. Remove rollingUpdate.',
        fixes: [{ title: 'Remove rollingUpdate', intents: [{ op: 'delete', path: base }], preferred: true, safe: true }],
      },
    ];
  }
  if (type !== 'RollingUpdate') return [];
  const block = asObject(rollingUpdate) ?? {};
  const maxUnavailable = intOrPercent(block.maxUnavailable, 25, true);
  const maxSurge = intOrPercent(block.maxSurge, 25, true);
  const findings: RuleFinding[] = [];
  if (!maxUnavailable.malformed && !maxSurge.malformed && maxUnavailable.value === 0 && maxSurge.value === 0) {
    findings.push({
      path: [...base, 'maxUnavailable'],
      target: maxUnavailable.defaulted ? 'key' : 'value',
      message: 'maxUnavailable and maxSurge are both 0: the rollout cannot make progress',
      detail:
        'The API server rejects it (maxUnavailable: may not be 0 when `maxSurge` is 0): the rollout could neither add a new Pod ' +
        'nor remove an old one. Allow a surge (e.g. maxSurge: 1) or some unavailability.',
      fixes: [{ title: 'Set maxSurge to 1', intents: [{ op: 'set', path: [...base, 'maxSurge'], value: 1 }], preferred: true }],
    });
  }
  findings.push(
    ...intOrPercentFormatFindings(block.maxUnavailable, [...base, 'maxUnavailable'], true, 'Deployment'),
    ...intOrPercentFormatFindings(block.maxSurge, [...base, 'maxSurge'], false, 'Deployment'),
  );
  return findings;
}

function checkDaemonSet(spec: JsonObject): RuleFinding[] {
  const strategy = asObject(spec.updateStrategy);
  const type = asString(strategy?.type) || 'RollingUpdate';
  if (type !== 'RollingUpdate') return [];
  const base: FieldPath = ['spec', 'updateStrategy', 'rollingUpdate'];
  const block = asObject(strategy?.rollingUpdate) ?? {};
  const maxUnavailable = intOrPercent(block.maxUnavailable, 1, false);
  const maxSurge = intOrPercent(block.maxSurge, 0, false);
  const findings: RuleFinding[] = [];
  const formatFindings = [
    ...intOrPercentFormatFindings(block.maxUnavailable, [...base, 'maxUnavailable'], true, 'DaemonSet'),
    ...intOrPercentFormatFindings(block.maxSurge, [...base, 'maxSurge'], true, 'DaemonSet'),
  ];
  findings.push(...formatFindings);
  if (formatFindings.length > 0 || maxUnavailable.malformed || maxSurge.malformed) return findings;
  if (maxUnavailable.value !== 0 && maxSurge.value !== 0) {
    findings.push({
      path: [...base, 'maxSurge'],
      target: 'value',
      message: `DaemonSet maxSurge may not be set while maxUnavailable is ${describe(maxUnavailable)}`,
      detail:
        'The API server rejects it (maxSurge: may not be set when maxUnavailable is non-zero). A DaemonSet update either surges a new ' +
        'Pod next to the old one or takes the old one down first, never both: set maxUnavailable: 0 to surge.',
      fixes: [
        {
          title: 'Set maxUnavailable to 0',
          intents: [maxUnavailable.defaulted ? { op: 'insert', path: base, key: 'maxUnavailable', value: 0 } : { op: 'set', path: [...base, 'maxUnavailable'], value: 0 }],
          preferred: true,
        },
      ],
    });
  } else if (maxUnavailable.value === 0 && maxSurge.value === 0) {
    findings.push({
      path: [...base, 'maxUnavailable'],
      target: maxUnavailable.defaulted ? 'key' : 'value',
      message: 'DaemonSet maxUnavailable and maxSurge are both 0: the update cannot make progress',
      detail:
        'The API server rejects it (maxUnavailable: cannot be 0 when maxSurge is 0): the update could never replace a Pod. ' + 'Use maxUnavailable: 1 (the default) or a surge.',
      fixes: maxUnavailable.defaulted ? [] : [{ title: 'Set maxUnavailable to 1', intents: [{ op: 'set', path: [...base, 'maxUnavailable'], value: 1 }], preferred: true }],
    });
  }
  return findings;
}

function checkStatefulSet(spec: JsonObject): RuleFinding[] {
  const strategy = asObject(spec.updateStrategy);
  const type = asString(strategy?.type) || 'RollingUpdate';
  const base: FieldPath = ['spec', 'updateStrategy', 'rollingUpdate'];
  const rollingUpdate = strategy?.rollingUpdate;
  if (type === 'OnDelete') {
    if (rollingUpdate === undefined || rollingUpdate === null) return [];
    return [
      {
        path: base,
        target: 'key',
        message: 'updateStrategy OnDelete forbids rollingUpdate; the API server rejects the StatefulSet',
        detail:
          "spec.updateStrategy.rollingUpdate: only allowed for updateStrategy 'RollingUpdate'. With OnDelete the controller replaces " +
          'a Pod only when you delete it, so partition/maxUnavailable mean nothing. Remove rollingUpdate.',
        fixes: [{ title: 'Remove rollingUpdate', intents: [{ op: 'delete', path: base }], preferred: true, safe: true }],
      },
    ];
  }
  const block = asObject(rollingUpdate);
  if (!block || block.maxUnavailable === undefined || block.maxUnavailable === null) return [];
  const maxUnavailable = intOrPercent(block.maxUnavailable, 1, false);
  const formatFindings = intOrPercentFormatFindings(block.maxUnavailable, [...base, 'maxUnavailable'], true, 'StatefulSet');
  if (maxUnavailable.malformed || formatFindings.length > 0) return formatFindings;
  if (maxUnavailable.value === 0) {
    return [
      {
        path: [...base, 'maxUnavailable'],
        target: 'value',
        message: 'StatefulSet maxUnavailable cannot be 0: the update could never replace a Pod',
        detail: 'The API server rejects it (maxUnavailable: cannot be 0): the update could never take a Pod down to replace it. Use 1 or more.',
        fixes: [{ title: 'Set maxUnavailable to 1', intents: [{ op: 'set', path: [...base, 'maxUnavailable'], value: 1 }], preferred: true }],
      },
    ];
  }
  return [];
}
