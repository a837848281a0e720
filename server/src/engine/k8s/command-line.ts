// How a container's command line reaches the program. The kubelet hands `command` + `args` to the
// runtime as an argv list, with no shell in between: the first element is looked up as the
// executable, and the only substitution is Kubernetes' own `$(VAR)` (with `$$` as the escape),
// for variables the container declares in env/envFrom. Shell syntax (`$VAR`, `${VAR}`, quotes,
// pipes) only means something when the argv starts a shell with a script (`sh -c "…"`).
// https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#use-environment-variables-to-define-arguments
// https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/

/** Programs that read a script from `-c` (or `/c`, `-Command` on Windows). */
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'fish', 'cmd', 'cmd.exe', 'powershell', 'powershell.exe', 'pwsh', 'pwsh.exe']);

/**
 * Programs whose arguments are their own language, where `$NAME` means something else (awk's `$NF`,
 * perl and sed patterns, jq paths, SQL dollar quoting) or is expanded by the program itself.
 */
const OWN_DOLLAR_SYNTAX =
  /^(?:awk|gawk|mawk|nawk|sed|gsed|perl|perl5|python[0-9.]*|pypy[0-9.]*|ruby|node|nodejs|deno|bun|php[0-9.]*|lua[0-9.]*|jq|yq|envsubst|Rscript|psql|mysql|sqlite3|redis-cli|cqlsh|mongo|mongosh|curl)$/;

