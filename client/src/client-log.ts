// How the client's own log lines are classed. vscode-languageclient logs the server process's
// exit as an error whatever its code ("Server process exited with code 0."), so a normal stop —
// a restart, a window reload, VS Code closing — showed as an error in the "Podwise" output
// channel. Exit code 0 is the server shutting down as asked: info. Pure, tested without VS Code.

/**
 * The LanguageClient's id. vscode-languageclient reads the trace setting as `<id>.trace.server`
 * (common/client.js refreshTrace), so the id is the settings section: `podwise.trace.server`,
 * contributed through SETTINGS_SCHEMA.
 */
export const CLIENT_ID = 'podwise';

/** The exit line vscode-languageclient (lib/node/main.js) writes when the server process ends. */
const EXIT_LINE = /^Server process exited with code (\d+)\.?$/;

/** Whether a line the client would log as an error reports a clean exit (code 0). */
export function isCleanExit(message: string): boolean {
  const match = EXIT_LINE.exec(message);
  return match !== null && Number(match[1]) === 0;
}

/** The line logged instead, at info. */
export const CLEAN_EXIT_LINE = 'Podwise language server stopped (exit code 0).';
