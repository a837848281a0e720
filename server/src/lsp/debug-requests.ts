// Requests for measuring and testing the server itself (scripts/measure-lsp.mjs, the LSP tests);
// registered only with PODWISE_DEBUG=1.
import { performance } from 'perf_hooks';
import { getHeapSpaceStatistics } from 'v8';
import { parseCount } from '../engine/parse';
import type { ServerContext } from './server-context';

export function registerDebugRequests(context: ServerContext): void {
  const { connection, states } = context;
  connection.onRequest('podwise/debug/memory', () => {
    // With `node --expose-gc`, measure what is live, not what the collector has not reached yet.
    (globalThis as { gc?: () => void }).gc?.();
    const spaces = Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, space.physical_space_size]));
    return { ...process.memoryUsage(), spaces, openDocuments: states.size };
  });
  // Documents parsed so far: features read the snapshot of the current version, so a request
  // that follows the analysis of that version parses nothing (lsp-snapshot.test.mjs).
  connection.onRequest('podwise/debug/parses', () => ({ parses: parseCount() }));
  // The workspace index (workspace-index.ts): whether its walk and file events are done, and what
  // it holds. The benchmark (bench/lib/workspace-bench.mjs) times the walk with it.
  connection.onRequest('podwise/debug/index', () => {
    const index = context.workspaceObjects;
    const ready = index !== undefined && !index.busy;
    // Counted once ready only: while the walk runs, every answer would rebuild the list it caches.
    const objects = ready ? (index.objects() ?? []) : [];
    return {
      enabled: index !== undefined,
      ready,
      generation: index?.generation ?? 0,
      objects: objects.length,
      filesWithObjects: new Set(objects.map((object) => object.filePath)).size,
    };
  });
  // Answers once no analysis is scheduled or running: everything the server was going to
  // publish has been sent before this answer (one connection, in order). Tests use it to prove
  // that nothing more arrives, instead of sleeping.
  connection.onRequest('podwise/debug/idle', async () => {
    // The workspace index counts too: a revalidation it has pending is a publication to come.
    const busy = (): boolean => context.validationsInFlight > 0 || context.backgroundBusy || [...states.values()].some((state) => state.scheduler.pending);
    const deadline = performance.now() + 30_000;
    while (busy() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
    return { idle: !busy() };
  });
}
