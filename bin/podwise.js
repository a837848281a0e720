#!/usr/bin/env node
// The `podwise` CLI: `podwise check [paths…]` and `podwise fix [paths…]`. The code is bundled into dist/ by `npm run build`.
require('../dist/server/cli.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