/** The last path component of a program (`/usr/bin/env` → `env`, `C:\x\cmd.exe` → `cmd.exe`). */
export function programName(program: string): string {
  return program.slice(Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\')) + 1);
}

/** A `-c` style flag: `-c`, `-ec`, `-xc`, `-lc`, `--command`, `/c`, `-Command`. */
function isScriptFlag(arg: string): boolean {
  return (/^-[a-z]+$/.test(arg) && arg.includes('c')) || /^\/[cC]$/.test(arg) || /^--?command$/i.test(arg);
}

/**
 * True when some element starts a shell that runs a script (`sh -c`, `bash -ec`, `tini -- sh -c`,
 * `busybox sh -c`): the shell expands `$VAR` itself. Conservative: any shell followed by a
 * script flag counts, wherever it sits in argv.
 */
export function runsShellScript(argv: readonly string[]): boolean {
  const shellAt = argv.findIndex((arg) => SHELLS.has(programName(arg)));
  return shellAt !== -1 && argv.slice(shellAt + 1).some(isScriptFlag);
}

/** True when an element runs an interpreter whose arguments use `$` in a syntax of its own. */
export function usesOwnDollarSyntax(argv: readonly string[]): boolean {
  return argv.some((arg) => OWN_DOLLAR_SYNTAX.test(programName(arg)));
}

/** True when the argv runs a JVM, where `${name}` is often a Spring/Log4j placeholder the app resolves. */
export function runsJvm(argv: readonly string[]): boolean {
  return argv.some((arg) => programName(arg) === 'java' || arg.endsWith('.jar'));
}

/** A shell-style reference the kubelet leaves as it is: `$NAME` or `${NAME}` (or `${NAME:-x}`). */
export interface ShellReference {
  name: string;
  /** `${…}` rather than `$NAME`. */
  braced: boolean;
  /** Start and end offsets in the text. */
  start: number;
  end: number;
  /** A plain `$NAME` or `${NAME}` that `$(NAME)` can replace (no default, no operator). */
  rewritable: boolean;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * The `$NAME` / `${NAME}` references in one argv element, read the way the kubelet's expansion
 * reads it: `$$` is an escaped dollar and `$(NAME)` is Kubernetes' own syntax, both skipped.
 * `$1`, `$@`, a trailing `$` and the like are not variable names and are skipped too.
 */
export function shellReferences(text: string): ShellReference[] {
  const found: ShellReference[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '$') {
      i++;
      continue;
    }
    const next = text[i + 1] ?? '';
    if (next === '$') {
      i += 2;
      continue;
    }
    if (next === '(') {
      const close = text.indexOf(')', i + 2);
      i = close === -1 ? i + 2 : close + 1;
      continue;
    }
    if (next === '{') {
      let j = i + 2;
      if (!NAME_START.test(text[j] ?? '')) {
        i += 2;
        continue;
      }
      while (j < text.length && NAME_CHAR.test(text[j])) j++;
      const name = text.slice(i + 2, j);
      const close = text.indexOf('}', j);
      if (close === -1) {
        i = j;
        continue;
      }
      found.push({ name, braced: true, start: i, end: close + 1, rewritable: close === j });
      i = close + 1;
      continue;
    }
    if (NAME_START.test(next)) {
      let j = i + 1;
      while (j < text.length && NAME_CHAR.test(text[j])) j++;
      found.push({ name: text.slice(i + 1, j), braced: false, start: i, end: j, rewritable: true });
      i = j;
      continue;
    }
    i++;
  }
  return found;
}

/** The element with every rewritable reference to one of `names` written as `$(NAME)`. */
export function toKubernetesReferences(text: string, names: ReadonlySet<string>): string {
  let result = '';
  let last = 0;
  for (const ref of shellReferences(text)) {
    if (!ref.rewritable || !names.has(ref.name)) continue;
    result += `${text.slice(last, ref.start)}$(${ref.name})`;
    last = ref.end;
  }
  return result + text.slice(last);
}

/** Characters that only a shell gives meaning to: quoting, pipes, lists, redirection, expansion, globs. */
const SHELL_SYNTAX = /["'`|&;<>$\\*?~(){}[\]#!]/;

/**
 * The words of a program element that holds its own arguments (`"python app.py"` → `python`,
 * `app.py`), when splitting at whitespace gives exactly what a shell would (no quoting, pipes,
 * variables or globs); undefined otherwise.
 */
export function plainWords(text: string): string[] | undefined {
  if (SHELL_SYNTAX.test(text)) return undefined;
  const words = text.split(/\s+/).filter((word) => word !== '');
  // `FOO=bar app`: a leading assignment is shell syntax too.
  if (words.length === 0 || words[0].includes('=')) return undefined;
  return words;
}

/** An option, not a program: `--config=/etc/x`, `-c`, `-Dkey=value` (a lone `-` is stdin, `--` ends options). */
export function looksLikeFlag(text: string): boolean {
  return /^--?[A-Za-z0-9]/.test(text);
}

/**
 * A program element that the runtime would look up as one executable name although it holds
 * whitespace (`"python app.py"`). Windows paths (`C:\Program Files\…`) may hold spaces and are left alone.
 */
export function programHoldsArguments(text: string): boolean {
  if (!/\s/.test(text) || text.trim() === '') return false;
  return !text.includes('\\') && !/^[A-Za-z]:/.test(text);
}

/** An argv element a shell reads as the same single word, or with `$` references expanded. */
const SHELL_WORD = /^[\w\-./=:,@%+${}]+$/;

/**
 * A `sh -c` script that runs `argv` with the shell expanding its `$VAR` references (`exec`, so
 * the program still gets the signals), or undefined when an element would need careful quoting.
 */
export function shellScriptFor(argv: readonly string[]): string | undefined {
  const words: string[] = [];
  for (const arg of argv) {
    if (SHELL_WORD.test(arg)) words.push(arg);
    else if (!arg.includes("'") && !arg.includes('$')) words.push(`'${arg}'`);
    else return undefined;
  }
  return words.length > 0 ? `exec ${words.join(' ')}` : undefined;
}

/**
 * The names of the `$(NAME)` references in one argv element (`$$` is an escaped dollar). The
 * kubelet replaces each with the variable's value, or leaves it as written when the container
 * has no such variable.
 */
export function kubernetesReferences(text: string): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '$') {
      i++;
      continue;
    }
    if (text[i + 1] === '$') {
      i += 2;
      continue;
    }
    if (text[i + 1] !== '(') {
      i++;
      continue;
    }
    const close = text.indexOf(')', i + 2);
    if (close === -1) break;
    const name = text.slice(i + 2, close);
    if (/^[A-Za-z_]\w*$/.test(name)) names.push(name);
    i = close + 1;
  }
  return names;
}

/**
 * Variables the kubelet adds for Services when enableServiceLinks is on (the default):
 * `<SVC>_SERVICE_HOST`, `<SVC>_SERVICE_PORT[_<PORT>]`, `<SVC>_PORT[_<n>_<PROTO>[_ADDR|_PORT|_PROTO]]`.
 * https://kubernetes.io/docs/concepts/services-networking/service/#environment-variables
 */
export function mayBeServiceVariable(name: string): boolean {
  return /_SERVICE_(?:HOST|PORT)/.test(name) || /_PORT(?:_\d+_(?:TCP|UDP|SCTP)(?:_(?:ADDR|PORT|PROTO))?)?$/.test(name);
}

/** Downward API fields for the variable names people expect Kubernetes to provide by itself. */
export const DOWNWARD_FIELDS: Readonly<Record<string, string>> = {
  POD_NAME: 'metadata.name',
  POD_NAMESPACE: 'metadata.namespace',
  POD_UID: 'metadata.uid',
  POD_IP: 'status.podIP',
  POD_IPS: 'status.podIPs',
  HOST_IP: 'status.hostIP',
  NODE_NAME: 'spec.nodeName',
  NODE_IP: 'status.hostIP',
  SERVICE_ACCOUNT: 'spec.serviceAccountName',
};
