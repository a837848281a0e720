#!/usr/bin/env node
// The language server: `podwise-language-server --stdio` (or --node-ipc / --socket=N).
require('../dist/server/server.js');
