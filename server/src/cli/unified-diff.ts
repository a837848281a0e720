// `podwise fix --dry-run`: a unified diff (the format `git apply` and `patch` read) of a file's
// text before and after fixing. Lines keep their own terminator, so a CRLF file's diff carries its
// `\r`s and applies to the CRLF file. The line diff is Myers' O(ND) algorithm
// (http://www.xmailserver.org/diff2.pdf) after trimming the common head and tail; fixes change a
// few lines, so D is small. Past a work bound the middle is shown as removed and re-added: still a
// correct patch, only longer.
import type { Palette } from './colors';
import { terminalSafe } from './format-text';

const CONTEXT = 3;
/** Cells of Myers' search (about n·D) before giving up on a minimal diff. */
const MAX_WORK = 200_000_000;

type Op = { kind: ' ' | '-' | '+'; text: string };

export interface DiffOptions {
  colors: Palette;
  /** Escape characters a terminal acts on (the diff is being read, not applied). */
  escape: boolean;
}

/** The unified diff from `before` to `after` for `name`, or '' when they are equal. */
export function unifiedDiff(name: string, before: string, after: string, options: DiffOptions): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const { colors } = options;
  const show = (text: string) => (options.escape ? escapeKeepingEol(text) : text);
  const relative = !name.startsWith('/');
  let output = colors.bold(`--- ${relative ? 'a/' : ''}${show(name)}`) + '\n' + colors.bold(`+++ ${relative ? 'b/' : ''}${show(name)}`) + '\n';
  for (const hunk of hunks(ops)) {
    output += colors.cyan(`@@ -${range(hunk.aStart, hunk.aCount)} +${range(hunk.bStart, hunk.bCount)} @@`) + '\n';
    for (const op of ops.slice(hunk.from, hunk.to)) {
      const text = show(op.text);
      const body = text.endsWith('\n') ? text.slice(0, -1) : text;
      const paint = op.kind === '-' ? colors.red : op.kind === '+' ? colors.green : (line: string) => line;
      output += `${paint(op.kind + body)}\n`;
      if (!text.endsWith('\n')) output += '\\ No newline at end of file\n';
    }
  }
  return output;
}

/** Lines with their terminators (`\n`; a `\r` before it stays part of the line). */
export function splitLines(text: string): string[] {
  return text.split(/(?<=\n)/).filter((line) => line !== ''); // a split, not match(/[^\n]*\n|[^\n]+$/g): no rescans
}

function range(start: number, count: number): string {
  // An empty range names the line before it (line 0 at the top of the file).
  return `${count === 0 ? start - 1 : start},${count}`;
}

function escapeKeepingEol(text: string): string {
  const eol = /\r?\n$/.exec(text)?.[0] ?? '';
  return terminalSafe(text.slice(0, text.length - eol.length)) + eol;
}

export function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  // Loops, not push(...spread): a spread of 100 000 lines overflows the call stack.
  const ops: Op[] = [];
  for (let index = 0; index < head; index += 1) ops.push({ kind: ' ', text: a[index] });
  for (const op of myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail))) ops.push(op);
  for (let index = a.length - tail; index < a.length; index += 1) ops.push({ kind: ' ', text: a[index] });
  return ops;
}

function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  // Compare small integers, not strings, in the inner loop.
  const ids = new Map<string, number>();
  const idOf = (line: string) => {
    let id = ids.get(line);
    if (id === undefined) ids.set(line, (id = ids.size));
    return id;
  };
  const A = Int32Array.from(a, idOf);
  const B = Int32Array.from(b, idOf);
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  /** trace[d][k + d]: the furthest x on diagonal k after d edits. */
  const trace: Int32Array[] = [];
  let work = 0;
  for (let d = 0; d <= max; d += 1) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return backtrack(a, b, trace);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
    work += n + m + 2 * d;
    if (work > MAX_WORK) break;
  }
  return a.map((text): Op => ({ kind: '-', text })).concat(b.map((text): Op => ({ kind: '+', text })));
}

function backtrack(a: readonly string[], b: readonly string[], trace: readonly Int32Array[]): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d > 0; d -= 1) {
    const previous = trace[d - 1];
    const at = (k: number) => previous[k + d - 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    // The snake after the edit, then the edit itself.
    while (x > (down ? previousX : previousX + 1) && y > (down ? previousY + 1 : previousY)) {
      ops.push({ kind: ' ', text: a[x - 1] });
      x -= 1;
      y -= 1;
    }
    if (down) ops.push({ kind: '+', text: b[y - 1] });
    else ops.push({ kind: '-', text: a[x - 1] });
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: ' ', text: a[x - 1] });
    x -= 1;
    y -= 1;
  }
  return ops.reverse();
}

interface Hunk {
  from: number;
  to: number;
  aStart: number;
  aCount: number;
  bStart: number;
  bCount: number;
}

function hunks(ops: readonly Op[]): Hunk[] {
  const changes: number[] = [];
  ops.forEach((op, index) => {
    if (op.kind !== ' ') changes.push(index);
  });
  const result: Hunk[] = [];
  // Lines of each side before `cursor`, carried from hunk to hunk (hunks come in order).
  let cursor = 0;
  let aBefore = 0;
  let bBefore = 0;
  let group = 0;
  while (group < changes.length) {
    let last = group;
    while (last + 1 < changes.length && changes[last + 1] - changes[last] - 1 <= 2 * CONTEXT) last += 1;
    const from = Math.max(0, changes[group] - CONTEXT);
    const to = Math.min(ops.length, changes[last] + 1 + CONTEXT);
    for (; cursor < from; cursor += 1) {
      if (ops[cursor].kind !== '+') aBefore += 1;
      if (ops[cursor].kind !== '-') bBefore += 1;
    }
    let aCount = 0;
    let bCount = 0;
    for (let index = from; index < to; index += 1) {
      if (ops[index].kind !== '+') aCount += 1;
      if (ops[index].kind !== '-') bCount += 1;
    }
    result.push({ from, to, aStart: aBefore + 1, aCount, bStart: bBefore + 1, bCount });
    group = last + 1;
  }
  return result;
}
