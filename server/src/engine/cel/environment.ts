// The CEL environment Kubernetes gives validation rules, and the compiled-program cache.
// Compiling is parsing, checking that every function and variable the rule names exists here,
// and planning; a rule that does not compile is skipped (and counted), never reported.
// https://kubernetes.io/docs/reference/using-api/cel/
import { celEnv, parse, plan, type CelEnv, type CelResult } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import type { Expr } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';
import { FORMAT_FUNCS } from './lib-format';
import { IP_FUNCS } from './lib-ip';
import { LIST_FUNCS } from './lib-lists';
import { QUANTITY_FUNCS } from './lib-quantity';
import { CACHED_RE2, REGEX_FUNCS } from './lib-regex';
import { SEMVER_FUNCS } from './lib-semver';
import { SET_FUNCS } from './lib-sets';
import { URL_FUNCS } from './lib-url';
import { OPAQUE_REGISTRY } from './opaque-types';

export const CEL_ENV: CelEnv = celEnv({
  registry: OPAQUE_REGISTRY,
  funcs: [...strings, ...LIST_FUNCS, ...REGEX_FUNCS, ...URL_FUNCS, ...IP_FUNCS, ...QUANTITY_FUNCS, ...FORMAT_FUNCS, ...SET_FUNCS, ...SEMVER_FUNCS],
  re2: CACHED_RE2,
});

export interface CompiledRule {
  /** Evaluates with `self` bound. */
  evaluate: (bindings: Record<string, unknown>) => CelResult;
  /** The rule reads `oldSelf`: a transition rule, not evaluated on create. */
  transition: boolean;
  /** Syntax tree nodes (a factor of the cost estimate). */
  nodes: number;
  /** Function and method calls (each may read a whole string). */
  calls: number;
  /** Deepest nesting of comprehensions (all, exists, map, filter …). */
  loopDepth: number;
}

export type CompileResult = { ok: true; rule: CompiledRule } | { ok: false; error: string };

/** Variables the API server declares, and the type names a rule may compare with type(). */
const KNOWN_IDENTS = new Set(['self', 'oldSelf', 'int', 'uint', 'double', 'bool', 'string', 'bytes', 'list', 'map', 'null_type', 'type', 'dyn']);

interface Shape {
  nodes: number;
  calls: number;
  loopDepth: number;
  transition: boolean;
  problems: string[];
}

function qualifiedName(expr: Expr | undefined): string | undefined {
  if (!expr) return undefined;
  if (expr.exprKind.case === 'identExpr') return expr.exprKind.value.name;
  if (expr.exprKind.case === 'selectExpr') {
    const operand = qualifiedName(expr.exprKind.value.operand);
    return operand === undefined ? undefined : `${operand}.${expr.exprKind.value.field}`;
  }
  return undefined;
}

/** Operators the planner evaluates itself (short-circuit logic, indexing), not through functions. */
const SPECIAL_FORMS = new Set(['_&&_', '_||_', '_?_:_', '_[_]', '@not_strictly_false', '@in']);

function hasFunction(name: string): boolean {
  return SPECIAL_FORMS.has(name) || CEL_ENV.funcs.find(name) !== undefined;
}

/** Walks the syntax tree: size, loop nesting, `oldSelf`, unknown functions and variables. */
function inspect(expr: Expr | undefined, scope: readonly string[], depth: number, shape: Shape): void {
  if (!expr) return;
  shape.nodes++;
  const kind = expr.exprKind;
  switch (kind.case) {
    case 'identExpr':
      if (kind.value.name === 'oldSelf') shape.transition = true;
      if (!scope.includes(kind.value.name) && !KNOWN_IDENTS.has(kind.value.name)) shape.problems.push(`undeclared reference to '${kind.value.name}'`);
      return;
    case 'selectExpr':
      inspect(kind.value.operand, scope, depth, shape);
      return;
    case 'callExpr': {
      const { target, args } = kind.value;
      const name = kind.value.function;
      if (!SPECIAL_FORMS.has(name)) shape.calls++;
      const qualified = qualifiedName(target);
      const isQualifiedFunction = qualified !== undefined && !scope.includes(qualified.split('.')[0]) && qualified !== 'self' && hasFunction(`${qualified}.${name}`);
      if (!isQualifiedFunction) {
        if (!hasFunction(name)) shape.problems.push(`undeclared function '${name}'`);
        inspect(target, scope, depth, shape);
      }
      for (const arg of args) inspect(arg, scope, depth, shape);
      return;
    }
    case 'listExpr':
      for (const element of kind.value.elements) inspect(element, scope, depth, shape);
      return;
    case 'structExpr':
      if (kind.value.messageName !== '') shape.problems.push(`message construction '${kind.value.messageName}'`);
      for (const entry of kind.value.entries) {
        if (entry.keyKind.case === 'mapKey') inspect(entry.keyKind.value, scope, depth, shape);
        inspect(entry.value, scope, depth, shape);
      }
      return;
    case 'comprehensionExpr': {
      const loop = kind.value;
      const inner = [...scope, loop.iterVar, loop.iterVar2, loop.accuVar].filter((name) => name !== '');
      shape.loopDepth = Math.max(shape.loopDepth, depth + 1);
      inspect(loop.iterRange, scope, depth, shape);
      inspect(loop.accuInit, [...scope, loop.accuVar], depth, shape);
      inspect(loop.loopCondition, inner, depth + 1, shape);
      inspect(loop.loopStep, inner, depth + 1, shape);
      inspect(loop.result, [...scope, loop.accuVar], depth, shape);
      return;
    }
    default:
      return;
  }
}

const CACHE_LIMIT = 2000;
const cache = new Map<string, CompileResult>();
let compileFailures = 0;

/** Compiles a rule once per text (bounded cache). */
export function compileRule(text: string): CompileResult {
  const cached = cache.get(text);
  if (cached) return cached;
  const result = compileUncached(text);
  if (!result.ok) compileFailures++;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

function compileUncached(text: string): CompileResult {
  try {
    const parsed = parse(text);
    const shape: Shape = { nodes: 0, calls: 0, loopDepth: 0, transition: false, problems: [] };
    inspect(parsed.expr, [], 0, shape);
    if (shape.problems.length > 0) return { ok: false, error: shape.problems.join('; ') };
    const program = plan(CEL_ENV, parsed) as (bindings: Record<string, unknown>) => CelResult;
    return { ok: true, rule: { evaluate: program, transition: shape.transition, nodes: shape.nodes, calls: shape.calls, loopDepth: shape.loopDepth } };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Rules that failed to compile since start (a test asserts the catalog's rules all compile). */
export function celCompileFailures(): number {
  return compileFailures;
}
