// The objects of the whole workspace that the rules looking across files resolve (the kinds of
// engine/run-objects.ts: Services, Namespaces, ConfigMaps and Secrets by their keys, claims,
// ServiceAccounts, roles, workloads, CRDs…), so those rules (statefulset-service-missing, the
// references rules, the Pod Security level of a Namespace) see in the editor what the CLI sees
// over a folder (issue #14). A walk of the workspace folders after start-up, in the background,
// then file events keep it current; an open document's text counts instead of its disk copy. Per
// file only `collectRunObjects` is kept, never the text. The `crds` setting adds CRD files from
// outside the workspace (only their CustomResourceDefinitions are kept), read with every walk.
// Bounded: files, bytes and folder entries have limits; the walk yields to the event loop
// between files, so requests and edits are answered while it runs. File access goes through
// `WorkspaceFiles` (node/workspace-files.ts), which never follows symbolic links.
// https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id
import * as path from 'path';
import { performance } from 'perf_hooks';
import picomatch from 'picomatch';
import { MAX_FILE_SIZE } from '../engine/limits';
import { collectRunObjects, collectRunObjectsInSlices, type RunObject } from '../engine/run-objects';
import type { FileStamp, WorkspaceFiles } from '../node/workspace-files';
import { CONFIG_FILE_NAME } from '../shared/settings';
import { GitignoreRules, MAX_GITIGNORE_BYTES } from './gitignore-rules';
import type { WorkspaceObjects } from './server-context';
import type { DocumentSettings } from './workspace-settings';

export interface IndexLimits {
  /** Files indexed at most (past it, further files are not seen). */
  maxFiles: number;
  /** Bytes of indexed files at most. */
  maxBytes: number;
  /** Folder entries looked at per walk at most (a huge tree of other files ends the walk too). */
  maxEntries: number;
  /**
   * Parsing a file's documents yields to the event loop once this much time went by: a keystroke
   * that arrives while the walk reads a 100-document file waits for one slice, not for the file.
   */
  parseSliceMs: number;
}

export const INDEX_LIMITS: IndexLimits = { maxFiles: 5000, maxBytes: 64 * 1024 * 1024, maxEntries: 200_000, parseSliceMs: 6 };
/** The `crds` setting: files read at most, bytes per file, folder entries looked at to expand its globs, glob depth. */
export const CRD_LIMITS = { maxFiles: 500, maxFileBytes: 5 * 1024 * 1024, maxEntries: 20_000, maxDepth: 8 } as const;
/** Quiet time after the last change before open documents are analyzed again (one run for a git checkout). */
export const REVALIDATE_DEBOUNCE_MS = 150;
/** After an edit in an open document: the other open files should follow the keystroke (goal ≤ 30 ms). */
export const OPEN_EDIT_DEBOUNCE_MS = 15;
/** Folders the walk skips, as the CLI's does (cli/inputs.ts). */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface IndexHost {
  files: WorkspaceFiles;
  /** The workspace folders (absolute paths). */
  folders(): readonly string[];
  /** Whether a file is checked (classifyFile: a manifest or static Pod, not excluded, no Helm template or kustomization). */
  isChecked(filePath: string): Promise<boolean>;
  /** The objects changed, and settled: analyze the open documents again. */
  changed(): void;
  log(message: string): void;
  /** Lets the event loop run (between files). */
  yieldNow(): Promise<void>;
  /** Absolute paths or globs of CRD files the `crds` setting names (outside the workspace too). */
  crdPatterns?(): Promise<readonly string[]>;
}

interface Entry {
  stamp?: FileStamp;
  objects: readonly RunObject[];
  /** The objects as JSON, one line each, to tell a change from a save that changed nothing they hold. */
  signature: readonly SignatureLine[];
}

const NONE: Entry = { objects: [], signature: [] };

interface SignatureLine {
  header: string;
  json: string;
}

/** Two signatures alike, line by line (an unchanged object's JSON is the same string: compared at once). */
function sameSignature(a: readonly SignatureLine[], b: readonly SignatureLine[]): boolean {
  return a.length === b.length && a.every((line, index) => line.header === b[index].header && line.json === b[index].json);
}

/** A YAML file the index reads (not `.podwise.yaml`, which is settings). */
export function isIndexedName(name: string): boolean {
  return name !== CONFIG_FILE_NAME && /\.ya?ml$/i.test(name);
}

