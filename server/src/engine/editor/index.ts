// Editor features over the pure engine: completion, hover and inlay hints. Text and offsets in,
// plain objects out; the LSP layer converts offsets to positions.
export { completeAt, type EditorCompletionItem, type EditorCompletionKind } from './completion';
export { findingHoverMarkdown, hoverAt, ruleHoverMarkdown, type EditorHover, type HoverOptions } from './hover';
export { inlayHints, type EditorInlayHint } from './inlay-hints';
export { fieldDoc } from './field-docs';
