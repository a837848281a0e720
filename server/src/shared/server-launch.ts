// How the VS Code client starts the language server's Node process (client/src/extension.ts);
// the benchmark starts it the same way (bench/lib/servers.mjs reads server-node-args.json).
//
// `--no-concurrent-recompilation`: V8 optimises hot functions on the main thread instead of its
// background threads. Each background thread that compiles gets its own malloc arena, and the
// compiler's memory freed there stays resident: on the 5,000-line benchmark file the server
// peaks about 10 MB lower (91 → 81 MB) at the same CPU per edit; an optimising compile now
// delays the edit it happens in (the slowest edits of a session, not the median). The flag must
// be on the command line: V8 sets up its compile threads before any code runs, so
// `v8.setFlagsFromString` (lsp/v8-flags.ts) cannot change it. https://v8.dev/docs/turbofan
import nodeArgs from './server-node-args.json';

export const SERVER_NODE_ARGS: readonly string[] = nodeArgs;