/** The path inside a workspace folder and outside the folders the walk skips. */
export function insideIndexedFolder(folders: readonly string[], filePath: string): boolean {
  return folders.some((folder) => {
    const relative = path.relative(folder, filePath);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    return !relative.split(path.sep).some((part) => SKIPPED_FOLDERS.has(part));
  });
}

/** Each parsed object's JSON, once: an open document's unchanged documents keep their parses between keystrokes. */
const jsonOfObject = new WeakMap<object, string>();

/** One line per object: what the index knows of it, as JSON (the signature tells a real change from a save that changed nothing). */
function signatureLines(found: readonly RunObject[]): SignatureLine[] {
  return found.map((run) => {
    let json = jsonOfObject.get(run.object);
    if (json === undefined) jsonOfObject.set(run.object, (json = JSON.stringify(run.object)));
    return { header: JSON.stringify([run.filePath, run.apiVersion, run.kind, run.name ?? null, run.namespace ?? null, run.keys ?? null]), json };
  });
}

/**
 * A file read from disk: the objects are copied out of the parse through JSON (strings the parser
 * cut from the file's text would otherwise keep that whole text alive, see engine/detach-text.ts).
 * The JSON is also the signature.
 */
function entryFrom(found: readonly RunObject[], stamp?: FileStamp): Entry {
  const lines = signatureLines(found);
  const objects = lines.map(({ header, json }) => {
    const [filePath, apiVersion, kind, name, namespace, keys] = JSON.parse(header) as [string, string, string, string | null, string | null, string[] | null];
    return { filePath, apiVersion, kind, name: name ?? undefined, namespace: namespace ?? undefined, keys: keys ?? undefined, object: JSON.parse(json) as RunObject['object'] };
  });
  return { stamp, objects, signature: lines };
}

/**
 * An open document's entry from its analysis' own parses: the objects are kept as they are (parse
 * output is never changed after the analysis; the snapshot keeps the text alive anyway), and the
 * signature reuses the JSON of each object whose document did not change, so a keystroke
 * serialises the edited document only.
 */
function openEntryFrom(found: readonly RunObject[]): Entry {
  return {
    objects: found,
    signature: signatureLines(found),
  };
}

export class WorkspaceIndex implements WorkspaceObjects {
  generation = 0;
  private timerIsShort = false;
  /** The `.gitignore` rules of the folders walked (files git ignores are not the repository's own). */
  private readonly gitignore = new GitignoreRules();
  private readonly disk = new Map<string, Entry>();
  /** CRD files of the `crds` setting, by path (only their CustomResourceDefinitions). */
  private crds = new Map<string, Entry>();
  private readonly open = new Map<string, Entry & { version: number; checked: boolean }>();
  private bytes = 0;
  private cached: RunObject[] | undefined;
  /** Paths to look at again and whether the last event said deleted. */
  private readonly queue = new Map<string, 'changed' | 'deleted'>();
  private scanRequested = false;
  private running = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private revalidatedGeneration = 0;
  private readonly warned = new Set<string>();
  private disposed = false;
  /** Work outside the index that may start a walk (a settings check): busy meanwhile. */
  private held = 0;

  constructor(
    private readonly host: IndexHost,
    private readonly limits: IndexLimits = INDEX_LIMITS,
  ) {}

  get busy(): boolean {
    return this.running || this.held > 0 || this.timer !== undefined || this.scanRequested || this.queue.size > 0;
  }

  /** Counts `work` as the index's own (busy until it settles). */
  async hold<T>(work: Promise<T>): Promise<T> {
    this.held += 1;
    try {
      return await work;
    } finally {
      this.held -= 1;
    }
  }

  objects(): readonly RunObject[] | undefined {
    if (this.host.folders().length === 0) return undefined;
    if (!this.cached) {
      const all: RunObject[] = [];
      for (const [filePath, entry] of this.disk) if (!this.open.has(filePath)) all.push(...entry.objects);
      for (const entry of this.open.values()) all.push(...entry.objects);
      // A CRD file inside the workspace is already there.
      for (const [filePath, entry] of this.crds) if (!this.disk.has(filePath) && !this.open.has(filePath)) all.push(...entry.objects);
      this.cached = all;
    }
    return this.cached;
  }

