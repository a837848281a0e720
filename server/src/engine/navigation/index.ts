// Navigation across the workspace's manifests (issue #14): definition, references, rename, code
// lenses and workspace symbols, as pure functions of the current file's snapshot and the
// workspace's objects. Front ends inject how another file is read (locate-targets.ts).
export { navWorkspace, nameTarget, snapshotObjects, type NavObject, type NavTarget, type NavWorkspace } from './nav-model';
export { subjectAt, type NavSubject, type SubjectAt } from './subject';
export { definitionAt } from './definition';
export { referencesAt } from './references';
export { prepareRenameAt, renameAt, type RenamePlace, type RenameRefusal } from './rename';
export { locateIn, locateTargets, renameEdits, type CurrentFile, type FileEdit, type LocatedTarget, type ReadFile } from './locate-targets';
export { codeLenses, type NavLens } from './code-lens';
export { workspaceSymbols, MAX_WORKSPACE_SYMBOLS, type NavSymbol } from './workspace-symbols';
