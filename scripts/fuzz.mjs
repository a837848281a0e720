// `npm run fuzz`: the fuzz properties of test/fuzz, run long. Builds nothing: run `npm run build`
// first (the properties use dist/).
//
//   node scripts/fuzz.mjs [--property NAME[,NAME…]] [--iterations N] [--seed S] [--path P]
//                         [--minutes M] [--verbose]
//
// Properties: engine, hostile, incremental, duplicateKeys, quickFix (default: all). Without
// --seed each round uses a fresh random seed, printed, so any failure can be replayed with
// --seed and the --path fast-check prints. --minutes keeps starting rounds until the time is up.
import { PROPERTIES, runProperty } from '../test/fuzz/support/properties.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (index === -1) return fallback;
  const arg = args[index];
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
};
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: node scripts/fuzz.mjs [--property engine,hostile,incremental,duplicateKeys,quickFix] [--iterations N] [--seed S] [--path P] [--minutes M] [--verbose]');
  process.exit(0);
}

const names = option('property', Object.keys(PROPERTIES).join(',')).split(',').filter(Boolean);
for (const name of names) {
  if (!PROPERTIES[name]) {
    console.error(`fuzz: unknown property "${name}"; use one of ${Object.keys(PROPERTIES).join(', ')}`);
    process.exit(2);
  }
}
const iterations = Number(option('iterations', 2000));
const fixedSeed = option('seed', undefined);
const path = option('path', undefined);
const minutes = Number(option('minutes', 0));
const verbose = args.includes('--verbose');
const deadline = minutes > 0 ? Date.now() + minutes * 60_000 : 0;

let failed = false;
let round = 0;
do {
  round += 1;
  for (const name of names) {
    const seed = fixedSeed !== undefined ? Number(fixedSeed) : Math.floor(Math.random() * 2 ** 31);
    // The quick-fix property re-analyses once per offered fix: fewer, costlier runs.
    const numRuns = name === 'quickFix' ? Math.max(1, Math.floor(iterations / 4)) : iterations;
    process.stdout.write(`fuzz: ${name} × ${numRuns} (seed ${seed})… `);
    try {
      const { runs, elapsed } = runProperty(name, { numRuns, seed, path, verbose });
      console.log(`ok, ${runs} inputs in ${(elapsed / 1000).toFixed(1)} s`);
    } catch (error) {
      failed = true;
      console.log('FAILED');
      console.error(error?.message ?? error);
      console.error(`replay: node scripts/fuzz.mjs --property ${name} --seed ${seed} --iterations ${numRuns}${path ? ` --path ${path}` : ''}`);
    }
  }
} while (!failed && deadline && Date.now() < deadline && fixedSeed === undefined);
if (round > 1) console.log(`fuzz: ${round} rounds`);
process.exit(failed ? 1 : 0);
