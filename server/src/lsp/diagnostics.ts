// Diagnostics: each change of a checked document is scheduled (scheduler.ts), its current version
// analyzed into a snapshot (server-context.ts) and published with a `podwise/status`
// notification. Results for a version that is no longer current are dropped; an identical set is
// not sent again; at most MAX_PUBLISHED_DIAGNOSTICS per file; an analysis over its time budget
// publishes what it checked and continues after pending edits and requests.
import { performance } from 'perf_hooks';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { capFindings } from '../engine/finding-cap';
import { MAX_PUBLISHED_DIAGNOSTICS } from '../engine/limits';
import type { FileSnapshot } from '../engine/snapshot';
import type { Severity } from '../engine/types';
import { StatusNotification, type StatusParams } from '../shared/protocol';
import { toDiagnostic } from './convert';
import { isConfigFile } from './paths';
import type { ServerContext } from './server-context';
import { contentIdentity } from './synced-document';
import type { DocumentSettings } from './workspace-settings';

export function registerDiagnostics(context: ServerContext): void {
  const { documents } = context;
  context.onValidate((uri) => void validate(context, uri));

  documents.onDidChangeContent(
    context.guardSync('document change', ({ document }) => {
      // `.podwise.yaml` open in the editor: configuration.ts.
      if (isConfigFile(document.uri)) return;
      const opened = !context.states.has(document.uri);
      context.schedule(document.uri, opened ? 'open' : 'change');
    }),
  );

  documents.onDidClose(
    context.guardSync('document close', ({ document }) => {
      context.dropState(document.uri);
      if (isConfigFile(document.uri)) return;
      void context.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    }),
  );
}

/** The problems of a `.podwise.yaml` (open in the editor), published on it. */
export function publishConfigFile(context: ServerContext, document: TextDocument): void {
  const settings = context.settings;
  if (!settings) return;
  // The rule overrides of the folder's editor settings apply (`config-invalid: off`), as in the CLI.
  settings.configFindingsFor(document.getText(), document.uri).then(
    (findings) => {
      // Closed or changed meanwhile: the newer version publishes its own.
      if (context.documents.get(document.uri)?.version !== document.version) return;
      const identity = contentIdentity(document);
      void context.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: findings.map((finding) => toDiagnostic(document, finding, identity)) });
    },
    (error: unknown) => context.logError(`config file ${document.uri}`, error),
  );
}

/** Analyzes the current version of a document and publishes, unless a newer version arrived. */
async function validate(context: ServerContext, uri: string): Promise<void> {
  const { connection, documents } = context;
  context.validationsInFlight += 1;
  try {
    const settings = context.settings;
    if (context.shuttingDown || !settings) return;
    const document = documents.get(uri);
    if (!document) return;
    if (isConfigFile(uri)) {
      publishConfigFile(context, document);
      return;
    }
    if (!context.isChecked(document)) {
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
      return;
    }
    const state = context.states.get(uri);
    if (!state) return;
    const version = document.version;
    const runStamp = context.stamp;
    const docSettings = await settings.resolve(uri);
    const current = documents.get(uri);
    // Dropped: the document changed or closed while settings were read; its own run follows.
    if (!current || current.version !== version || context.states.get(uri) !== state) return;
    if (docSettings.excluded) {
      // Not checked, so not part of the workspace's objects either (as the CLI skips it).
      context.workspaceObjects?.noteOpen(docSettings, version, undefined);
      sendStatus(context, current, docSettings, 'excluded');
      state.published = undefined;
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    // A feature request (hover, completion…) may have made this version's snapshot already.
    const analysis = context.analysisOf(state, current, docSettings);
    if (runStamp !== context.stamp && state.last) state.last.stamp = -1; // settings changed meanwhile: a refresh is queued
    const { snapshot } = analysis;
    const started = performance.now();
    const shown = capFindings(snapshot.findings, MAX_PUBLISHED_DIAGNOSTICS, current.getText(), docSettings.settings.rules);
    const identity = contentIdentity(current);
    const diagnostics = shown.map((finding) => toDiagnostic(current, finding, identity));
    const cost = analysis.cost + (performance.now() - started);
    state.scheduler.record(cost);
    if (context.timing) context.log(`podwise: analyzed ${uri} v${version} in ${cost.toFixed(2)} ms (${diagnostics.length} diagnostics)`);
    // Status first: whoever reacts to the diagnostics sees the matching status.
    const kubernetes = snapshot.summaries.some((doc) => doc.kind === 'kubernetes');
    sendStatus(context, current, docSettings, kubernetes ? 'checked' : 'not-kubernetes', snapshot);
    // Identical diagnostics for the same version (a settings refresh or a continued analysis that
    // changed nothing) are not sent again: on a large file that is megabytes per publication.
    // Compared only for the same version, so a keystroke pays nothing for it.
    const previous = state.published;
    const unchanged = previous !== undefined && previous.version === version && JSON.stringify(previous.diagnostics) === JSON.stringify(diagnostics);
    state.published = { version, diagnostics };
    if (!unchanged) void connection.sendDiagnostics({ uri, version, diagnostics });
    // Over budget: what was checked is published; the rest follows after pending edits and
    // requests were handled (a newer version replaces this run, and starts from the cache).
    if (snapshot.unfinished) state.scheduler.schedule('continue');
  } catch (error) {
    context.logError(`analysis of ${uri}`, error);
  } finally {
    context.validationsInFlight -= 1;
  }
}

function counts(snapshot: FileSnapshot): Record<Severity, number> {
  const tally: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of snapshot.findings) tally[finding.severity] += 1;
  return tally;
}

function sendStatus(context: ServerContext, document: TextDocument, docSettings: DocumentSettings, state: StatusParams['state'], snapshot?: FileSnapshot): void {
  const params: StatusParams = {
    uri: document.uri,
    version: document.version,
    kubernetesVersion: docSettings.settings.kubernetesVersion,
    versionSource: docSettings.versionSource,
    configFile: docSettings.configFile,
    counts: snapshot ? counts(snapshot) : { error: 0, warning: 0, info: 0, hint: 0 },
    state,
    staticPod: docSettings.staticPod,
    fileClass: docSettings.fileClass,
  };
  void context.connection.sendNotification(StatusNotification, params);
}
