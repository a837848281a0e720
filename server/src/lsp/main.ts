// Entry of the language server bundle (dist/server/server.js). The transport comes from the
// command line: --stdio, --node-ipc or --socket=N (vscode-languageserver reads process.argv).
import { setFlagsFromString } from 'v8';
import { createConnection, ProposedFeatures } from './protocol-values';
import { installSchemaFiles } from '../node/schema-files';
import { startServer } from './server';

// An editor session allocates in small bursts (one document per keystroke). V8 would otherwise
// grow its young generation to 32 MB under that pressure and keep it; holding it at its initial
// size costs a few more (cheap) scavenges and saves ~13 MB of resident memory. V8 reads this
// flag whenever it considers growing, so setting it at startup takes effect.
setFlagsFromString('--semi-space-growth-factor=1');

installSchemaFiles();
startServer(createConnection(ProposedFeatures.all));
