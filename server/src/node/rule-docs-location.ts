// Where the rule pages are installed: the bundles live in dist/server/ (server.js, cli.js,
// engine.js) and the pages in docs/rules/ of the same package (the .vsix ships them,
// .vscodeignore), so links to them work offline and match the installed version.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_DOCS_DIR } from '../shared/rule-docs';

let cached: { base: string | undefined } | undefined;

/**
 * The `file://` URI (ending in `/`) of the installed rule pages, or undefined when they are not
 * there (a bundle copied elsewhere): no link then, rather than a broken one.
 */
export function installedRuleDocsBase(): string | undefined {
  if (!cached) {
    const folder = path.join(__dirname, '..', '..', ...RULE_DOCS_DIR.split('/'));
    cached = { base: existsSync(folder) ? `${pathToFileURL(folder).href}/` : undefined };
  }
  return cached.base;
}