  noteOpen(docSettings: DocumentSettings, version: number, found: (() => readonly RunObject[]) | undefined): void {
    const filePath = docSettings.filePath;
    if (filePath === undefined || docSettings.folder === undefined || !insideIndexedFolder(this.host.folders(), filePath)) return;
    const checked = found !== undefined;
    const known = this.open.get(filePath);
    if (known && known.version === version && known.checked === checked) return;
    const before = this.effective(filePath);
    this.open.set(filePath, { ...(found ? openEntryFrom(found()) : NONE), version, checked });
    this.changedIf(before, filePath, OPEN_EDIT_DEBOUNCE_MS);
  }

  /** The document was closed: its disk copy counts again (read anew: unsaved edits are gone). */
  forgetOpen(filePath: string): void {
    if (!this.open.has(filePath)) return;
    const before = this.effective(filePath);
    this.open.delete(filePath);
    this.changedIf(before, filePath);
    this.fileChanged(filePath, 'changed');
  }

  /** Walks the folders again (start-up, or settings that decide which files are checked changed). */
  rescan(): void {
    this.scanRequested = true;
    void this.run();
  }

  fileChanged(filePath: string, change: 'changed' | 'deleted'): void {
    if (change === 'changed' && !isIndexedName(path.basename(filePath))) return;
    this.queue.delete(filePath); // the latest event decides, in arrival order
    this.queue.set(filePath, change);
    void this.run();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.queue.clear();
    this.scanRequested = false;
  }

  private effective(filePath: string): readonly SignatureLine[] {
    return (this.open.get(filePath) ?? this.disk.get(filePath) ?? NONE).signature;
  }

  private changedIf(before: readonly SignatureLine[], filePath: string, delay = REVALIDATE_DEBOUNCE_MS): void {
    if (sameSignature(before, this.effective(filePath))) return;
    this.generation += 1;
    this.cached = undefined;
    this.armRevalidation(delay);
  }

  private setDisk(filePath: string, entry: Entry | undefined): void {
    const before = this.effective(filePath);
    const previous = this.disk.get(filePath);
    this.bytes -= previous?.stamp?.size ?? 0;
    if (entry) {
      this.disk.set(filePath, entry);
      this.bytes += entry.stamp?.size ?? 0;
    } else {
      this.disk.delete(filePath);
    }
    this.changedIf(before, filePath);
  }

