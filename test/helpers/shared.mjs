// The shared material beside the clone (../shared: seeds, corpus, API definitions). A fresh clone
// has none of it: tests over it are skipped with this reason, and show in the `skipped` count.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_DIR = process.env.PODWISE_SHARED ?? join(root, '..', 'shared');
const SEEDS_DIR = join(SHARED_DIR, 'seeds', 'manifests');

/** The skip reason for tests over the seed manifests, or false when they are present. */
export const SEEDS_MISSING = existsSync(SEEDS_DIR) ? false : `the seed manifests are not beside the clone (${SEEDS_DIR})`;

/** A seed manifest's text ('' when the seeds are missing: tests using it are skipped with SEEDS_MISSING). */
export function seedText(name) {
  return SEEDS_MISSING ? '' : readFileSync(join(SEEDS_DIR, name), 'utf8');
}
