// The language server: one context (documents, settings, the snapshot of each document's current
// version; server-context.ts) and one module per feature, wired here. Every handler is guarded: an
// exception is logged to the client's output channel and answered with an empty result, never a
// crash.
import type { Connection } from 'vscode-languageserver/node';
import { registerCodeActions } from './code-actions';
import { registerCommands } from './commands';
import { registerCompletion } from './completion';
import { registerConfiguration } from './configuration';
import { registerDebugRequests } from './debug-requests';
import { registerDiagnostics } from './diagnostics';
import { registerHover } from './hover';
import { registerInitialize } from './initialize';
import { registerInlayHints } from './inlay-hints';
import { registerNavigation } from './navigation';
import { registerOutline } from './outline';
import { ServerContext } from './server-context';
import { registerWorkspaceObjects } from './workspace-objects';

export function startServer(connection: Connection): void {
  const context = new ServerContext(connection);
  registerInitialize(context);
  // Diagnostics first: a closed document's state is dropped before the configuration hears of it.
  registerDiagnostics(context);
  registerConfiguration(context);
  // The Services and Namespaces of the workspace's other files (the CLI's run, in the editor).
  registerWorkspaceObjects(context);
  registerCodeActions(context);
  registerOutline(context);
  registerInlayHints(context);
  registerCompletion(context);
  registerHover(context);
  // Definition, references, rename, code lenses and workspace symbols across the workspace's files.
  registerNavigation(context);
  registerCommands(context);
  // Diagnostics for measuring the server itself (scripts/measure-lsp.mjs); off by default.
  if (process.env.PODWISE_DEBUG === '1') registerDebugRequests(context);

  connection.onShutdown(() => {
    context.shuttingDown = true;
    context.workspaceObjects?.dispose();
    for (const state of context.states.values()) state.scheduler.dispose();
  });

  process.on('uncaughtException', (error) => context.logError('uncaught exception', error));
  process.on('unhandledRejection', (error) => context.logError('unhandled rejection', error));

  context.documents.listen(connection);
  connection.listen();
}