  /** One revalidation when the changes settle and no work is left (not one per file of a checkout). */
  private armRevalidation(delay = REVALIDATE_DEBOUNCE_MS): void {
    if (this.disposed) return;
    // Disk events come in bursts (a checkout): wait for them to settle. An open document's edit is
    // one change the user is waiting to see reflected in the other open files.
    // A short wait already pending stays (typing is throttled, not postponed); anything else restarts.
    if (this.timer && this.timerIsShort) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerIsShort = delay < REVALIDATE_DEBOUNCE_MS;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerIsShort = false;
      if (this.running) return; // run() arms it again when it ends
      if (this.generation === this.revalidatedGeneration) return;
      this.revalidatedGeneration = this.generation;
      this.host.changed();
    }, delay);
  }

  /** One worker: a requested walk first, then file events in arrival order. */
  private async run(): Promise<void> {
    if (this.running || this.disposed) return;
    this.running = true;
    try {
      for (;;) {
        if (this.disposed) return;
        // A step that fails is logged and the next one runs: the queue always drains.
        try {
          if (this.scanRequested) {
            this.scanRequested = false;
            await this.scan();
            continue;
          }
          const next = this.queue.entries().next();
          if (next.done) break;
          const [filePath, change] = next.value;
          this.queue.delete(filePath);
          await this.apply(filePath, change);
          await this.host.yieldNow();
        } catch (error) {
          this.host.log(`podwise: workspace index: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } finally {
      this.running = false;
      if (this.generation !== this.revalidatedGeneration) this.armRevalidation();
    }
  }

  private async apply(filePath: string, change: 'changed' | 'deleted'): Promise<void> {
    if (change === 'deleted') {
      // A deleted folder comes as one event for the folder: its files go with it.
      const prefix = filePath.endsWith(path.sep) ? filePath : filePath + path.sep;
      for (const known of [...this.disk.keys()]) if (known === filePath || known.startsWith(prefix)) this.setDisk(known, undefined);
      return;
    }
    if (!insideIndexedFolder(this.host.folders(), filePath) || this.gitignore.ignores(filePath) || !(await this.host.isChecked(filePath))) {
      this.setDisk(filePath, undefined);
      return;
    }
    const known = this.disk.get(filePath);
    if (!known && this.disk.size >= this.limits.maxFiles) {
      this.warnOnce('files', `more than ${this.limits.maxFiles} YAML files`);
      return;
    }
    const read = await this.host.files.read(filePath, MAX_FILE_SIZE);
    if (read && this.bytes - (known?.stamp?.size ?? 0) + read.stamp.size > this.limits.maxBytes) {
      this.warnOnce('bytes', 'more YAML than it reads');
      return;
    }
    this.setDisk(filePath, read ? await this.entryInSlices(filePath, read.text, read.stamp) : undefined);
  }

  /** Walks every folder in sorted order; files whose size and time did not change are not read again. */
  private async scan(): Promise<void> {
    const started = Date.now();
    const seen = new Set<string>();
    const kept = new Set<string>();
    const budget = { files: 0, bytes: 0, entries: 0 };
    this.gitignore.clear();
    const walk = async (folder: string, parent?: string): Promise<boolean> => {
      const entries = (await this.host.files.list(folder)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const hasGitignore = entries.some((entry) => entry.name === '.gitignore' && entry.kind === 'file');
      const gitignore = hasGitignore ? await this.host.files.read(path.join(folder, '.gitignore'), MAX_GITIGNORE_BYTES) : undefined;
      this.gitignore.enter(folder, parent, gitignore?.text);
      for (const entry of entries) {
        if (this.scanRequested || this.disposed) return false; // a newer walk replaces this one
        budget.entries += 1;
        if (budget.entries > this.limits.maxEntries) return this.warnOnce('entries', `more than ${this.limits.maxEntries} files and folders`);
        const full = path.join(folder, entry.name);
        if (this.gitignore.ignores(full, entry.kind === 'directory')) continue;
        if (entry.kind === 'directory') {
          if (!SKIPPED_FOLDERS.has(entry.name) && !(await walk(full, folder))) return false;
          continue;
        }
        if (entry.kind !== 'file' || !isIndexedName(entry.name) || seen.has(full)) continue;
        seen.add(full);
        if (!(await this.host.isChecked(full))) continue;
        if (budget.files >= this.limits.maxFiles) return this.warnOnce('files', `more than ${this.limits.maxFiles} YAML files`);
        // An open document counts by its text (noteOpen): its disk copy is read when it closes (forgetOpen).
        const entryRead = this.open.has(full) ? await this.unreadWhileOpen(full) : await this.load(full);
        await this.host.yieldNow();
        if (!entryRead) continue;
        if (budget.bytes + (entryRead.stamp?.size ?? 0) > this.limits.maxBytes) return this.warnOnce('bytes', 'more YAML than it reads');
        budget.files += 1;
        budget.bytes += entryRead.stamp?.size ?? 0;
        kept.add(full);
        this.setDisk(full, entryRead);
      }
      return true;
    };
    for (const folder of [...this.host.folders()].sort()) if (!(await walk(folder))) break;
    if (this.scanRequested || this.disposed) return;
    // Files no longer there, no longer checked, or past a limit leave the index.
    for (const known of [...this.disk.keys()]) if (!kept.has(known)) this.setDisk(known, undefined);
    // Open documents of a folder that left the workspace no longer count either.
    for (const [filePath, entry] of [...this.open]) {
      if (insideIndexedFolder(this.host.folders(), filePath)) continue;
      this.open.delete(filePath);
      this.changedIf(entry.signature, filePath);
    }
    await this.readCrds();
    if (this.scanRequested || this.disposed) return;
    const objects = [...this.disk.values()].reduce((sum, entry) => sum + entry.objects.length, 0);
    const crds = this.crds.size > 0 ? `, ${[...this.crds.values()].reduce((sum, entry) => sum + entry.objects.length, 0)} CRDs from ${this.crds.size} crds files` : '';
    this.host.log(`podwise: workspace index: ${budget.files} YAML files, ${objects} objects${crds} (${Date.now() - started} ms)`);
  }

  /** Reads the files the `crds` setting names (globs expanded, bounded); keeps their CRDs. */
  private async readCrds(): Promise<void> {
    const patterns = (await this.host.crdPatterns?.()) ?? [];
    const files = new Set<string>();
    const budget = { entries: 0 };
    for (const pattern of patterns) {
      if (files.size >= CRD_LIMITS.maxFiles || this.scanRequested || this.disposed) break;
      await this.expandCrdPattern(pattern, files, budget);
    }
    const next = new Map<string, Entry>();
    for (const filePath of [...files].slice(0, CRD_LIMITS.maxFiles)) {
      if (this.scanRequested || this.disposed) return;
      const known = this.crds.get(filePath);
      const stamp = await this.host.files.stat(filePath);
      if (!stamp || stamp.size > CRD_LIMITS.maxFileBytes) continue;
      if (known?.stamp && known.stamp.size === stamp.size && known.stamp.mtimeMs === stamp.mtimeMs) {
        next.set(filePath, known);
        continue;
      }
      const read = await this.host.files.read(filePath, CRD_LIMITS.maxFileBytes);
      if (!read) continue;
      next.set(
        filePath,
        entryFrom(
          collectRunObjects(filePath, read.text).filter((object) => object.kind === 'CustomResourceDefinition'),
          read.stamp,
        ),
      );
      await this.host.yieldNow();
    }
    const known = this.crds;
    if (next.size === known.size && [...next].every(([filePath, entry]) => known.has(filePath) && sameSignature(entry.signature, known.get(filePath)?.signature ?? []))) return;
    this.crds = next;
    this.generation += 1;
    this.cached = undefined;
    this.armRevalidation();
  }

  /** A path is one file; a glob is matched under its folder part (links not followed, depth and entries bounded). */
  private async expandCrdPattern(pattern: string, files: Set<string>, budget: { entries: number }): Promise<void> {
    const parts = pattern.split(/[\\/]/);
    const firstGlob = parts.findIndex((part) => /[*?[\]{}]/.test(part));
    if (firstGlob < 0) {
      files.add(pattern);
      return;
    }
    const base = parts.slice(0, firstGlob).join(path.sep) || path.sep;
    const matches = picomatch(parts.join('/'), { dot: false });
    const walk = async (folder: string, depth: number): Promise<void> => {
      if (depth > CRD_LIMITS.maxDepth) return;
      for (const entry of await this.host.files.list(folder)) {
        if (files.size >= CRD_LIMITS.maxFiles || ++budget.entries > CRD_LIMITS.maxEntries) return;
        const full = path.join(folder, entry.name);
        if (entry.kind === 'directory' && !SKIPPED_FOLDERS.has(entry.name)) await walk(full, depth + 1);
        else if (entry.kind === 'file' && /\.ya?ml$/i.test(entry.name) && matches(full.split(path.sep).join('/'))) files.add(full);
      }
    };
    await walk(base, 0);
    if (budget.entries > CRD_LIMITS.maxEntries) this.warnOnce('crds', `crds globs over more than ${CRD_LIMITS.maxEntries} files and folders`);
  }

  /** The file's entry: the known one when its size and time are unchanged, else read anew. */
  private async load(filePath: string): Promise<Entry | undefined> {
    const known = this.disk.get(filePath);
    const stamp = await this.host.files.stat(filePath);
    if (!stamp || stamp.size > MAX_FILE_SIZE) return undefined;
    if (known?.stamp && known.stamp.size === stamp.size && known.stamp.mtimeMs === stamp.mtimeMs) return known;
    const read = await this.host.files.read(filePath, MAX_FILE_SIZE);
    return read ? this.entryInSlices(filePath, read.text, read.stamp) : undefined;
  }

  /** An open document's disk entry during a walk: the one known, else a stand-in without objects (read when it closes). */
  private async unreadWhileOpen(filePath: string): Promise<Entry | undefined> {
    const known = this.disk.get(filePath);
    if (known) return known;
    const stamp = await this.host.files.stat(filePath);
    if (!stamp || stamp.size > MAX_FILE_SIZE) return undefined;
    // No stamp: `load` never takes it for the file's current content.
    return { objects: [], signature: NONE.signature };
  }

  /** The run objects of a file read from disk, its documents parsed in slices of `parseSliceMs` with the event loop let run between them. */
  private async entryInSlices(filePath: string, text: string, stamp: FileStamp): Promise<Entry> {
    const slices = { sliceMs: this.limits.parseSliceMs, pause: () => this.host.yieldNow(), now: () => performance.now() };
    return entryFrom(await collectRunObjectsInSlices(filePath, text, slices), stamp);
  }

  /** Logs a limit once per server (false: the walk stops). */
  private warnOnce(limit: string, what: string): false {
    if (!this.warned.has(limit)) {
      this.warned.add(limit);
      this.host.log(`podwise: the workspace has ${what}; objects past that are not seen by the checks across files.`);
    }
    return false;
  }
}
