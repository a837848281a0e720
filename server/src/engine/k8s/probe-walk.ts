// Walks every probe and lifecycle hook of a Pod spec with its path, plus the small lookups the
// probe and lifecycle rules share (the single handler of a probe or hook).
//
// Only app containers and native sidecars (init containers with restartPolicy: Always) are
// walked: a regular init container may not carry probes or hooks at all, and the API server
// stops at that error without validating their contents (init-container-probe-or-lifecycle
// reports it). Ephemeral containers are never valid in a manifest.
import { containersOf, type ContainerRef } from '../containers';
import { LIFECYCLE_HANDLERS, PROBE_HANDLERS, PROBE_KINDS, PROBE_TIMING_FIELDS, type ProbeKind } from '../defaults';
import { asInteger, asObject, type JsonObject, type JsonValue } from '../json';
import type { FieldPath, FixSpec, RuleFinding } from '../types';
import { describeContainer } from './phrasing';

export type HookKind = 'postStart' | 'preStop';
export const HOOK_KINDS: readonly HookKind[] = ['postStart', 'preStop'];

export interface ProbeRef {
  container: ContainerRef;
  kind: ProbeKind;
  probe: JsonObject;
  path: FieldPath;
}

export interface HookRef {
  container: ContainerRef;
  kind: HookKind;
  hook: JsonObject;
  path: FieldPath;
}

/** A probe or a hook: both hold handlers (exec, httpGet, tcpSocket, …). */
export interface HandlerOwner {
  container: ContainerRef;
  kind: ProbeKind | HookKind;
  isHook: boolean;
  value: JsonObject;
  path: FieldPath;
}

/** App containers and native sidecars: the containers whose probes and hooks the API validates. */
export function probedContainers(spec: JsonObject, specPath: FieldPath): ContainerRef[] {
  return containersOf(spec, specPath).filter((ref) => ref.group === 'containers' || ref.isSidecar);
}

/** Every probe (a mapping; `livenessProbe: null` means no probe, as in Go). */
export function probesOf(spec: JsonObject, specPath: FieldPath): ProbeRef[] {
  const refs: ProbeRef[] = [];
  for (const container of probedContainers(spec, specPath)) {
    for (const kind of PROBE_KINDS) {
      const probe = asObject(container.container[kind]);
      if (probe) refs.push({ container, kind, probe, path: [...container.path, kind] });
    }
  }
  return refs;
}

export function probeOf(container: ContainerRef, kind: ProbeKind): ProbeRef | undefined {
  const probe = asObject(container.container[kind]);
  return probe ? { container, kind, probe, path: [...container.path, kind] } : undefined;
}

export function hooksOf(spec: JsonObject, specPath: FieldPath): HookRef[] {
  const refs: HookRef[] = [];
  for (const container of probedContainers(spec, specPath)) {
    const lifecycle = asObject(container.container.lifecycle);
    if (!lifecycle) continue;
    for (const kind of HOOK_KINDS) {
      const hook = asObject(lifecycle[kind]);
      if (hook) refs.push({ container, kind, hook, path: [...container.path, 'lifecycle', kind] });
    }
  }
  return refs;
}

export function handlerOwners(spec: JsonObject, specPath: FieldPath): HandlerOwner[] {
  return [
    ...probesOf(spec, specPath).map((ref) => ({ container: ref.container, kind: ref.kind, isHook: false, value: ref.probe, path: ref.path })),
    ...hooksOf(spec, specPath).map((ref) => ({ container: ref.container, kind: ref.kind, isHook: true, value: ref.hook, path: ref.path })),
  ];
}

/** A handler field counts when it holds a value: `httpGet: null` decodes to "not set" in Go. */
export function isSet(value: JsonValue | undefined): boolean {
  return value !== undefined && value !== null;
}

/** The handler names set on a probe (exec, httpGet, tcpSocket, grpc) or hook (… sleep), in API order. */
export function handlersSet(owner: JsonObject, isHook: boolean): string[] {
  const names: readonly string[] = isHook ? LIFECYCLE_HANDLERS : PROBE_HANDLERS;
  return names.filter((name) => isSet(owner[name]));
}

/**
 * Findings for every handler after the first (the API server keeps the first, in its fixed order,
 * and rejects the rest), each offering "keep only X" for every handler present.
 */
export function extraHandlerFindings(ownerPath: FieldPath, who: string, handlers: readonly string[]): RuleFinding[] {
  const keepFixes: FixSpec[] = handlers.map((keep) => ({
    title: `Keep only ${keep} (remove ${handlers.filter((h) => h !== keep).join(', ')})`,
    intents: handlers.filter((h) => h !== keep).map((h) => ({ op: 'delete' as const, path: [...ownerPath, h] })),
  }));
  return handlers.slice(1).map((extra) => ({
    path: [...ownerPath, extra],
    target: 'key' as const,
    message: `${who} has a second handler, ${extra}, besides ${handlers[0]}`,
    detail: `The API server rejects more than one handler ("Forbidden: may not specify more than 1 handler type"). Keep exactly one of ${handlers.join(', ')}.`,
    fixes: keepFixes,
  }));
}

/** The one handler of a probe or hook, or undefined when there are zero or several. */
export function singleHandler(owner: JsonObject, isHook: boolean): { name: string; value: JsonObject } | undefined {
  const names = handlersSet(owner, isHook);
  if (names.length !== 1) return undefined;
  const value = asObject(owner[names[0]]);
  return value ? { name: names[0], value } : undefined;
}

/** "the livenessProbe of container "web"" / "the preStop hook of container "web"". */
export function describeOwner(kind: ProbeKind | HookKind, container: ContainerRef): string {
  const what = kind === 'postStart' || kind === 'preStop' ? `the ${kind} hook` : `the ${kind}`;
  return `${what} of ${describeContainer(container)}`;
}

/** A probe with a negative timing field is rejected (probe-negative-field); timing advice would only pile on. */
export function hasNegativeTiming(probe: JsonObject): boolean {
  return PROBE_TIMING_FIELDS.some((field) => (asInteger(probe[field]) ?? 0) < 0);
}
