// `workspace/executeCommand` for clients other than ours (ours opens rule docs itself): show a
// rule's documentation page, the copy installed with the server, in the editor itself
// (`window/showDocument` of a `file://` URI: no browser, no network).
import { Commands } from '../shared/protocol';
import { RULE_ID_PATTERN } from '../shared/rule-docs';
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
        const uri = ruleId && RULE_ID_PATTERN.test(ruleId) ? docsUrl(ruleId) : undefined;
        if (!uri) return null;
        await connection.window.showDocument({ uri, takeFocus: true });
        return null;
      },
      null,
    ),
  );
}
