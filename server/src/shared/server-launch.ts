// How the VS Code client starts the language server's Node process (client/src/extension.ts);
// the benchmark starts it the same way (bench/lib/servers.mjs reads server-launch.json).
//
// MALLOC_ARENA_MAX=2: glibc gives every thread that allocates its own malloc arena (up to eight
// per core), and V8's background threads (the optimising compiler, concurrent marking) allocate
// and free their working memory there; what they free stays resident in their arenas. Two arenas
// keep the server about 7 MB smaller on the 5,000-line benchmark file (93 → 86 MB) at the same
// latency. It must be in the environment when the process starts: glibc reads it before any code
// runs. Other C libraries (macOS, Windows) ignore it.
// `--no-concurrent-recompilation` saved as much but moved V8's optimising compiles onto the main
// thread, where they delayed edits by up to 50 ms: not used.
// https://www.gnu.org/software/libc/manual/html_node/Memory-Allocation-Tunables.html
//
// --min-semi-space-size=3: the young generation's size (MB per semi-space), which lsp/v8-flags.ts
// then keeps from growing. An edit of the 5,000-line file allocates about 2 MB; at V8's initial
// 1 MB that was four scavenges per edit, each paying its fixed cost: at 3 MB, 1.4 per edit and
// 40 % less GC time, p90 about 1 ms lower, and the same peak RSS in alternated runs
// (docs/performance.md, round four). Only a command-line flag sizes the heap: it is read when
// the process starts, before any of our code runs.
// https://v8.dev/blog/orinoco-parallel-scavenger
import launch from './server-launch.json';

export const SERVER_NODE_ARGS: readonly string[] = launch.nodeArgs;
export const SERVER_ENV: Readonly<Record<string, string>> = launch.env;
