// What the batch validation refuses in a Job spec (a Job's, or a CronJob's job template) and in a
// CronJob's own counters: negative counts and limits ("must be greater than or equal to 0"),
// per-index limits without completionMode Indexed, an Indexed Job without completions or over
// its size limits, podReplacementPolicy other than Failed next to a podFailurePolicy, and
// selectors the API server generates itself. pkg/apis/batch/validation validateJobSpec,
// ValidateJobTemplateSpec, validateGeneratedSelector, validateCronJobSpec.
// https://kubernetes.io/docs/concepts/workloads/controllers/job/
import { asInteger, asObject, asString, getIn, hasKey, type JsonObject } from '../../json';
import { isIndexed, jobSpecOf, type JobSpecRef } from '../../k8s/job-spec';
import { describeRequirement, failedRequirements, labelMap, parseLabelSelector } from '../../k8s/label-selector';
import { dns1123LabelErrors } from '../../k8s/names';
import { pathText } from '../../k8s/phrasing';
import type { ObjectContext, Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

const JOB_COUNTS = ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes'];
const CRONJOB_COUNTS = ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'];
/** Limits of Indexed Jobs (they keep the status' index lists short). */
const MAX_INDEXED_PARALLELISM = 100_000;
const MAX_FAILED_INDEXES = 100_000;
const COMPLETIONS_SOFT_LIMIT = 100_000;
const HIGH_COMPLETIONS_LIMIT = 10_000;
/** Labels the API server puts on a Job's Pods and selects them by. */
const GENERATED_NAME_LABELS = ['job-name', 'batch.kubernetes.io/job-name'];
const GENERATED_UID_LABELS = ['controller-uid', 'batch.kubernetes.io/controller-uid'];

export const jobSpecInvalid: Rule = {
  meta: {
    id: 'job-spec-invalid',
    defaultSeverity: 'error',
    category: 'batch',
    summary: 'A Job or CronJob spec the API server rejects: negative counts, per-index limits without Indexed mode, selector conflicts.',
    kinds: ['Job', 'CronJob'],
    parity: ['batch-job', 'batch-cronjob'],
  },
  checkObject(context) {
    const findings: RuleFinding[] = [];
    if (context.kind === 'CronJob') {
      const spec = asObject(context.object.spec);
      if (spec) findings.push(...negativeCounts(spec, ['spec'], CRONJOB_COUNTS, 'CronJob'));
    }
    const job = jobSpecOf(context);
    if (!job) return findings;
    findings.push(...negativeCounts(job.spec, job.path, JOB_COUNTS, 'Job'));
    findings.push(...indexedChecks(job));
    findings.push(...replacementPolicy(job));
    findings.push(...(job.inCronJob ? templateSelector(job) : jobSelector(context, job)));
    return findings;
  },
};

function negativeCounts(spec: JsonObject, base: FieldPath, fields: readonly string[], owner: string): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const field of fields) {
    const value = asInteger(spec[field]);
    if (value === undefined || value >= 0) continue;
    const path = [...base, field];
    findings.push({
      path,
      target: 'value',
      message: `${owner} ${field} ${value} is negative`,
      detail: `The API server rejects it (${pathText(path)}: must be greater than or equal to 0). Use 0 or more, or remove the field for its default.`,
      fixes: [{ title: `Remove ${field} (use the default)`, intents: [{ op: 'delete', path }] }],
    });
  }
  return findings;
}

