// `workspace/executeCommand` for clients other than ours (ours opens rule docs itself): show a
// rule's documentation page.
import { Commands } from '../shared/protocol';
import { docsUrl } from './convert';
import type { ServerContext } from './server-context';

export function registerCommands(context: ServerContext): void {
  const { connection } = context;
  connection.onExecuteCommand(
    context.guard(
      'execute command',
      async (params) => {
        if (params.command !== Commands.showRuleDocs) return null;
        const ruleId = typeof params.arguments?.[0] === 'string' ? params.arguments[0] : undefined;
        if (!ruleId || !/^[a-z0-9-]+$/.test(ruleId)) return null;
        await connection.window.showDocument({ uri: docsUrl(ruleId), external: true });
        return null;
      },
      null,
    ),
  );
}
