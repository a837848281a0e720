// `command` and `args` are not run by a shell: the kubelet substitutes only `$(VAR)` (for
// variables the container declares in env or gets from envFrom, and the Service variables it adds;
// `$$` escapes a dollar), so `$VAR` and `${VAR}` reach the program as those very characters —
// `java $JAVA_OPTS -jar app.jar` fails to find a main class called "$JAVA_OPTS". Inside
// `sh -c "…"` the shell expands them. A `$(VAR)` whose variable the container does not have is
// left as written too (`--bind=$(POD_IP)` without a POD_IP env entry).
// https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#use-environment-variables-to-define-arguments
import { containersOf, type ContainerRef } from '../../containers';
import { asArray, asString, hasKey, objectItems } from '../../json';
import {
  DOWNWARD_FIELDS,
  kubernetesReferences,
  mayBeServiceVariable,
  runsJvm,
  runsShellScript,
  shellReferences,
  shellScriptFor,
  toKubernetesReferences,
  usesOwnDollarSyntax,
  type ShellReference,
} from '../../k8s/command-line';
import { capitalize, clipText, describeContainer, fitMessage } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FieldPath, FixSpec, RuleFinding } from '../../types';

/** An undeclared name is only taken for an env variable when it is written like one (HOME, JAVA_OPTS). */
const ENV_STYLE_NAME = /^[A-Z][A-Z0-9_]+$/;

type ArgvField = 'command' | 'args';

export const commandVariableNotExpanded: Rule = {
  meta: {
    id: 'command-variable-not-expanded',
    defaultSeverity: 'warning',
    category: 'containers',
    summary: 'A variable in command or args stays literal: $VAR or ${VAR} without a shell, or $(VAR) for a variable the container lacks.',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers'])) {
      findings.push(...containerFindings(ref));
    }
    return findings;
  },
};

function strings(value: unknown): string[] {
  return asArray(value).filter((item): item is string => typeof item === 'string');
}

function containerFindings(ref: ContainerRef): RuleFinding[] {
  const { container } = ref;
  const commandSet = Array.isArray(container.command);
  const argv = [...strings(container.command), ...strings(container.args)];
  // A shell script expands $VAR itself; interpreters (awk '{print $NF}', jq, perl) use $ their own way.
  if (argv.length === 0 || runsShellScript(argv) || usesOwnDollarSyntax(argv)) return [];
  const jvm = runsJvm(argv);
  const declared = new Set(
    objectItems(container.env)
      .map(({ item }) => asString(item.name))
      .filter((name): name is string => name !== undefined),
  );
  const hasEnvFrom = asArray(container.envFrom).length > 0;
  // Literal values with and without spaces: $(VAR) passes a value as one argument, unsplit.
  const singleWord = new Set<string>();
  const multiWord = new Set<string>();
  for (const { item } of objectItems(container.env)) {
    const name = asString(item.name);
    if (name === undefined || typeof item.value !== 'string' || item.valueFrom !== undefined) continue;
    (/\s/.test(item.value.trim()) ? multiWord : singleWord).add(name);
  }
  const findings: RuleFinding[] = [];
  for (const field of ['command', 'args'] as const) {
    asArray(container[field]).forEach((element, index) => {
      if (typeof element !== 'string') return;
      const refs = shellReferences(element).filter(
        // ${name} next to a JVM is usually a placeholder the app (Spring, Log4j) resolves itself.
        (found) => (declared.has(found.name) || ENV_STYLE_NAME.test(found.name)) && !(jvm && found.braced),
      );
      const situation = { declared, singleWord, multiWord, hasEnvFrom, commandSet, argv };
      if (refs.length > 0) {
        findings.push(finding(ref, field, index, element, refs, situation));
        return;
      }
      // With envFrom the container may have any name; Service variables depend on the namespace.
      if (hasEnvFrom) return;
      const missing = kubernetesReferences(element).find((name) => !declared.has(name) && ENV_STYLE_NAME.test(name) && !mayBeServiceVariable(name));
      if (missing !== undefined) findings.push(undeclaredFinding(ref, field, index, missing, situation));
    });
  }
  return findings;
}

interface Situation {
  declared: ReadonlySet<string>;
  singleWord: ReadonlySet<string>;
  multiWord: ReadonlySet<string>;
  hasEnvFrom: boolean;
  commandSet: boolean;
  argv: readonly string[];
}

