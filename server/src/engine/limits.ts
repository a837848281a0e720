// How much of an input the engine analyses. Past a limit the engine does not crash, hang or guess:
// it skips the part beyond the limit and reports one `yaml-limit` info saying what was skipped.
// Every limit is far above what a real manifest needs, and low enough that any input is answered
// within about a second on a small machine. Measured on the 2-core development machine (Node 20).

/**
 * Files larger than this (5 MiB) are not analysed at all. The CLI measures bytes on disk before
 * reading; the engine measures UTF-16 code units, which are never more than the UTF-8 bytes, so a
 * file the CLI reads is never refused by the engine. The largest manifests in the corpus (the Argo CD
 * install bundle with its CRDs) are under 2 MiB, and the API server refuses a single request body
 * over 3 MiB anyway.
 */
export const MAX_FILE_SIZE = 5 * 1024 * 1024;

/**
 * Only the first 2,000 documents of a file are checked. A Kubernetes document costs about 0.5-1 ms
 * to check, so 2,000 keep a cold check around a second, while 5 MiB of tiny documents would be
 * 100,000 of them. Large generated bundles (Istio, Argo CD, kube-prometheus) have a few hundred.
 */
export const MAX_DOCUMENTS = 2000;

/**
 * What aliases may add to a document, in nodes: the tree with every alias replaced by what it
 * names, minus the tree as written. This stops the exponential "billion laughs" (ten levels of
 * ten aliases: 10^10 nodes from 700 bytes) before anything expands it, and also the linear kind
 * that `yaml`'s own `maxAliasCount` lets through: a 9 KB Pod whose container (100 env entries)
 * is reused 999 times expands to 100,000 env entries, which costs the rules seconds, and a few
 * hundred KB of it exhausted the heap. Real manifests that reuse blocks through anchors add a
 * few hundred nodes.
 */
export const MAX_ALIAS_EXPANSION = 10_000;

/**
 * `yaml` resolves each alias by scanning the anchors and aliases before it, so resolving costs
 * about aliases × (aliases + anchors) steps; past 10^7 (tens of milliseconds) the document is not
 * checked. Real manifests have a handful of aliases.
 */
export const MAX_ALIAS_RESOLUTION_WORK = 10_000_000;

/**
 * Documents nested deeper than this (collections inside collections, counting what aliases add)
 * are not checked. `yaml`'s composer and its `toJS`, the schema layer and the rules all recurse,
 * and with Node's default stack they overflow somewhere between about 1,700 and 2,000 levels,
 * depending on the shape and on what the JIT did. A limit well below that makes the result the
 * same whatever the caller's stack (a stack overflow would otherwise decide, differently in the
 * CLI and the server). The deepest document in the corpus and the examples is 43 levels deep.
 */
export const MAX_NESTING_DEPTH = 512;

/**
 * A finding's message is cut at this many characters. Some messages quote the offending value,
 * and a 4 MB scalar must not become a 4 MB diagnostic (the LSP client and SARIF readers choke).
 */
export const MAX_MESSAGE_LENGTH = 2000;

/** Human-readable sizes for messages. */
export function formatMegabytes(size: number): string {
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The language server's wall-clock budget for one analysis (the CLI's is CLI_TIME_LIMIT_MS). The engine is
 * synchronous: while it runs, the server reads no edit and answers no request, and a cold
 * 2,000-document file takes over 3 s. Past this budget the analysis stops between documents with
 * one `yaml-limit` info; the server publishes what it has, handles what queued up, and continues
 * (checked documents stay cached). A keystroke costs a few ms, but opening a 100-document file
 * costs 250-700 ms on a busy 2-core machine (validators loading, cold JIT): the budget is above
 * that, so ordinary files are never published half-checked, and low enough that a huge file
 * leaves the editor answering about once a second.
 */
export const ANALYSIS_BUDGET_MS = 1000;

/**
 * The CLI's default wall-clock budget per file (`--time-limit`, 0 for none). Parsing alone costs
 * about 0.6 s per MB on a small machine (the `yaml` library), so a 5 MB bundle of thousands of
 * documents would take 4-5 s; any input is answered within about 2 s instead, and the documents
 * past the budget are named in one `yaml-limit` info, like the size and document-count limits.
 * Ordinary files (under 1 MB) finish far inside it.
 */
export const CLI_TIME_LIMIT_MS = 1500;

/**
 * The language server publishes at most this many diagnostics per file (errors first), plus one
 * `yaml-limit` info saying how many were left out. A generated 5 MB file can have 40,000 findings:
 * 23 MB of JSON per keystroke, which editors render slowly and nobody reads. The CLI reports all.
 */
export const MAX_PUBLISHED_DIAGNOSTICS = 1000;
