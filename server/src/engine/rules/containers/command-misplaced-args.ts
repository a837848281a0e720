// The first element of `command` (and of an exec probe's or hook's `command`) is the executable
// the runtime looks up; nothing splits it at spaces. So `command: ["python app.py"]` fails with
// `exec: "python app.py": executable file not found`, and `command: ["--config=/etc/x"]` — options
// meant for the image's entrypoint, which belong in `args` — fails the same way. An exec probe
// written like that fails every check.
// https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-liveness-command
import { containersOf, type ContainerRef } from '../../containers';
import { asArray, asObject, hasKey, type JsonValue } from '../../json';
import { looksLikeFlag, plainWords, programHoldsArguments } from '../../k8s/command-line';
import { capitalize, describeContainer, fitMessage, quoteShort } from '../../k8s/phrasing';
import { describeOwner, handlerOwners, type HandlerOwner } from '../../k8s/probe-walk';
import type { Rule } from '../../rule-types';
import type { FieldPath, FixSpec, RuleFinding } from '../../types';

export const commandMisplacedArgs: Rule = {
  meta: {
    id: 'command-misplaced-args',
    defaultSeverity: 'warning',
    category: 'containers',
    summary: 'A command starts with a flag meant for args, or its program element holds spaces, so the executable is not found.',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers'])) {
      const finding = containerCommandFinding(ref);
      if (finding) findings.push(finding);
    }
    for (const owner of handlerOwners(context.spec, context.specPath)) {
      const finding = execCommandFinding(owner);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

function containerCommandFinding(ref: ContainerRef): RuleFinding | undefined {
  const command = ref.container.command;
  if (!Array.isArray(command)) return undefined;
  const program = command[0];
  if (typeof program !== 'string') return undefined;
  const commandPath: FieldPath = [...ref.path, 'command'];
  const who = describeContainer(ref);
  if (looksLikeFlag(program)) {
    // Any args key (even a malformed one) would collide with a renamed command.
    const hasArgs = hasKey(ref.container, 'args');
    const fixes: FixSpec[] = hasArgs
      ? [
          {
            title: 'Move the command elements to the front of args',
            intents: [
              { op: 'set', path: [...ref.path, 'args'], value: [...command, ...asArray(ref.container.args)] },
              { op: 'delete', path: commandPath },
            ],
          },
        ]
      : [{ title: 'Rename command to args (options for the image entrypoint)', intents: [{ op: 'rename', path: commandPath, newKey: 'args' }], preferred: true, safe: true }];
    return {
      path: [...commandPath, 0],
      target: 'value',
      message: fitMessage(
        `${capitalize(who)} has the flag ${quoteShort(program, 30)} as its program: flags belong in args`,
        `The flag ${quoteShort(program, 30)} is the program of command: flags belong in args`,
      ),
      detail:
        `The runtime runs the first element of command as the executable, so the container fails to start (exec: "${program}": executable file not found). ` +
        `command replaces the image's ENTRYPOINT; to pass options to the entrypoint, put them under args and leave command unset.`,
      fixes,
    };
  }
  return spacedProgramFinding(command, commandPath, who, 'the container fails to start');
}

function execCommandFinding(owner: HandlerOwner): RuleFinding | undefined {
  const exec = asObject(owner.value.exec);
  const command = exec?.command;
  if (!Array.isArray(command) || typeof command[0] !== 'string') return undefined;
  const outcome =
    owner.kind === 'readinessProbe'
      ? 'every check fails and the container never becomes Ready'
      : owner.kind === 'livenessProbe' || owner.kind === 'startupProbe'
        ? 'every check fails and the kubelet keeps restarting the container'
        : owner.kind === 'postStart'
          ? 'the hook fails and the kubelet kills the container'
          : 'the hook fails (FailedPreStopHook) and does none of its work';
  return spacedProgramFinding(command, [...owner.path, 'exec', 'command'], describeOwner(owner.kind, owner.container), outcome);
}

/** The program element holds spaces: split it when that is what a shell would do, else offer `sh -c`. */
function spacedProgramFinding(command: readonly JsonValue[], commandPath: FieldPath, who: string, outcome: string): RuleFinding | undefined {
  const program = command[0];
  if (typeof program !== 'string' || !programHoldsArguments(program)) return undefined;
  const words = plainWords(program);
  const fixes: FixSpec[] = [];
  if (words) {
    const split = [...words, ...command.slice(1)];
    fixes.push({
      title: `Split into ${split.length} elements`,
      intents: [{ op: 'set', path: commandPath, value: split }],
      preferred: true,
      safe: true,
    });
  } else if (command.length === 1) {
    fixes.push({
      title: 'Run it as a shell line: ["sh", "-c", …] (the image needs a shell)',
      intents: [{ op: 'set', path: commandPath, value: ['sh', '-c', program] }],
      preferred: true,
    });
  }
  const advice = words
    ? 'Give each word its own element.'
    : 'It uses shell syntax (quotes, pipes, redirection or variables), so run it as ["sh", "-c", "<the line>"] if the image has a shell.';
  return {
    path: [...commandPath, 0],
    target: 'value',
    message: fitMessage(`${capitalize(who)} runs ${quoteShort(program, 30)} as one program name`, `${quoteShort(program, 30)} is run as one program name`),
    detail: `command is an argv list, not a shell line: the runtime looks for an executable literally named "${program}" (executable file not found), so ${outcome}. ${advice}`,
    fixes,
  };
}
