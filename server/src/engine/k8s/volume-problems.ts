// What the volume source checks report: a problem on a path inside one volume, in words a rule
// turns into a finding. Shared by the volume-source-invalid and volume-path-invalid rules, so a
// required field or a file mode reads the same whichever source holds it.
// https://kubernetes.io/docs/concepts/storage/volumes/
import { asArray, asInteger, type JsonObject } from '../json';
import type { FieldPath, RuleFinding } from '../types';
import { capitalize, fitMessage, quoteShort } from './phrasing';

export interface VolumeProblem {
  /** Path from the volume item, e.g. ['secret', 'items', 0, 'mode']. */
  path: FieldPath;
  /** 'key' for a missing field (placed on the nearest parent key), 'value' for a wrong value. */
  target: 'key' | 'value';
  /** The problem, after `Volume "name": ` in the message. */
  text: string;
  /** The API server's own short error, quoted in the detail. */
  upstream: string;
  /** One sentence on how to fix it. */
  hint: string;
  /** A safe replacement value for the field at `path` (or at `replace.path`, from the volume). */
  replace?: { title: string; value: unknown; path?: FieldPath };
}

/**
 * A field path as the message shows it, from the volume: `secret.items[0].path`. A deep path
 * keeps its last fields only (`resourceFieldRef.containerName`): the range shows which item.
 */
export function fieldText(path: FieldPath): string {
  const full = joinPath(path);
  if (full.length <= 40) return full;
  const tail = path.slice(-3);
  while (tail.length > 1 && typeof tail[0] === 'number') tail.shift();
  return joinPath(tail);
}

function joinPath(path: FieldPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text.length === 0 ? segment : `.${segment}`;
  }
  return text;
}

/**
 * A string field the API server requires to be non-empty. A missing key is reported only when the
 * schema does not already require it (schema-required says so); "" is always reported.
 */
export function requireString(source: JsonObject, key: string, at: FieldPath, schemaRequired: boolean, hint: string): VolumeProblem | undefined {
  const value = source[key];
  const path = [...at, key];
  if (value === '') return { path, target: 'value', text: `${fieldText(path)} is empty`, upstream: 'Required value', hint };
  if ((value === undefined || value === null) && !schemaRequired) return { path, target: 'key', text: `${fieldText(path)} is missing`, upstream: 'Required value', hint };
  return undefined;
}

/** A list field the API server requires to have at least one item (an explicit `[]`). */
export function requireList(source: JsonObject, key: string, at: FieldPath, hint: string): VolumeProblem | undefined {
  const value = source[key];
  if (!Array.isArray(value) || asArray(value).length > 0) return undefined;
  const path = [...at, key];
  return { path, target: 'value', text: `${fieldText(path)} is an empty list`, upstream: 'Required value', hint };
}

/** An integer field outside [min, max] (inclusive), with the upstream range wording. */
export function requireRange(source: JsonObject, key: string, at: FieldPath, min: number, max: number): VolumeProblem | undefined {
  const value = asInteger(source[key]);
  if (value === undefined || (value >= min && value <= max)) return undefined;
  const path = [...at, key];
  return {
    path,
    target: 'value',
    text: `${fieldText(path)} ${value} is out of range ${min}-${max}`,
    upstream: `must be between ${min} and ${max}, inclusive`,
    hint: `Use a value from ${min} to ${max}.`,
  };
}

/**
 * defaultMode and item modes: 0 to 0777 (511). A decimal `644` written where octal `0644` was
 * meant is the usual slip; when the digits read as an octal mode, the fix writes that mode.
 */
export function fileModeProblem(source: JsonObject, key: string, at: FieldPath): VolumeProblem | undefined {
  const value = asInteger(source[key]);
  if (value === undefined || (value >= 0 && value <= 0o777)) return undefined;
  const path = [...at, key];
  const digits = String(value);
  const octal = /^[0-7]{3,4}$/.test(digits) ? parseInt(digits, 8) : undefined;
  return {
    path,
    target: 'value',
    text: `${fieldText(path)} ${value} is not a file mode (0-0777)`,
    upstream: 'must be a number between 0 and 0777 (octal), both inclusive',
    hint:
      octal !== undefined && octal <= 0o777
        ? `YAML reads ${digits} as a decimal number; write the octal mode with a leading zero (0${digits.replace(/^0/, '')}) or as decimal ${octal}.`
        : 'Write the permission bits as an octal number with a leading zero (0644) or as its decimal value (420).',
    replace: octal !== undefined && octal <= 0o777 ? { title: `Set ${key} to ${octal} (octal 0${digits.replace(/^0/, '')})`, value: octal } : undefined,
  };
}

/** A value quoted short for a message. */
export function shown(value: string): string {
  return quoteShort(value, 30);
}

/** How a finding names the volume: `Volume "config"`, or `volumes[2]` when it has no name. */
export function volumeLabel(volume: JsonObject, index: number): string {
  return typeof volume.name === 'string' && volume.name !== '' ? `Volume ${quoteShort(volume.name, 30)}` : `volumes[${index}]`;
}

/** The finding for a problem of the volume at `base` (its path from the document root). */
export function problemFinding(problem: VolumeProblem, base: FieldPath, label: string): RuleFinding {
  const path = [...base, ...problem.path];
  return {
    path,
    target: problem.target,
    message: fitMessage(`${label}: ${problem.text}`, capitalize(problem.text)),
    detail: `The API server rejects it ("${problem.upstream}"). ${problem.hint}`,
    fixes: problem.replace
      ? [
          {
            title: problem.replace.title,
            intents: [{ op: 'set', path: problem.replace.path ? [...base, ...problem.replace.path] : path, value: problem.replace.value }],
            preferred: true,
          },
        ]
      : undefined,
  };
}