function indexedChecks({ spec, path: base }: JobSpecRef): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const completions = asInteger(spec.completions);
  const parallelism = asInteger(spec.parallelism);
  const maxFailed = asInteger(spec.maxFailedIndexes);
  const perIndex = hasKey(spec, 'backoffLimitPerIndex') && spec.backoffLimitPerIndex !== null;
  const at = (field: string): FieldPath => [...base, field];
  if (maxFailed !== undefined && !perIndex) {
    // Reported where the API server's path points: the missing backoffLimitPerIndex, on its parent.
    findings.push({
      path: base,
      target: 'key',
      message: 'maxFailedIndexes is set without backoffLimitPerIndex',
      detail: `The API server rejects it (${pathText(at('backoffLimitPerIndex'))}: Required value: when maxFailedIndexes is specified). Set backoffLimitPerIndex too, or remove maxFailedIndexes.`,
    });
  }
  if (!isIndexed(spec)) {
    for (const field of ['backoffLimitPerIndex', 'maxFailedIndexes']) {
      if (!hasKey(spec, field) || spec[field] === null) continue;
      findings.push({
        path: at(field),
        target: 'key',
        message: `${field} requires completionMode: Indexed`,
        detail:
          `The API server rejects it (${pathText(at(field))}: requires indexed completion mode): per-index limits only exist for Indexed Jobs. ` +
          'Set completionMode: Indexed (with completions), or use backoffLimit instead.',
        fixes:
          completions !== undefined && !hasKey(spec, 'completionMode')
            ? [{ title: 'Add completionMode: Indexed', intents: [{ op: 'insert', path: base, key: 'completionMode', value: 'Indexed' }] }]
            : [],
      });
    }
    return findings;
  }
  if (spec.completions === undefined || spec.completions === null) {
    // Where the API server's path points: the missing completions, on its parent.
    findings.push({
      path: base,
      target: 'key',
      message: 'An Indexed Job needs spec.completions',
      detail: `The API server rejects it (${pathText(at('completions'))}: Required value: when completion mode is Indexed): the indexes run from 0 to completions - 1. Set completions.`,
    });
  }
  if (parallelism !== undefined && parallelism > MAX_INDEXED_PARALLELISM) {
    findings.push(overLimit(at('parallelism'), parallelism, MAX_INDEXED_PARALLELISM, 'when completion mode is Indexed'));
  }
  if (maxFailed !== undefined && completions !== undefined && maxFailed > completions) {
    findings.push({
      path: at('maxFailedIndexes'),
      target: 'value',
      message: `maxFailedIndexes ${maxFailed} is more than completions (${completions})`,
      detail: `The API server rejects it (${pathText(at('maxFailedIndexes'))}: must be less than or equal to completions). Use at most ${completions}.`,
      fixes: [{ title: `Set maxFailedIndexes to ${completions}`, intents: [{ op: 'set', path: at('maxFailedIndexes'), value: completions }] }],
    });
  } else if (maxFailed !== undefined && maxFailed > MAX_FAILED_INDEXES) {
    findings.push(overLimit(at('maxFailedIndexes'), maxFailed, MAX_FAILED_INDEXES, ''));
  }
  if (completions !== undefined && completions > COMPLETIONS_SOFT_LIMIT && perIndex) {
    const when = `when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`;
    if (maxFailed === undefined) {
      findings.push({
        path: at('completions'),
        target: 'value',
        message: `With more than ${COMPLETIONS_SOFT_LIMIT} completions and backoffLimitPerIndex, set maxFailedIndexes`,
        detail: `The API server rejects it (${pathText(at('maxFailedIndexes'))}: must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}). Set maxFailedIndexes (at most ${HIGH_COMPLETIONS_LIMIT}).`,
      });
    } else if (maxFailed > HIGH_COMPLETIONS_LIMIT && maxFailed <= completions) {
      findings.push(overLimit(at('maxFailedIndexes'), maxFailed, HIGH_COMPLETIONS_LIMIT, when));
    }
    if (parallelism !== undefined && parallelism > HIGH_COMPLETIONS_LIMIT) findings.push(overLimit(at('parallelism'), parallelism, HIGH_COMPLETIONS_LIMIT, when));
  }
  return findings;
}

function overLimit(path: FieldPath, value: number, limit: number, when: string): RuleFinding {
  const field = String(path[path.length - 1]);
  return {
    path,
    target: 'value',
    message: `Job ${field} ${value} is over the limit of ${limit}`,
    detail: `The API server rejects it (${pathText(path)}: must be less than or equal to ${limit}${when ? ` ${when}` : ''}). Use at most ${limit}.`,
    fixes: [{ title: `Set ${field} to ${limit}`, intents: [{ op: 'set', path, value: limit }] }],
  };
}

function replacementPolicy({ spec, path: base }: JobSpecRef): RuleFinding[] {
  const policy = asString(spec.podReplacementPolicy);
  if (policy !== 'TerminatingOrFailed' || spec.podFailurePolicy === undefined || spec.podFailurePolicy === null) return [];
  const path = [...base, 'podReplacementPolicy'];
  return [
    {
      path,
      target: 'value',
      message: 'With a podFailurePolicy, podReplacementPolicy must be Failed',
      detail:
        `The API server rejects it (${pathText(path)}: Unsupported value: "TerminatingOrFailed": supported values: "Failed"): a failure policy ` +
        'judges a Pod only once it has fully terminated, so its replacement must wait for that too.',
      fixes: [{ title: 'Set podReplacementPolicy: Failed', intents: [{ op: 'set', path, value: 'Failed' }], preferred: true }],
    },
  ];
}

