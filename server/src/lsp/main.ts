// Entry of the language server bundle (dist/server/server.js). The transport comes from the
// command line: --stdio, --node-ipc or --socket=N (vscode-languageserver reads process.argv).
// V8's memory settings first: they must hold while the rest of the bundle loads (v8-flags.ts).
import './v8-flags';
import { createConnection, ProposedFeatures } from './protocol-values';
import { installSchemaFiles } from '../node/schema-files';
import { startServer } from './server';

installSchemaFiles();
startServer(createConnection(ProposedFeatures.all));
