// The file-system side of the language server's workspace index (lsp/workspace-index.ts): list a
// folder, stat a file, read a file with a byte limit. The index itself never touches `fs`, so it
// can be tested with a fake and the rules about what is read stay in one place. Symbolic links are
// never followed (listed as links, refused when read with O_NOFOLLOW): a link loop cannot trap the
// walk, and a stray `outside -> /usr` link cannot pull files from outside the workspace into it.
import { promises as fs } from 'node:fs';
import { decodeText } from '../engine/decode-text';
import { readFileBounded } from '../shared/read-bounded';

export type EntryKind = 'file' | 'directory' | 'link' | 'other';

export interface FolderEntry {
  name: string;
  kind: EntryKind;
}

/** Enough of a file's state to tell whether it changed since it was read. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export interface WorkspaceFiles {
  /** The entries of a folder; an unreadable folder has none. */
  list(folder: string): Promise<FolderEntry[]>;
  /** Size and modification time of a regular file; undefined when it is gone or not a regular file. */
  stat(file: string): Promise<FileStamp | undefined>;
  /** The decoded text of a regular file of at most `limit` bytes; undefined for anything else. */
  read(file: string, limit: number): Promise<{ text: string; stamp: FileStamp } | undefined>;
}

export function createWorkspaceFiles(): WorkspaceFiles {
  return {
    async list(folder) {
      try {
        const entries = await fs.readdir(folder, { withFileTypes: true });
        return entries.map((entry) => ({
          name: entry.name,
          kind: entry.isSymbolicLink() ? 'link' : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other',
        }));
      } catch {
        return [];
      }
    },
    async stat(file) {
      try {
        const stat = await fs.lstat(file);
        return stat.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
      } catch {
        return undefined;
      }
    },
    async read(file, limit) {
      try {
        // Stat first: the stamp then belongs to these bytes or older ones (a change after it is read again).
        const before = await fs.lstat(file);
        if (!before.isFile() || before.size > limit) return undefined;
        const read = await readFileBounded(file, limit, { regularOnly: true, noFollow: true });
        if (read.kind !== 'read') return undefined;
        return { text: decodeText(read.bytes).text, stamp: { size: before.size, mtimeMs: before.mtimeMs } };
      } catch {
        return undefined;
      }
    },
  };
}
