// Entry of dist/server/cli-worker.js: one analysis worker of `podwise check` (worker-pool.ts).
// It runs exactly what the in-process path runs for a file (checkText: analyzeText, then the
// findings placed on lines), so the output cannot depend on where a file was checked.
import { parentPort } from 'node:worker_threads';
import { analyzeText } from '../engine/analyze';
import { installSchemaFiles } from '../node/schema-files';
import { placeFindings } from './report';
import { FAULT_ENV, type AnalysisRequest, type WorkerMessage } from './worker-protocol';

const port = parentPort;
if (port) {
  installSchemaFiles();
  const fault = /^(crash|hang):(.+)$/.exec(process.env[FAULT_ENV] ?? '');
  let runObjects: AnalysisRequest['runObjects'];
  port.on('message', (request: AnalysisRequest) => {
    if (request.runObjects !== undefined) runObjects = request.runObjects ?? undefined;
    if (fault && request.name.endsWith(fault[2])) injectFault(fault[1]);
    let reply: WorkerMessage;
    try {
      reply = {
        kind: 'done',
        id: request.id,
        findings: placeFindings(request.name, request.text, analyzeText(request.text, { ...request.options, runObjects: runObjects ?? undefined }).findings),
      };
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
