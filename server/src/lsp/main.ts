// Entry of the language server bundle (dist/server/server.js). The transport comes from the
// command line: --stdio, --node-ipc or --socket=N (vscode-languageserver reads process.argv).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
