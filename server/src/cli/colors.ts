// Colour for the text output and diffs: plain ANSI SGR codes, no dependency.
//
// When: `--color` / `--no-color` decide; else FORCE_COLOR set (any value but `0` or `false`, as
// Node and the `supports-color` package read it) turns colour on and `FORCE_COLOR=0` off; else a
// non-empty NO_COLOR turns it off (https://no-color.org/); else TERM=dumb turns it off; else colour
// is on when stdout is a terminal.
import type { Severity } from '../engine/types';

export interface ColorContext {
  /** `--color` (true) or `--no-color` (false). */
  flag?: boolean;
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
}

export function colorEnabled({ flag, env, isTTY }: ColorContext): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

export interface Palette {
  enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  underline(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
  gray(text: string): string;
  severity(severity: Severity, text: string): string;
}

const sgr = (open: number, close: number) => (text: string) => (text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`);
const plain = (text: string) => text;

export function palette(enabled: boolean): Palette {
  const wrap = (open: number, close: number) => (enabled ? sgr(open, close) : plain);
  const red = wrap(31, 39);
  const yellow = wrap(33, 39);
  const cyan = wrap(36, 39);
  const gray = wrap(90, 39);
  const colours: Record<Severity, (text: string) => string> = { error: red, warning: yellow, info: cyan, hint: gray };
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    underline: wrap(4, 24),
    red,
    yellow,
    green: wrap(32, 39),
    cyan,
    gray,
    severity: (severity, text) => colours[severity](text),
  };
}
