// No import cycles in the sources: a cycle makes module initialisation order matter (a value
// imported from a module still initialising is `undefined` at that moment), and it usually means
// two modules should be one, or a third one is missing. Type-only imports count too: they are the
// same design smell, and `import type` turning into `import` in a refactor should not create one.
//
// A small scanner, not a bundler: the `import … from '…'`, `import '…'`, `export … from '…'` and
// `require('…')`/`import('…')` specifiers of every .ts file under server/src and client/src,
// relative ones resolved to files (`./x` → x.ts or x/index.ts). Packages are not followed.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCE_ROOTS = ['server/src', 'client/src'];

/**
 * Cycles that exist today and are removed by the rules/ reorganisation (issue #10): each entry is
 * one cycle, as printed (files relative to the repository, in cycle order starting at the
 * smallest path). Only cycles entirely inside server/src/engine/rules/ may be listed here.
 */
const ALLOWED_CYCLES = new Set([
  // removed by the rules/ reorganisation
]);

function sourceFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry) && !entry.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

/** Comments removed (strings kept: specifiers are strings), so a commented-out import does not count. */
function withoutComments(source) {
  let out = '';
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (char === '"' || char === "'" || char === '`') {
      const end = closingQuote(source, i);
      out += source.slice(i, end + 1);
      i = end;
    } else if (char === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i += 1;
      out += '\n';
    } else if (char === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? source.length : end + 1;
      out += ' ';
    } else {
      out += char;
    }
  }
  return out;
}

function closingQuote(source, start) {
  const quote = source[start];
  for (let i = start + 1; i < source.length; i += 1) {
    if (source[i] === '\\') i += 1;
    else if (source[i] === quote) return i;
    else if (quote !== '`' && source[i] === '\n') return i - 1;
  }
  return source.length - 1;
}

/** Module specifiers a file imports (statically, dynamically, or re-exports from). */
export function specifiersOf(source) {
  const code = withoutComments(source);
  const specifiers = [];
  const patterns = [
    // import x from '…', import type { X } from '…', export { x } from '…', export * from '…'
    /\b(?:import|export)\s+(?:type\s+)?[^;'"`]*?\bfrom\s*(['"])([^'"]+)\1/g,
    // import '…' (side effects)
    /\bimport\s*(['"])([^'"]+)\1/g,
    // require('…'), import('…')
    /\b(?:require|import)\s*\(\s*(['"])([^'"]+)\1\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) specifiers.push(match[2]);
  return specifiers;
}

function resolveSpecifier(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function importGraph() {
  const graph = new Map();
  for (const root of SOURCE_ROOTS) {
    for (const file of sourceFiles(join(ROOT, root))) {
      const targets = new Set();
      for (const specifier of specifiersOf(readFileSync(file, 'utf8'))) {
        const target = resolveSpecifier(file, specifier);
        if (target) targets.add(target);
      }
      graph.set(file, [...targets].sort());
    }
  }
  return graph;
}

/** Strongly connected components with more than one file (or a file importing itself): Tarjan. */
function stronglyConnected(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const visit = (start) => {
    // Iterative, so a long import chain cannot overflow the stack.
    const work = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter);
    counter += 1;
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const targets = graph.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next];
        frame.next += 1;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter);
          counter += 1;
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node), index.get(target)));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent), low.get(frame.node)));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1 || (graph.get(frame.node) ?? []).includes(frame.node)) components.push(component);
      }
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return components;
}

/** One concrete cycle through a component (shortest path back to its first file), for the message. */
function cycleIn(graph, component) {
  const members = new Set(component);
  const start = [...component].sort()[0];
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [node];
        for (let at = previous.get(node); at !== undefined; at = previous.get(at)) path.unshift(at);
        return path;
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start];
}

const show = (cycle) => [...cycle, cycle[0]].map((file) => relative(ROOT, file)).join(' → ');

test('the scanner reads every import form, and not comments', () => {
  const source = [
    "import { a } from './a';",
    "import type { B } from './b';",
    "import * as c from './c';",
    "import d, { e } from './d';",
    "import './side-effect';",
    "export { f } from './f';",
    "export * from './g';",
    "export type { H } from './h';",
    'import {\n  multi,\n  line,\n} from "./multi";',
    "const lazy = require('./lazy');",
    "// import { no } from './commented';",
    "/* import { no } from './block'; */",
    "const text = 'import nothing';",
  ].join('\n');
  assert.deepEqual(specifiersOf(source).sort(), ['./a', './b', './c', './d', './f', './g', './h', './lazy', './multi', './side-effect'].sort());
});

test('the cycle finder finds a cycle', () => {
  const graph = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['a', 'd']],
    ['d', []],
  ]);
  const components = stronglyConnected(graph);
  assert.equal(components.length, 1);
  assert.deepEqual(cycleIn(graph, components[0]), ['a', 'b', 'c']);
});

test('no import cycles in server/src and client/src', () => {
  const graph = importGraph();
  assert.ok(graph.size > 100, `only ${graph.size} source files found`);
  const cycles = stronglyConnected(graph).map((component) => ({ component, cycle: cycleIn(graph, component) }));
  const allowed = [];
  const forbidden = [];
  for (const found of cycles) {
    const insideRules = found.component.every((file) => relative(ROOT, file).startsWith('server/src/engine/rules/'));
    if (insideRules && ALLOWED_CYCLES.has(show(found.cycle))) allowed.push(found);
    else forbidden.push(found);
  }
  for (const { cycle, component } of allowed) console.log(`allowed (removed by the rules/ reorganisation): ${show(cycle)} (${component.length} files in the cycle group)`);
  const stale = [...ALLOWED_CYCLES].filter((entry) => !allowed.some(({ cycle }) => show(cycle) === entry));
  assert.deepEqual(stale, [], 'allow-listed cycles that no longer exist: remove them from ALLOWED_CYCLES');
  const message = forbidden
    .map(
      ({ cycle, component }) =>
        `  ${show(cycle)}${
          component.length > cycle.length
            ? `\n    (cycle group of ${component.length} files: ${component
                .map((file) => relative(ROOT, file))
                .sort()
                .join(', ')})`
            : ''
        }`,
    )
    .join('\n');
  assert.equal(forbidden.length, 0, `import cycles:\n${message}`);
});
