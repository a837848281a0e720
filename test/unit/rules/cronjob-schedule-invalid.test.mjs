import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'cronjob-schedule-invalid';

const cronJob = (fields) => yaml`
  apiVersion: batch/v1
  kind: CronJob
  metadata:
    name: nightly
  spec:
    ${fields}
    jobTemplate:
      spec:
        template:
          spec:
            restartPolicy: OnFailure
            containers:
            - name: work
              image: busybox:1.36
`;

test('six fields: error on the schedule value', () => {
  const text = cronJob('schedule: "0 0 3 * * *"');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(text, finding), 5);
  assert.equal(textOf(text, finding), '"0 0 3 * * *"');
  assert.match(finding.detail, /expected exactly 5 fields, found 6/);
});

test('valid schedules: ranges, steps, names, ?, descriptors and @every', () => {
  for (const schedule of ['*/15 * * * *', '0 9-17/2 * * MON-FRI', '30 4 1,15 jan,Jul ?', '59 23 31 12 6', '@hourly', '@midnight', '@every 1h30m', '0 0 * * sun']) {
    assert.deepEqual(findingsOf(cronJob(`schedule: "${schedule}"`), ID), [], schedule);
  }
});

test('out-of-range values and malformed fields', () => {
  const cases = {
    '60 * * * *': /end of range \(60\) above maximum \(59\)/,
    '0 0 * * 7': /end of range \(7\) above maximum \(6\)/,
    '0 0 0 * *': /beginning of range \(0\) below minimum \(1\)/,
    '*/0 * * * *': /step of range should be a positive number/,
    '5-1 * * * *': /beginning of range \(5\) beyond end of range \(1\)/,
    '0 0 * * monday': /failed to parse int from monday/,
    '@weekdays': /unrecognized descriptor/,
    '@every 5 minutes': /failed to parse duration/,
  };
  for (const [schedule, expected] of Object.entries(cases)) {
    const [finding] = findingsOf(cronJob(`schedule: "${schedule}"`), ID);
    assert.ok(finding, schedule);
    assert.match(finding.detail, expected, schedule);
  }
});

test('an upper-case macro gets a fix', () => {
  const text = cronJob('schedule: "@Daily"');
  assert.match(assertFixClears(text, ID), /schedule: "?@daily"?/);
});

test('CRON_TZ in the schedule is refused; the fix moves it to timeZone', () => {
  const text = cronJob('schedule: "CRON_TZ=Europe/Berlin 0 3 * * *"');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.match(finding.detail, /cannot use TZ or CRON_TZ in schedule, use timeZone field instead/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /schedule: "?0 3 \* \* \*"?\n\s+timeZone: "?Europe\/Berlin"?/);
});

test("timeZone must be a zone of the tz database and not Local (aliases count; the case must be the database's)", () => {
  for (const zone of ['America/Argentina/Buenos_Aires', 'Etc/GMT+2', 'US/Pacific', 'Asia/Calcutta', 'UTC']) {
    assert.deepEqual(findingsOf(cronJob(`schedule: "0 3 * * *"\n  timeZone: ${zone}`), ID), [], zone);
  }
  for (const zone of ['"UTC +02:00"', 'Local', '""', 'Europe/../Berlin', 'Mars/Olympus_Mons', 'america/new_york', 'Europe/Berlinn']) {
    const text = cronJob(`schedule: "0 3 * * *"\n  timeZone: ${zone}`);
    const [finding] = findingsOf(text, ID);
    assert.ok(finding, zone);
    assert.equal(textOf(text, finding), zone);
  }
});

test('multi-document file: only the CronJob is checked; the same in 1.29', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
    data:
      schedule: "not a schedule"
    ---
    apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: nightly
    spec:
      schedule: "0 25 * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: OnFailure
              containers:
              - name: work
                image: busybox:1.36
  `;
  for (const version of ['1.29', '1.36']) {
    const [finding, ...rest] = findingsOf(text, ID, { version });
    assert.equal(rest.length, 0);
    assert.equal(finding.documentIndex, 1);
    assert.equal(lineOf(text, finding), 12);
    assert.match(finding.message, /hour: end of range \(25\)/);
  }
});
