// The CEL evaluator (engine/cel) as a lazily loaded chunk: its code, with the CEL, protobuf and
// RE2 libraries it brings, is bundled on its own (dist/server/engine-cel.js) and loaded through
// the schema source the first time a custom resource's CRD rules are evaluated, so the language
// server and the CLI do not load it for the Pods and Deployments most files hold (schema-source.ts
// ENGINE_CHUNKS). Callers import these functions instead of `./cel`; only types come from there.
// https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation-rules
import type * as Cel from './cel';
import { engineChunk } from './schema/schema-source';

type CelModule = typeof Cel;

let loaded: CelModule | undefined;

/** The CEL chunk's exports (loaded on the first call). */
export function celModule(): CelModule {
  loaded ??= engineChunk('cel') as CelModule;
  return loaded;
}

export const celFindings: CelModule['celFindings'] = (...args) => celModule().celFindings(...args);
export const compileRule: CelModule['compileRule'] = (...args) => celModule().compileRule(...args);
export const celCompileFailures: CelModule['celCompileFailures'] = (...args) => celModule().celCompileFailures(...args);
export const lastCelCounters: CelModule['lastCelCounters'] = (...args) => celModule().lastCelCounters(...args);
