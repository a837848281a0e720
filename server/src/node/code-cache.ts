// A V8 code cache for our own bundles (what Node 22's `module.enableCompileCache()` does; the
// extension supports Node 20, which lacks it). The first start of the language server compiles
// its 1.7 MB bundle and, lazily, every function the first analysis runs; a few seconds later the
// compiled bytecode is written to a cache file, and every later start reads it instead of
// compiling: about 45 ms less from spawn to the first diagnostics (docs/performance.md).
//
// Safe by construction: the cache file's name holds a hash of the bundle's text, the Node version,
// the architecture and the node flags (a server started with other V8 flags has a file of its
// own), and V8 itself refuses data made by another V8 or with other V8 flags
// (`cachedDataRejected`), in which case the file is compiled as usual and the cache written anew.
// Any file-system error leaves the cache out; nothing else changes.
// https://v8.dev/blog/code-caching-for-devs
import { createHash } from 'crypto';
import * as fs from 'fs';
import Module from 'module';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';

/** What Node's CommonJS loader calls to run a module's text (not in @types/node). */
interface CompilingModule {
  exports: unknown;
  _compile(content: string, filename: string): unknown;
}

/** The folder of the cache files, or undefined when there is none (PODWISE_CODE_CACHE=off). */
export function codeCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.PODWISE_CODE_CACHE === 'off') return undefined;
  if (env.PODWISE_CODE_CACHE_DIR) return env.PODWISE_CODE_CACHE_DIR;
  try {
    return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'podwise', 'v8');
  } catch {
    return undefined;
  }
}

const HASHED_SUFFIX = /^[0-9a-f]{20}\.v8cache$/;
const HASHED_SUFFIX_LENGTH = 20 + '.v8cache'.length;

const sha1 = (...parts: string[]): string => parts.reduce((hash, part) => hash.update(part).update('\u0000'), createHash('sha1')).digest('hex');

/**
 * The cache file of a bundle's text: `<bundle>-<runtime>-<text>.v8cache`. The runtime part (Node
 * version, architecture, node flags) keeps one file per way the server is started; a new text of
 * the bundle replaces the file of the same runtime (removeOlderCaches).
 */
export function cacheFileOf(dir: string, filename: string, content: string): string {
  const runtime = sha1(process.version, process.arch, process.execArgv.join(' ')).slice(0, 8);
  return path.join(dir, `${path.basename(filename, '.js')}-${runtime}-${sha1(content).slice(0, 20)}.v8cache`);
}

/**
 * Every module of `bundleDir` (the server bundle, the precompiled validators, engine chunks) is
 * compiled with its cached data when there is some; the others go through Node as usual. The
 * cache of each module compiled without (usable) data is written once, `saveAfterMs` after it
 * was loaded, with the functions compiled by then. `trace` hears which modules came from it.
 */
export function installCodeCache(bundleDir: string, dir: string, saveAfterMs: number, trace?: (line: string) => void): void {
  const prototype = Module.prototype as unknown as CompilingModule;
  const compile = prototype._compile;
  const prefix = path.resolve(bundleDir) + path.sep;
  prototype._compile = function compileWithCache(this: CompilingModule, content: string, filename: string): unknown {
    if (!filename.startsWith(prefix)) return compile.call(this, content, filename);
    const cacheFile = cacheFileOf(dir, filename, content);
    const cachedData = readOrUndefined(cacheFile);
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    const fromCache = cachedData !== undefined && script.cachedDataRejected !== true;
    trace?.(`podwise: code cache: ${path.basename(filename)} ${fromCache ? 'read from' : 'not in'} ${dir}`);
    if (!fromCache) setTimeout(() => save(cacheFile, script, trace), saveAfterMs).unref();
    const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => unknown;
    return wrapper.call(this.exports, this.exports, Module.createRequire(filename), this, filename, path.dirname(filename));
  };
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written under a temporary name, then renamed: two servers starting together never read half a file. */
function save(cacheFile: string, script: vm.Script, trace?: (line: string) => void): void {
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, script.createCachedData());
    fs.renameSync(temporary, cacheFile);
    removeOlderCaches(cacheFile);
    trace?.(`podwise: code cache: wrote ${cacheFile}`);
  } catch {
    // No cache this time (read-only home, full disk): the next start compiles as this one did.
  }
}

/** Cache files of earlier versions of the same bundle are dropped. */
function removeOlderCaches(cacheFile: string): void {
  const dir = path.dirname(cacheFile);
  const name = path.basename(cacheFile);
  // `server-<runtime>-` of `server-<runtime>-<text>.v8cache`: another text hash after it is the
  // same bundle started the same way, from an older text.
  const stem = name.slice(0, name.length - HASHED_SUFFIX_LENGTH);
  for (const other of fs.readdirSync(dir)) {
    if (other !== name && other.startsWith(stem) && HASHED_SUFFIX.test(other.slice(stem.length))) fs.rmSync(path.join(dir, other), { force: true });
  }
}
