// V8 settings of the language server process, applied by the first module of the bundle (main.ts
// imports it before anything else), so they hold while the rest of the bundle loads.
//
// An editor session allocates in small bursts (one document per keystroke), and what an analysis
// makes lives until the next keystroke replaces it: V8 would grow its young generation to 32 MB
// under that pressure, and let the old generation fill with replaced analyses up to two to four
// times what is live before a full collection. Both are resident memory the server never needs.
// - The young generation stays at its initial size (semi-space growth factor 1): a few more,
//   cheap, scavenges; set before the bundle loads, ~5 MB less (the load used to grow it). The
//   initial size is a node flag of its own, `--min-semi-space-size=3` (shared/server-launch.ts).
// - The old generation may grow to 1.5× what was live after the last full collection: on the
//   5,000-line benchmark (docs/performance.md) the peak after 100 edits falls from ~110 to ~89 MB
//   (after 300 edits from ~140 to ~92 MB); 1.2× saved no more, and CPU per edit moved within noise.
// V8 reads both whenever it considers growing, so setting them at run time takes effect.
// https://nodejs.org/api/v8.html#v8setflagsfromstringflags
import { setFlagsFromString } from 'v8';

export const SERVER_V8_FLAGS: readonly string[] = ['--semi-space-growth-factor=1', '--heap-growing-percent=50'];

for (const flag of SERVER_V8_FLAGS) setFlagsFromString(flag);
