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
import launch from './server-launch.json';

export const SERVER_NODE_ARGS: readonly string[] = launch.nodeArgs;
export const SERVER_ENV: Readonly<Record<string, string>> = launch.env;
