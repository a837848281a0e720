// CronJob schedules as the API server parses them (robfig/cron v3, "standard" mode): exactly five
// fields — minute, hour, day of month, month, day of week — or a descriptor (@hourly, @daily,
// @midnight, @weekly, @monthly, @yearly, @annually, @every <duration>). Each field is a comma
// list of `*`, `?`, `N`, `N-M`, each optionally `/step`; months and weekdays also take three-letter
// English names in any case. Day of week runs 0–6 (7 is refused).
// https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax

interface FieldBounds {
  name: string;
  min: number;
  max: number;
  names?: Readonly<Record<string, number>>;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const WEEKDAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

const FIELDS: readonly FieldBounds[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day of week', min: 0, max: 6, names: WEEKDAYS },
];

const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];
/** Go's time.ParseDuration: an optional sign, then number+unit pairs ("1h30m", "90s", "1.5h"), or "0". */
const GO_DURATION = /^[-+]?(0|(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)$/;

/** Why the schedule is refused (the parser's wording where it is short), or undefined when valid. */
export function cronScheduleError(schedule: string): string | undefined {
  let spec = schedule;
  // A leading TZ=/CRON_TZ= is read by the parser (and refused by the API server on its own).
  if (/^(CRON_)?TZ=/.test(spec)) {
    const space = spec.indexOf(' ');
    if (space < 0) return 'a TZ= prefix must be followed by a schedule';
    spec = spec.slice(space).trim();
  }
  if (spec.startsWith('@')) return descriptorError(spec);
  const fields = spec.split(/\s+/).filter((field) => field.length > 0);
  if (fields.length !== FIELDS.length) return `expected exactly 5 fields, found ${fields.length}`;
  for (let index = 0; index < FIELDS.length; index += 1) {
    const error = fieldError(fields[index], FIELDS[index]);
    if (error) return `${FIELDS[index].name}: ${error}`;
  }
  return undefined;
}

function descriptorError(spec: string): string | undefined {
  if (DESCRIPTORS.includes(spec)) return undefined;
  if (spec.startsWith('@every ')) {
    const duration = spec.slice('@every '.length);
    return GO_DURATION.test(duration) ? undefined : `failed to parse duration ${spec}`;
  }
  return `unrecognized descriptor: ${spec}`;
}

function fieldError(field: string, bounds: FieldBounds): string | undefined {
  for (const part of field.split(',')) {
    const error = rangeError(part, bounds);
    if (error) return error;
  }
  return undefined;
}

function rangeError(expr: string, bounds: FieldBounds): string | undefined {
  const rangeAndStep = expr.split('/');
  if (rangeAndStep.length > 2) return `too many slashes: ${expr}`;
  const lowAndHigh = rangeAndStep[0].split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = bounds.min;
    end = bounds.max;
  } else {
    if (lowAndHigh.length > 2) return `too many hyphens: ${expr}`;
    const low = number(lowAndHigh[0], bounds);
    if (typeof low === 'string') return low;
    start = low;
    end = low;
    if (lowAndHigh.length === 2) {
      const high = number(lowAndHigh[1], bounds);
      if (typeof high === 'string') return high;
      end = high;
    }
  }
  if (rangeAndStep.length === 2) {
    const step = number(rangeAndStep[1], undefined);
    if (typeof step === 'string') return step;
    // "N/step" means "N-max/step".
    if (lowAndHigh.length === 1) end = bounds.max;
    if (step === 0) return `step of range should be a positive number: ${expr}`;
  }
  if (start < bounds.min) return `beginning of range (${start}) below minimum (${bounds.min}): ${expr}`;
  if (end > bounds.max) return `end of range (${end}) above maximum (${bounds.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  return undefined;
}

/** An integer (Go's strconv.Atoi: optional sign, digits) or a name of the field; a string is the error. */
function number(text: string, bounds: FieldBounds | undefined): number | string {
  const named = bounds?.names?.[text.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^[+-]?[0-9]+$/.test(text)) return `failed to parse int from ${text}`;
  const value = Number(text);
  if (value < 0) return `negative number (${value}) not allowed: ${text}`;
  return value;
}
