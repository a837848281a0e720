#!/usr/bin/env node
// The language server: `podwise-language-server --stdio` (or --node-ipc / --socket=N).
// launch.js: V8 settings and the code cache first, then the server bundle (server/src/node/server-launch.ts).
require('../dist/server/launch.js');
