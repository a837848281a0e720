// Public API of the pure engine (no LSP, no file system). The CLI, the language server and the
// tests use only what is exported here.
export * from './types';
export * from './json';
export type { AnalyzeOptions, AnalysisResult, DocumentSummary } from './analyze';
export { FileAnalyzer, analyzeText, type FileAnalyzerOptions } from './analyze';
export { FileSnapshot, type SnapshotDocument } from './snapshot';
export { LineIndex, toLineFeeds } from './line-index';
export { splitDocuments } from './document-split';
export { parseChunk, parseCount } from './parse';
export { collectRunObjects, collectRunObjectsInSlices, RUN_OBJECT_KINDS, type ParseSlices, type RunObject } from './run-objects';
export { locatePath, rangeForPath } from './locate';
export { resolveFix } from './fixes/resolve-intents';
export { ALL_RULES, ruleById, ruleMeta, isKnownRuleId } from './rules';
export type { Rule, RuleMeta, RuleCategory, CheckEnvironment, ObjectContext, PodSpecContext, FileContext, FileRuleFinding } from './rule-types';
export { PARITY_AREAS, type ParityArea, type ParityAreaId } from './k8s/parity-areas';
export { SUPPORTED_VERSIONS, DEFAULT_VERSION, isSupportedVersion, compareVersions, atLeast } from './versions';
export { PROBE_DEFAULTS, DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS } from './defaults';
export { DISABLE_ANNOTATION } from './suppress';
export * from './schema';
export * from '../shared/settings';
export * from '../shared/rule-docs';
export * from './editor';
export * from './config/config-file';
export * from './config/resolve-settings';
export * from './kustomize';
export { probeTimeline, type ProbeTimeline } from './k8s/probe-timeline';
export { shutdownTimeline, type ShutdownTimeline } from './k8s/shutdown-timeline';
export { Outliner, documentSymbols, foldingSpans, type OutlineSymbol, type OutlineSymbolKind, type FoldingSpan, type ChunkParser, type ChunkAtParser } from './outline';
export { preferRuleFindings } from './finding-precedence';
// Navigation across the workspace (definition, references, rename, code lenses, workspace symbols).
export * from './navigation';
