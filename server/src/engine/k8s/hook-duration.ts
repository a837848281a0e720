// How long a lifecycle hook takes, read statically. People write a preStop delay in many ways:
// the `sleep` action (1.30+), `exec: [sleep, "5"]`, `[/bin/sleep, 5s]`, or a shell line such as
// `[sh, -c, "sleep 5 && nginx -s quit"]`. This module finds the sleeps, adds them up (a lower
// bound when other commands run too) and knows how to rewrite a single sleep for a quick fix.
// https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#hook-handler-execution
import { asArray, asInteger, asObject, asString, type JsonObject } from '../json';
import type { PodSpecContext } from '../rule-types';
import type { FieldPath, FixIntent } from '../types';
import { atLeast } from '../versions';
import { singleHandler } from './probe-walk';

export interface HookDuration {
  /** The hook's only handler (undefined when it has none or several). */
  handler: string | undefined;
  /** Seconds the hook takes at least (Infinity for `sleep infinity`); undefined when unknown. */
  seconds?: number;
  /** True when the hook is nothing but the sleep, so `seconds` is its whole duration. */
  exact: boolean;
  /** How to change the one sleep of the hook to `seconds`, when there is exactly one. */
  retime?: (seconds: number) => FixIntent;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox']);
// A script with control flow may repeat or skip its sleeps: its duration cannot be read.
const CONTROL_WORDS = new Set(['while', 'until', 'for', 'if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'select', 'function']);

const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const unquote = (text: string): string => text.replace(/^(['"])(.*)\1$/, '$2');

/** One argument of GNU/busybox sleep: a number with an optional s/m/h/d suffix, or infinity. */
export function parseSleepArgument(text: string): number | undefined {
  const arg = unquote(text.trim());
  if (/^inf(inity)?$/i.test(arg)) return Infinity;
  const match = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!match) return undefined;
  const factor = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2]] ?? 1;
  return Number(match[1]) * factor;
}

export function hookDuration(hook: JsonObject, hookPath: FieldPath = []): HookDuration {
  const handler = singleHandler(hook, true);
  if (!handler) return { handler: undefined, exact: false };
  if (handler.name === 'sleep') {
    const seconds = asInteger(handler.value.seconds);
    if (seconds === undefined) return { handler: 'sleep', exact: false };
    return { handler: 'sleep', seconds, exact: true, retime: (n) => ({ op: 'set', path: [...hookPath, 'sleep', 'seconds'], value: n }) };
  }
  if (handler.name === 'exec') return { handler: 'exec', ...execDuration(handler.value, [...hookPath, 'exec', 'command']) };
  return { handler: handler.name, exact: false };
}

function execDuration(exec: JsonObject, commandPath: FieldPath): Omit<HookDuration, 'handler'> {
  const raw = asArray(exec.command);
  const argv = raw.map((item) => (typeof item === 'number' ? String(item) : asString(item)));
  if (argv.length === 0 || argv.some((arg) => arg === undefined)) return { exact: false };
  const args = argv as string[];
  let start = 0;
  if (basename(args[0]) === 'busybox' && args.length > 1 && !args[1].startsWith('-')) start = 1;
  const program = basename(args[start]);
  if (program === 'sleep') {
    const values = args.slice(start + 1).map(parseSleepArgument);
    if (values.length === 0 || values.some((value) => value === undefined)) return { exact: false };
    const seconds = (values as number[]).reduce((sum, value) => sum + value, 0);
    const index = start + 1;
    const retime = values.length === 1 ? (n: number): FixIntent => ({ op: 'set', path: [...commandPath, index], value: String(n) }) : undefined;
    return { seconds, exact: true, retime };
  }
  if (SHELLS.has(program)) {
    const flag = args.findIndex((arg, i) => i > start && /^-[a-z]*$/.test(arg) && arg.includes('c'));
    const script = flag > 0 ? args[flag + 1] : undefined;
    if (script === undefined) return { exact: false };
    const parsed = scriptDuration(script);
    if (!parsed) return { exact: false };
    const retime = parsed.single
      ? (n: number): FixIntent => ({ op: 'set', path: [...commandPath, flag + 1], value: script.replace(parsed.single as string, `sleep ${n}`) })
      : undefined;
    return { seconds: parsed.seconds, exact: parsed.exact, retime };
  }
  return { exact: false };
}

interface ScriptDuration {
  seconds: number;
  exact: boolean;
  /** The text of the only sleep command (`sleep 5`), when there is exactly one. */
  single?: string;
}

/** Sums the foreground `sleep N` commands of a simple shell line; undefined when it cannot tell. */
export function scriptDuration(script: string): ScriptDuration | undefined {
  const parts = script.split(/(&&|\|\||[;&|\n])/);
  let seconds = 0;
  let exact = true;
  const sleeps: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const segment = parts[i].trim().replace(/^exec\s+/, '');
    const separator = parts[i + 1];
    if (segment === '' || segment.startsWith('#')) continue;
    const words = segment.split(/\s+/);
    if (CONTROL_WORDS.has(words[0])) return undefined;
    if (basename(words[0]) !== 'sleep') {
      exact = false;
      continue;
    }
    if (separator === '&') continue; // backgrounded: the hook does not wait for it
    const values = words.slice(1).map(parseSleepArgument);
    if (values.length === 0 || values.some((value) => value === undefined)) return undefined;
    seconds += (values as number[]).reduce((sum, value) => sum + value, 0);
    if (values.length === 1) sleeps.push(segment);
    else sleeps.push('');
  }
  if (sleeps.length === 0) return undefined;
  return { seconds, exact, single: sleeps.length === 1 && sleeps[0] !== '' ? sleeps[0] : undefined };
}

/** The preStop hook of a container, if any. */
export function preStopOf(container: JsonObject): JsonObject | undefined {
  return asObject(asObject(container.lifecycle)?.preStop);
}

/** A preStop delay that fits the grace period: the sleep action from 1.30, exec sleep before. */
export function preStopSleep(context: PodSpecContext, seconds: number): { key: string; value: unknown; label: string } {
  if (atLeast(context.env.kubernetesVersion, '1.30')) return { key: 'sleep', value: { seconds }, label: `sleep: {seconds: ${seconds}}` };
  return { key: 'exec', value: { command: ['sleep', String(seconds)] }, label: `exec sleep ${seconds}` };
}
