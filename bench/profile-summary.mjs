#!/usr/bin/env node
// Summarizes a V8 .cpuprofile (from `node --cpu-prof`, e.g. `node bench/run.mjs --cpu-prof`):
// top functions by self time and by inclusive time, and self time per source module.
//   node bench/profile-summary.mjs FILE.cpuprofile [--top=25] [--filter=substring]
import { readFileSync } from 'node:fs';

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-summary.mjs FILE.cpuprofile [--top=25] [--filter=substring]');
  process.exit(2);
}
const opts = Object.fromEntries(rest.map((a) => a.replace(/^--/, '').split('=')));
const top = Number(opts.top ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

// Self time per node from the samples and their time deltas (µs).
const selfUs = new Map();
let totalUs = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  totalUs += delta;
});

const short = (url) =>
  (url || '')
    .replace(/^file:\/\//, '')
    .replace(/^.*\/(node_modules\/)/, '$1')
    .replace(/^.*\/(dist\/|out\/)/, '$1');
const label = (cf) => `${cf.functionName || '(anonymous)'} ${short(cf.url)}:${cf.lineNumber + 1}`;
const idle = new Set(['(idle)', '(program)', '(garbage collector)']);

const self = new Map();
const inclusive = new Map();
const modules = new Map();
for (const [id, us] of selfUs) {
  const node = nodes.get(id);
  const key = label(node.callFrame);
  self.set(key, (self.get(key) ?? 0) + us);
  const mod = idle.has(node.callFrame.functionName) ? node.callFrame.functionName : short(node.callFrame.url) || '(native)';
  modules.set(mod, (modules.get(mod) ?? 0) + us);
  // Inclusive: credit every distinct frame on the stack once.
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = label(nodes.get(cur).callFrame);
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + us);
  }
}

const busyUs = totalUs - (modules.get('(idle)') ?? 0);
const pct = (us) => `${((100 * us) / busyUs).toFixed(1).padStart(5)}%`;
const ms = (us) => `${(us / 1000).toFixed(1).padStart(8)} ms`;
const print = (title, map) => {
  console.log(`\n${title}`);
  [...map.entries()]
    .filter(([k]) => !opts.filter || k.includes(opts.filter))
    .filter(([k]) => !k.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([k, us]) => console.log(`${ms(us)} ${pct(us)}  ${k}`));
};
console.log(`${file}: ${(totalUs / 1000).toFixed(0)} ms sampled, ${(busyUs / 1000).toFixed(0)} ms busy (percentages of busy time)`);
print('self time by module', modules);
print('self time by function', self);
print('inclusive time by function', inclusive);