function finding(ref: ContainerRef, field: ArgvField, index: number, element: string, refs: readonly ShellReference[], situation: Situation): RuleFinding {
  const path: FieldPath = [...ref.path, field, index];
  const first = refs[0];
  const written = element.slice(first.start, first.end);
  const name = first.name;
  const who = describeContainer(ref);
  const isDeclared = situation.declared.has(name);
  const fixes: FixSpec[] = [];
  const rewritable = new Set(refs.filter((found) => found.rewritable && situation.declared.has(found.name)).map((found) => found.name));
  const split = [...rewritable].find((each) => situation.multiWord.has(each));
  if (rewritable.size > 0) {
    fixes.push({
      title: `Write ${[...rewritable].map((each) => `$(${each})`).join(', ')} (expanded by Kubernetes)`,
      intents: [{ op: 'set', path, value: toKubernetesReferences(element, rewritable) }],
      // A value with spaces would arrive as one argument: then the shell form is the better fix.
      preferred: split === undefined,
      safe: [...rewritable].every((each) => situation.singleWord.has(each)),
    });
  } else if (situation.hasEnvFrom && first.rewritable) {
    fixes.push({
      title: `Write $(${name}) (if envFrom provides ${name})`,
      intents: [{ op: 'set', path, value: toKubernetesReferences(element, new Set([name])) }],
    });
  }
  const script = situation.commandSet ? shellScriptFor(situation.argv) : undefined;
  if (script !== undefined) {
    const intents: FixSpec['intents'] = [{ op: 'set', path: [...ref.path, 'command'], value: ['/bin/sh', '-c', script] }];
    if (hasKey(ref.container, 'args')) intents.push({ op: 'delete', path: [...ref.path, 'args'] });
    fixes.push({ title: 'Run the command through /bin/sh -c (the image needs a shell)', intents, preferred: split !== undefined });
  }
  const clippedName = clipText(name, 30);
  const message = fitMessage(
    `${capitalize(who)} passes ${clipText(written, 30)} literally: Kubernetes expands only $(${clippedName})`,
    `${field}[${index}] passes ${clipText(written, 30)} literally: Kubernetes expands only $(${clippedName})`,
  );
  const where = situation.commandSet
    ? `No shell runs this ${field === 'command' ? 'command' : 'argument list'}, so "${written}" reaches the program as those characters.`
    : `command is not set, so the image's entrypoint receives these args as they are; unless it evaluates them in a shell, "${written}" stays literal.`;
  const how = isDeclared
    ? split !== undefined
      ? `The kubelet substitutes only $(${name}) for variables of the container's env, but the value of ${split} holds spaces and $(${split}) would pass it as one argument: run the command through a shell (sh -c "…") so it is split into words.`
      : `The kubelet substitutes only $(${name}) for variables of the container's env, and ${name} is declared there: write $(${name}).`
    : situation.hasEnvFrom
      ? `The kubelet substitutes only $(${name}) for variables of the container's env and envFrom: write $(${name}) if envFrom provides it, or run the command through a shell (sh -c "…").`
      : `${name} is not declared in the container's env, so even $(${name}) would stay literal: declare it in env and write $(${name}), or run the command through a shell (sh -c "…") if it comes from the image.`;
  return {
    path,
    target: 'value',
    // Without a command the image's entrypoint might be a shell that evaluates its arguments.
    ...(situation.commandSet ? {} : { severity: 'info' as const }),
    message,
    detail: `${where} ${how}`,
    fixes,
  };
}

function undeclaredFinding(ref: ContainerRef, field: ArgvField, index: number, name: string, situation: Situation): RuleFinding {
  const who = describeContainer(ref);
  const clipped = clipText(name, 30);
  const fieldPath = DOWNWARD_FIELDS[name];
  const fixes: FixSpec[] = [];
  if (fieldPath !== undefined) {
    fixes.push({
      title: `Declare ${name} in env from ${fieldPath}`,
      intents: [{ op: 'append', path: [...ref.path, 'env'], value: { name, valueFrom: { fieldRef: { fieldPath } } } }],
      preferred: true,
      safe: true,
    });
  }
  const source = fieldPath !== undefined ? ` (for ${name}: valueFrom.fieldRef.fieldPath ${fieldPath})` : '';
  return {
    path: [...ref.path, field, index],
    target: 'value',
    ...(situation.commandSet ? {} : { severity: 'info' as const }),
    message: fitMessage(
      `${capitalize(who)} uses $(${clipped}), but ${clipped} is not in its env: it stays literal`,
      `$(${clipped}) stays literal: ${clipped} is not in the container's env`,
    ),
    detail:
      `The kubelet replaces $(${name}) only with a variable the container has (env, envFrom, or a Service variable); otherwise the text is passed as written. ` +
      `Declare ${name} in the container's env${source}.`,
    fixes,
  };
}