/** A CronJob's job template never carries a selector: the API server generates it per Job. */
function templateSelector({ spec, path: base }: JobSpecRef): RuleFinding[] {
  const findings: RuleFinding[] = [];
  if (spec.selector !== undefined && spec.selector !== null) {
    const path = [...base, 'selector'];
    findings.push({
      path,
      target: 'key',
      message: 'A CronJob job template cannot set a selector',
      detail: `The API server rejects it (${pathText(path)}: \`selector\` will be auto-generated): each Job the CronJob creates gets its own. Remove the selector.`,
      fixes: [{ title: 'Remove the selector', intents: [{ op: 'delete', path }], preferred: true, safe: true }],
    });
  }
  if (spec.manualSelector === true) {
    const path = [...base, 'manualSelector'];
    findings.push({
      path,
      target: 'value',
      message: 'A CronJob job template cannot set manualSelector: true',
      detail: `The API server rejects it (${pathText(path)}: Unsupported value: true: supported values: "nil", "false"). Remove manualSelector.`,
      fixes: [{ title: 'Remove manualSelector', intents: [{ op: 'delete', path }], preferred: true, safe: true }],
    });
  }
  return findings;
}

function jobSelector(context: ObjectContext, { spec }: JobSpecRef): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const hasSelector = spec.selector !== undefined && spec.selector !== null;
  if (spec.manualSelector === true) {
    if (!hasSelector) {
      findings.push({
        path: ['spec', 'manualSelector'],
        target: 'key',
        message: 'manualSelector: true needs a spec.selector',
        detail: 'The API server rejects it (spec.selector: Required value). Add a selector matching the template labels, or remove manualSelector to let it generate one.',
      });
    } else {
      // A hand-written selector must still select the Job's own Pod template.
      const selector = parseLabelSelector(context.object, ['spec', 'selector']);
      const failed = selector && selector.problems.length === 0 ? failedRequirements(selector, labelMap(getIn(spec, ['template', 'metadata', 'labels']))) : [];
      if (failed.length > 0) {
        findings.push({
          path: ['spec', 'template', 'metadata', 'labels'],
          target: 'key',
          message: 'The selector of this Job does not match its Pod template labels',
          detail:
            'The API server rejects it (spec.template.metadata.labels: `selector` does not match template `labels`): the template lacks ' +
            `${failed.map(describeRequirement).join(', ')}. Add those labels to the template.`,
        });
      }
    }
  } else if (hasSelector) {
    const selector = parseLabelSelector(context.object, ['spec', 'selector']);
    const name = context.name ?? '';
    const generated = new Map(GENERATED_NAME_LABELS.map((key) => [key, name]));
    // Requirements on the controller-uid labels cannot be judged: the uid is assigned at creation.
    const foreign = selector ? failedRequirements(selector, generated).filter((requirement) => !GENERATED_UID_LABELS.includes(requirement.key)) : [];
    if (foreign.length > 0) {
      findings.push({
        path: ['spec', 'selector'],
        target: 'key',
        message: 'Job sets spec.selector without manualSelector: true',
        detail:
          'The API server rejects it (spec.selector: `selector` not auto-generated): unless manualSelector is true it selects the Pods by the ' +
          'labels it generates (controller-uid, job-name). Remove the selector; set manualSelector: true only to adopt existing Pods.',
        fixes: [{ title: 'Remove the selector', intents: [{ op: 'delete', path: ['spec', 'selector'] }], preferred: true }],
      });
    }
  }
  // Indexed Pods are named <job>-<index> and use that as hostname, which must be a DNS label.
  const completions = asInteger(spec.completions);
  const name = asString(getIn(context.object, ['metadata', 'name']));
  if (isIndexed(spec) && completions !== undefined && completions > 0 && name) {
    const hostname = `${name}-${completions - 1}`;
    if (dns1123LabelErrors(hostname).length > 0) {
      findings.push({
        path: ['metadata', 'name'],
        target: 'value',
        message: `Indexed Job name gives Pod hostnames that are not DNS labels ("${name.length > 30 ? `${name.slice(0, 29)}…` : name}-N")`,
        detail:
          `Each Pod's hostname is <name>-<index>, which must be a DNS label (at most 63 lower-case letters, digits and "-"). The API server ` +
          `rejects the Job (metadata.name: will not able to create pod with invalid DNS label: ${hostname}); versions without that check accept it ` +
          'and then fail to create the Pods. Shorten the name (no dots).',
      });
    }
  }
  return findings;
}
