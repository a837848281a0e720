// Entry of dist/server/cli-worker.js: one analysis worker of `podwise check` (worker-pool.ts).
// It runs exactly what the in-process path runs for a file (check-backend.ts: prepareText, then
// analyzePrepared and the findings placed on lines), so the output cannot depend on where a file
// was checked.
import * as v8 from 'node:v8';
import { parentPort } from 'node:worker_threads';
import type { RunObject } from '../engine/run-objects';
import { installSchemaFiles } from '../node/schema-files';
import { analyzePrepared, PreparedStore } from './prepared-file';
import { placeFindings } from './report';
import { FAULT_ENV, type WorkerMessage, type WorkerRequest } from './worker-protocol';

const port = parentPort;
if (port) {
  installSchemaFiles();
  const fault = /^(crash|hang):(.+)$/.exec(process.env[FAULT_ENV] ?? '');
  const store = new PreparedStore();
  let runObjects: RunObject[] | undefined;
  port.on('message', (request: WorkerRequest) => {
    if (request.kind === 'run-objects') {
      // One array for every file of the run (the engine indexes it once per array).
      runObjects = request.files === null ? undefined : request.files.flatMap((bytes) => v8.deserialize(bytes) as RunObject[]);
      return;
    }
    if (request.kind === 'prepare') {
      let objects: Uint8Array | null = null;
      try {
        const prepared = store.prepare(request.file, request.text, request.filePath, request.only);
        if (request.filePath !== undefined) objects = v8.serialize(prepared.runObjects);
      } catch {
        // Nothing collected; checking the file reports what went wrong.
      }
      port.postMessage({ kind: 'prepared', id: request.id, runObjects: objects } satisfies WorkerMessage);
      return;
    }
    if (fault && request.name.endsWith(fault[2])) injectFault(fault[1]);
    let reply: WorkerMessage;
    try {
      const result = analyzePrepared(request.text, store.take(request.file), { ...request.options, runObjects });
      reply = { kind: 'done', id: request.id, findings: placeFindings(request.name, request.text, result.findings) };
    } catch (error) {
      reply = { kind: 'failed', id: request.id, message: (error as Error)?.message ?? String(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ kind: 'ready' } satisfies WorkerMessage);
}

/** Test hook (worker-protocol.ts): an uncaught exception (the worker dies), or a loop only terminate() ends. */
function injectFault(kind: string): void {
  if (kind === 'crash') throw new Error('injected worker crash');
  for (;;) {
    // spin until the watchdog terminates this worker
  }
}
