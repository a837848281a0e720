// Links to a rule's page (docs/rules/<id>.md). The pages ship inside the extension and the npm
// package, so links point at the installed copy and open offline in any editor: the front end
// that knows where it is installed gives the base (node/rule-docs-location.ts: a `file://` URI),
// the engine only joins it with the rule id. VS Code's own settings descriptions are static
// (package.json), so they link through the client command that opens the bundled page instead.
import { Commands } from './protocol';

/** The folder of the rule pages, relative to the package root. */
export const RULE_DOCS_DIR = 'docs/rules';

/** Rule ids are kebab-case: anything else never names a page. */
export const RULE_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** The page of `ruleId` under `base` (a URI of the pages folder; a `/` is added when missing). */
export function ruleDocsLink(base: string, ruleId: string): string {
  return `${base.endsWith('/') ? base : `${base}/`}${encodeURIComponent(ruleId)}.md`;
}

/** A `command:` link that runs the client's "show rule documentation" with `ruleId`. */
export function ruleDocsCommandLink(ruleId: string): string {
  return `command:${Commands.showRuleDocs}?${encodeURIComponent(JSON.stringify([ruleId]))}`;
}
