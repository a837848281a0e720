// Recognizes container commands that finish at once (`echo hi`, `date`, `sh -c "echo done"`).
// Conservative on purpose: anything it does not know (a server, `sleep`, a loop) counts as
// long-running, so a finding is only made when the command surely exits.

/** Programs that print or change something and exit. */
const ONE_SHOT = new Set([
  'echo',
  'printf',
  'true',
  'false',
  'date',
  'env',
  'printenv',
  'hostname',
  'whoami',
  'id',
  'pwd',
  'uname',
  'ls',
  'cat',
  'mkdir',
  'touch',
  'cp',
  'mv',
  'rm',
  'ln',
  'chmod',
  'chown',
  'exit',
  ':',
  'set',
  'export',
  'cd',
  'test',
  '[',
  'df',
  'du',
  'nproc',
]);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox sh']);

function basename(program: string): string {
  return program.slice(program.lastIndexOf('/') + 1);
}

/** True when running `argv` surely terminates right away. */
export function isOneShot(argv: readonly string[]): boolean {
  if (argv.length === 0) return false;
  const program = basename(argv[0]);
  // `cat` or `cat -` with no file waits on stdin; only count it with a file argument.
  if (program === 'cat') return argv.length > 1 && !argv.slice(1).includes('-');
  if (ONE_SHOT.has(program)) return true;
  if (SHELLS.has(program)) {
    const flag = argv.findIndex((arg, index) => index > 0 && /^-[a-z]*$/.test(arg) && arg.includes('c'));
    if (flag === -1 || flag + 1 >= argv.length) return false;
    return isOneShotScript(argv[flag + 1]);
  }
  return false;
}

/** A shell script made only of one-shot simple commands (no loops, no servers, no sleep). */
export function isOneShotScript(script: string): boolean {
  const unquoted = script.replace(/'[^']*'/g, "''").replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if (/[`$]\(|`/.test(unquoted)) return false; // command substitution: unknown programs
  const commands = unquoted
    .split(/&&|\|\||[;&|\n]/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (commands.length === 0) return false;
  return commands.every((command) => {
    const words = command.split(/\s+/).filter((word) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word));
    let first = words[0] ?? '';
    if (first === 'exec' || first === 'command') first = words[1] ?? '';
    const program = basename(first);
    if (program === 'cat') return words.length > 1;
    return ONE_SHOT.has(program);
  });
}
