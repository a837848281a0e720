// IntOrString fields that hold a count or a percentage (rolling-update limits, PodDisruptionBudget
// bounds), read the way the apps validation reads them: an integer (never negative) or a string
// of digits followed by `%`. "50" (a quoted number), "50 %" and "-10%" are all refused, and a
// percentage may be capped at 100%.
// https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#max-unavailable
import { asString } from '../json';
import type { FieldPath, RuleFinding } from '../types';
import { pathText, quoteShort } from './phrasing';

export interface IntOrPercent {
  value: number;
  isPercent: boolean;
  /** True when the manifest omitted the field and the defaulter filled it in. */
  defaulted: boolean;
  /** The raw value is neither an integer nor a valid `N%` string. */
  malformed: boolean;
}

const PERCENT = /^([0-9]+)%$/;

/** Upstream wording of the percent-format error (validation.IsValidPercent). */
export const PERCENT_FORMAT_ERROR = "a valid percent string must be a numeric string followed by an ending '%'";

/** Reads an int-or-percent value; `fallback` is what the defaulter puts in when it is omitted. */
export function readIntOrPercent(raw: unknown, fallback: number, fallbackIsPercent: boolean): IntOrPercent {
  if (raw === undefined || raw === null) return { value: fallback, isPercent: fallbackIsPercent, defaulted: true, malformed: false };
  if (typeof raw === 'number' && Number.isInteger(raw)) return { value: raw, isPercent: false, defaulted: false, malformed: false };
  const text = asString(raw);
  const percent = text !== undefined ? PERCENT.exec(text) : null;
  if (percent) return { value: Number(percent[1]), isPercent: true, defaulted: false, malformed: false };
  return { value: NaN, isPercent: false, defaulted: false, malformed: true };
}

/** `25%`, `1`, with "(the default)" when the defaulter chose it. */
export function describeIntOrPercent(field: IntOrPercent): string {
  const text = `${field.value}${field.isPercent ? '%' : ''}`;
  return field.defaulted ? `${text} (the default)` : text;
}

/** A repaired spelling of a malformed value: "50" → 50, "50 %" → "50%"; undefined when unclear. */
export function repairedIntOrPercent(raw: unknown): number | string | undefined {
  const text = asString(raw)?.trim();
  if (text === undefined) return undefined;
  if (/^[0-9]{1,9}$/.test(text)) return Number(text);
  const spaced = /^([0-9]{1,9})\s*%$/.exec(text);
  return spaced ? `${spaced[1]}%` : undefined;
}

/**
 * Findings for the format checks every int-or-percent field shares: a string that is not `N%`,
 * a negative integer and, where `capAt100`, a percentage over 100%. Strings that are not percentages
 * and negative numbers are what ValidatePositiveIntOrPercent refuses; the cap is IsNotMoreThan100Percent.
 */
export function intOrPercentFormatFindings(raw: unknown, path: FieldPath, capAt100: boolean, owner: string): RuleFinding[] {
  if (raw === undefined || raw === null) return [];
  const name = String(path[path.length - 1]);
  const where = pathText(path);
  if (typeof raw === 'number' && Number.isInteger(raw)) {
    if (raw >= 0) return [];
    return [
      {
        path,
        target: 'value',
        message: `${owner} ${name} ${raw} is negative`,
        detail: `The API server rejects it (${where}: must be greater than or equal to 0). Use 0 or more, or a percentage such as "25%".`,
        fixes: [{ title: 'Set to 0', intents: [{ op: 'set', path, value: 0 }] }],
      },
    ];
  }
  const text = asString(raw);
  if (text === undefined) return []; // other types: schema-type
  const percent = PERCENT.exec(text);
  if (!percent) {
    const repaired = repairedIntOrPercent(raw);
    return [
      {
        path,
        target: 'value',
        message: `${owner} ${name} ${quoteShort(text, 16)} is not an integer or a percentage ("25%")`,
        detail:
          `The API server rejects it (${where}: ${PERCENT_FORMAT_ERROR}). A quoted number is a string, not an integer: ` +
          'write 1 without quotes for a count, or "25%" (digits then %, no space or sign) for a share of the replicas.',
        fixes: repaired !== undefined ? [{ title: `Change to ${JSON.stringify(repaired)}`, intents: [{ op: 'set', path, value: repaired }], preferred: true }] : [],
      },
    ];
  }
  if (capAt100 && Number(percent[1]) > 100) {
    return [
      {
        path,
        target: 'value',
        message: `${owner} ${name} ${text} is over 100%`,
        detail: `The API server rejects it (${where}: must not be greater than 100%). Use at most 100%.`,
        fixes: [{ title: 'Set to 100%', intents: [{ op: 'set', path, value: '100%' }] }],
      },
    ];
  }
  return [];
}
