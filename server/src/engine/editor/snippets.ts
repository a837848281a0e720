// The snippets of snippets/kubernetes.code-snippets.json, offered by completion only where they
// fit: whole manifests at the top of an empty document (or after the last line of one), probe and
// lifecycle blocks inside a container, a container in a containers list, a volume in volumes. The
// file is bundled at build time (esbuild reads JSON imports), so the engine reads no file; VS Code
// no longer gets it as a static contribution, which offered every manifest on every line of every
// YAML file (a GitHub workflow included).
import { asInteger, asString, objectItems, type JsonObject } from '../json';
import source from '../../../../snippets/kubernetes.code-snippets.json';
import type { EditorCompletionItem } from './completion-item';

/** Where a snippet goes (the `context` field of each entry in snippets/). */
export type SnippetContext = 'document' | 'pod-spec' | 'container' | 'containers' | 'volumes';

export interface Snippet {
  name: string;
  prefix: string;
  context: SnippetContext;
  description: string;
  /** Lines joined with `\n`; LSP snippet syntax. */
  body: string;
}

type SnippetItem = Omit<EditorCompletionItem, 'replace'>;

const CONTEXTS: ReadonlySet<string> = new Set<SnippetContext>(['document', 'pod-spec', 'container', 'containers', 'volumes']);

/** Every snippet, in file order; an entry with an unknown context is dropped (snippets.test.mjs checks none is). */
export const SNIPPETS: readonly Snippet[] = Object.entries(source as Record<string, { prefix: string; context?: string; description: string; body: string[] }>)
  .filter(([, entry]) => entry.context !== undefined && CONTEXTS.has(entry.context))
  .map(([name, entry]) => ({ name, prefix: entry.prefix, context: entry.context as SnippetContext, description: entry.description, body: entry.body.join('\n') }));

/** The items for one context, as plain snippet items (sorted after the keys). */
export function snippetItems(context: SnippetContext, adapt: (snippet: Snippet) => string | undefined = (snippet) => snippet.body): SnippetItem[] {
  const items: SnippetItem[] = [];
  for (const snippet of SNIPPETS) {
    if (snippet.context !== context) continue;
    const insertText = adapt(snippet);
    if (insertText === undefined) continue;
    items.push({
      label: snippet.prefix,
      kind: 'snippet',
      detail: snippet.name,
      documentation: snippet.description,
      insertText,
      insertTextFormat: 'snippet',
      sortText: `3${snippet.prefix}`,
      required: false,
    });
  }
  return items;
}

const PROBE_KEYS = ['readinessProbe', 'livenessProbe', 'startupProbe'] as const;
const PROBE_CHOICE = '${1|readinessProbe,livenessProbe,startupProbe|}';

/**
 * Container-level snippets fitted to the container: a probe block offers only the probe keys the
 * container lacks (none left: no item) and its port defaults to one the container declares (a
 * number for gRPC, which rejects names); the preStop block only when there is no lifecycle yet.
 */
export function containerSnippets(container: JsonObject | undefined, existing: ReadonlySet<string>): SnippetItem[] {
  const missing = PROBE_KEYS.filter((key) => !existing.has(key));
  return snippetItems('container', (snippet) => {
    const body = snippet.body;
    if (/^lifecycle:/.test(body)) return existing.has('lifecycle') ? undefined : body;
    if (!body.startsWith(PROBE_CHOICE)) return body;
    if (missing.length === 0) return undefined;
    const choice = missing.length === 1 ? missing[0] : `\${1|${missing.join(',')}|}`;
    const port = /grpc:/.test(body) ? declaredPort(container, true) : declaredPort(container, false);
    const fitted = choice + body.slice(PROBE_CHOICE.length);
    return port === undefined ? fitted : fitted.replace(/(port: \$\{\d+:)[^}]*\}/, (_, head: string) => `${head}${port}}`);
  });
}

/** The first declared port name (unless numbers only), else the first number. */
function declaredPort(container: JsonObject | undefined, numbersOnly: boolean): string | undefined {
  const ports = container ? objectItems(container.ports) : [];
  if (!numbersOnly) {
    for (const { item } of ports) {
      const name = asString(item.name);
      if (name) return name;
    }
  }
  for (const { item } of ports) {
    const number = asInteger(item.containerPort);
    if (number !== undefined) return String(number);
  }
  return undefined;
}

/**
 * A YAML file another tool reads, by its name: GitHub workflows and actions, compose files,
 * GitLab CI. An empty one is not a manifest waiting to be written.
 * https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions
 * https://docs.docker.com/compose/intro/compose-application-model/#the-compose-file
 */
export function isOtherToolFile(path: string): boolean {
  const normalized = path.replace(/\\/g, '/');
  const name = normalized.slice(normalized.lastIndexOf('/') + 1).toLowerCase();
  return (
    /(^|\/)\.github\/(workflows|actions)\//.test(normalized) ||
    /^(docker-)?compose(\.[\w-]+)?\.ya?ml$/.test(name) ||
    name === '.gitlab-ci.yml' ||
    name === 'action.yml' ||
    name === 'action.yaml'
  );
}
