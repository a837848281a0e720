// The controls of the Pod Security Standards, as Pod Security admission evaluates them: each
// looks at a Pod spec (containers, init and ephemeral containers alike) and returns what breaks
// it. One rule module per control (rules/pod-security/) runs them through podSecurityFindings.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
import { containersOf, type ContainerRef } from '../containers';
import { asArray, asObject, asString, type JsonObject } from '../json';
import type { FileContext, FileRuleFinding, PodSpecContext } from '../rule-types';
import type { FieldPath, FixSpec } from '../types';
import { clipText, describeContainer } from './phrasing';
import { controlApplies, podSecurityVerdict, type PodSecurityStandard } from './pod-security-level';

export interface ControlViolation {
  path: FieldPath;
  target: 'key' | 'value';
  message: string;
  detail: string;
  fixes?: FixSpec[];
  /** The standard this violation belongs to, when the control has rules at both levels. */
  standard?: PodSecurityStandard;
}

export interface PodSecurityControl {
  /** The control's name on kubernetes.io, for the finding's detail. */
  name: string;
  /** The lowest standard that has the control. */
  standard: PodSecurityStandard;
  check(context: PodSpecContext, level: PodSecurityStandard): ControlViolation[];
}

/** allContainers per Pod spec: each control walks them (read only). */
const containersBySpec = new WeakMap<PodSpecContext, readonly ContainerRef[]>();

/** Every container of the Pod, as Pod Security admission sees them (one list per Pod spec, shared by the controls: do not change it). */
export function allContainers(context: PodSpecContext): readonly ContainerRef[] {
  let refs = containersBySpec.get(context);
  if (!refs) {
    refs = containersOf(context.spec, context.specPath, ['initContainers', 'containers', 'ephemeralContainers']);
    containersBySpec.set(context, refs);
  }
  return refs;
}

/** Runs a control over every Pod spec of the file at the level each one is held to. */
export function podSecurityFindings(file: FileContext, control: PodSecurityControl): FileRuleFinding[] {
  const findings: FileRuleFinding[] = [];
  for (const context of file.podSpecs) {
    const verdict = podSecurityVerdict(file, context);
    if (!controlApplies(verdict, control.standard) || verdict.level === undefined) continue;
    for (const violation of control.check(context, verdict.level)) {
      const standard = violation.standard ?? control.standard;
      if (!controlApplies(verdict, standard)) continue;
      findings.push({
        documentIndex: context.documentIndex,
        objectIndex: context.objectIndex,
        path: violation.path,
        target: violation.target,
        message: violation.message,
        detail: `${violation.detail} Pod Security ${standard}, control "${control.name}" (${verdict.source}).`,
        severity: verdict.severity,
        fixes: violation.fixes,
      });
    }
  }
  return findings;
}

/** The container's securityContext, when it has one. */
export function securityContextOf(ref: ContainerRef): JsonObject | undefined {
  return asObject(ref.container.securityContext);
}

/** A fix that sets `key` in the container's securityContext (creating it when missing). */
export function setInContainerSecurityContext(ref: ContainerRef, key: string, value: string | boolean | JsonObject): FixSpec['intents'] {
  const context = securityContextOf(ref);
  const path = [...ref.path, 'securityContext'];
  if (!context) return [{ op: 'insert', path: ref.path, key: 'securityContext', value: { [key]: value } }];
  if (key in context) return [{ op: 'set', path: [...path, key], value }];
  return [{ op: 'insert', path, key, value }];
}

/** Upper-cased capability names of a list, without the CAP_ prefix Pod Security admission also accepts. */
export function capabilityNames(list: unknown): { name: string; index: number }[] {
  return asArray(list)
    .map((value, index) => ({ name: typeof value === 'string' ? value.toUpperCase().replace(/^CAP_/, '') : '', index }))
    .filter(({ name }) => name !== '');
}

/** The Pod's `securityContext` and its path. */
export function podSecurityContext(context: PodSpecContext): { value: JsonObject | undefined; path: FieldPath } {
  return { value: asObject(context.spec.securityContext), path: [...context.specPath, 'securityContext'] };
}

/** `Container "x"` for messages, the name clipped so that a message stays one short line. */
export function who(ref: ContainerRef): string {
  const text = ref.name ? describeContainer({ ...ref, name: clipText(ref.name, 30) }) : describeContainer(ref);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The Pod's os.name is windows: the Linux-only controls do not apply. */
export function isWindowsPod(context: PodSpecContext): boolean {
  return asString(asObject(context.spec.os)?.name) === 'windows';
}
