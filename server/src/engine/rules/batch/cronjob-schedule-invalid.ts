// A CronJob's schedule must parse as a five-field cron line or a descriptor, may not carry its own
// time zone (`CRON_TZ=` / `TZ=`: "cannot use TZ or CRON_TZ in schedule, use timeZone field
// instead"), and spec.timeZone must be a zone of the tz database (as the API server loads it) and
// not "Local".
// pkg/apis/batch/validation validateScheduleFormat, validateTimeZone.
// https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax
import { asObject, asString } from '../../json';
import { cronScheduleError } from '../../k8s/cron-schedule';
import { quoteShort } from '../../k8s/phrasing';
import { isKnownTimeZone } from '../../k8s/time-zones';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

/** One component of an IANA zone name ("America", "Argentina", "Buenos_Aires", "GMT+0"). */
const ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;
const TZ_PREFIX = /^(?:CRON_)?TZ=(\S*)\s(.*)$/s;

export const cronjobScheduleInvalid: Rule = {
  meta: {
    id: 'cronjob-schedule-invalid',
    defaultSeverity: 'error',
    category: 'batch',
    summary: 'A CronJob schedule that does not parse, carries CRON_TZ=/TZ=, or a timeZone that is not a zone name.',
    kinds: ['CronJob'],
    parity: ['batch-cronjob'],
  },
  checkObject(context) {
    const spec = asObject(context.object.spec);
    if (!spec) return [];
    const findings: RuleFinding[] = [];
    const schedule = asString(spec.schedule);
    const timeZone = asString(spec.timeZone);
    if (schedule !== undefined) findings.push(...checkSchedule(schedule, timeZone !== undefined));
    if (timeZone !== undefined) findings.push(...checkTimeZone(timeZone));
    return findings;
  },
};

function checkSchedule(schedule: string, hasTimeZone: boolean): RuleFinding[] {
  const path = ['spec', 'schedule'];
  if (schedule.trim() === '') {
    return [
      {
        path,
        target: 'value',
        message: 'CronJob schedule is empty',
        detail: 'The API server rejects it (spec.schedule: Required value). Write five fields (minute hour day-of-month month day-of-week), e.g. "0 3 * * *".',
      },
    ];
  }
  const findings: RuleFinding[] = [];
  if (schedule.includes('TZ')) {
    const prefix = TZ_PREFIX.exec(schedule);
    const intents =
      prefix && !hasTimeZone
        ? [
            { op: 'set' as const, path, value: prefix[2].trim() },
            { op: 'insert' as const, path: ['spec'], key: 'timeZone', value: prefix[1], after: 'schedule' },
          ]
        : [];
    findings.push({
      path,
      target: 'value',
      message: 'CronJob schedule cannot contain TZ= or CRON_TZ=; use spec.timeZone',
      detail:
        'The API server rejects it (spec.schedule: cannot use TZ or CRON_TZ in schedule, use timeZone field instead). ' +
        'Move the zone to spec.timeZone (e.g. timeZone: "Europe/Berlin") and keep only the five fields in the schedule.',
      fixes: prefix && intents.length > 0 && prefix[2].trim() !== '' ? [{ title: `Move ${prefix[1] || 'the zone'} to spec.timeZone`, intents, preferred: true }] : [],
    });
  }
  const error = cronScheduleError(schedule);
  if (error !== undefined) {
    const macro = /^@(?:hourly|daily|weekly|monthly|yearly|annually|midnight)$/i.exec(schedule.trim());
    findings.push({
      path,
      target: 'value',
      message: `CronJob schedule ${quoteShort(schedule, 24)} is not valid: ${error.length > 37 ? `${error.slice(0, 36)}…` : error}`,
      detail:
        `The API server rejects it (spec.schedule: ${error}). A schedule is five fields — minute (0-59), hour (0-23), day of month (1-31), ` +
        'month (1-12 or jan-dec), day of week (0-6 or sun-sat) — or @hourly, @daily, @weekly, @monthly, @yearly, @every <duration>.',
      fixes: macro ? [{ title: `Change to ${macro[0].toLowerCase()}`, intents: [{ op: 'set', path, value: macro[0].toLowerCase() }], preferred: true }] : [],
    });
  }
  return findings;
}

function checkTimeZone(timeZone: string): RuleFinding[] {
  const path = ['spec', 'timeZone'];
  let problem: string | undefined;
  if (timeZone === '') problem = 'timeZone must be nil or non-empty string';
  else if (timeZone.split('/').some((part) => part === '.' || part === '..' || part.startsWith('-') || !ZONE_PART.test(part))) problem = `unknown time zone ${timeZone}`;
  else if (timeZone.toLowerCase() === 'local') problem = 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones';
  else if (isKnownTimeZone(timeZone) === false) problem = `unknown time zone ${timeZone}`;
  if (problem === undefined) return [];
  return [
    {
      path,
      target: 'value',
      message: `CronJob timeZone ${quoteShort(timeZone, 40)} is not a time zone name`,
      detail:
        `The API server rejects it (spec.timeZone: ${problem}). Use an IANA zone name such as "Etc/UTC" or "America/New_York" ` +
        '(no spaces or offsets like "+02:00"), or remove timeZone to use the controller’s zone.',
      fixes: timeZone === '' ? [{ title: 'Remove timeZone', intents: [{ op: 'delete', path }], preferred: true }] : [],
    },
  ];
}
