// Entry of the language server process (dist/server/launch.js): what the VS Code client and
// `podwise-language-server` start. V8's settings first (the code cache is only valid for the
// flags it was made with, so they must be the same when it is made and when it is read), then
// the code cache for our bundles (code-cache.ts), then the server bundle (dist/server/server.js).
import '../lsp/v8-flags';
import Module from 'module';
import * as path from 'path';
import { codeCacheDir, installCodeCache } from './code-cache';

/** The cache is written this long after start: by then the first analysis has compiled what it runs. */
const SAVE_AFTER_MS = 3000;

const dir = codeCacheDir(process.env);
const trace = process.env.PODWISE_CODE_CACHE_TRACE === '1' ? (line: string) => void process.stderr.write(`${line}\n`) : undefined;
// dist/: the server bundle, the precompiled validators (dist/validators) and the engine chunks.
if (dir) installCodeCache(path.join(__dirname, '..'), dir, SAVE_AFTER_MS, trace);
Module.createRequire(__filename)(path.join(__dirname, 'server.js'));
