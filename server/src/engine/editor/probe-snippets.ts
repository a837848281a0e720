// Whole probe blocks offered inside a container (one per probe key; the preStop block and the
// handler-generic probe blocks come from snippets/, see snippets.ts), filled with what the container
// already declares: a named port if there is one (a probe on an undeclared name never passes),
// and readiness thresholds looser than liveness ones (a blip should unready a Pod long before it
// restarts it).
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
import { asInteger, asString, objectItems, type JsonObject } from '../json';
import type { EditorCompletionItem } from './completion-item';

type SnippetItem = Omit<EditorCompletionItem, 'replace'>;

interface ProbeShape {
  key: 'startupProbe' | 'readinessProbe' | 'livenessProbe';
  path: string;
  period: number;
  failure: number;
  why: string;
}

const PROBES: readonly ProbeShape[] = [
  { key: 'startupProbe', path: '/healthz', period: 5, failure: 30, why: 'Holds liveness and readiness back until the app has started (here up to 150 s).' },
  { key: 'readinessProbe', path: '/ready', period: 5, failure: 3, why: 'Takes the Pod out of Service endpoints while it fails; never restarts it.' },
  { key: 'livenessProbe', path: '/healthz', period: 10, failure: 3, why: 'Restarts the container after repeated failures; keep it cheap and independent of other services.' },
];

/** Snippet items for the probe keys the container does not have yet. */
export function probeSnippets(container: JsonObject | undefined, existing: ReadonlySet<string>): SnippetItem[] {
  const port = preferredPort(container);
  const items: SnippetItem[] = [];
  for (const probe of PROBES) {
    if (existing.has(probe.key)) continue;
    items.push({
      label: `${probe.key} (httpGet)`,
      kind: 'snippet',
      detail: `${probe.key} block, port ${port}`,
      documentation: probe.why,
      insertText: [
        `${probe.key}:`,
        '  httpGet:',
        `    path: \${1:${probe.path}}`,
        `    port: \${2:${port}}`,
        `  periodSeconds: \${3:${probe.period}}`,
        `  failureThreshold: \${4:${probe.failure}}`,
        '$0',
      ].join('\n'),
      insertTextFormat: 'snippet',
      sortText: `2${probe.key}`,
      required: false,
    });
  }
  return items;
}

/** The first declared port name, else the first number, else a placeholder number. */
function preferredPort(container: JsonObject | undefined): string {
  const ports = container ? objectItems(container.ports) : [];
  for (const { item } of ports) {
    const name = asString(item.name);
    if (name) return name;
  }
  for (const { item } of ports) {
    const number = asInteger(item.containerPort);
    if (number !== undefined) return String(number);
  }
  return '8080';
}
