// Reading files and streams with a byte limit, for the CLI (manifests, stdin, `.podwise.yaml`)
// and the language server (`.podwise.yaml`). Never buffers more than limit + 1 bytes, whatever
// the input: `/dev/zero`, `yes | podwise check -`, a file that grows while it is read.
//
// FIFOs: open(2) of a FIFO blocks until a writer opens the other end, and read(2) blocks until it
// writes (https://man7.org/linux/man-pages/man7/fifo.7.html). With O_NONBLOCK the open returns at
// once, so a caller that wants regular files only can open, fstat and refuse without ever waiting.
import { constants, promises as fs, type Stats } from 'node:fs';
import type { Readable } from 'node:stream';

/** What was read: at most `limit` bytes, or the news that there were more. */
export interface BoundedBytes {
  bytes: Buffer;
  /** True when the input had more than `limit` bytes; `bytes` then holds only a prefix. */
  overLimit: boolean;
}

export type FileRead =
  | { kind: 'read'; bytes: Buffer }
  /** `size` is known for regular files; undefined for a stream that went past the limit. */
  | { kind: 'too-large'; size: number | undefined }
  /** `what` names the kind of file for messages ("a FIFO (named pipe)"); `type` is for code. */
  | { kind: 'not-regular'; type: FileType; what: string };

export type FileType = 'file' | 'directory' | 'symlink' | 'fifo' | 'socket' | 'character-device' | 'block-device' | 'unknown';

export interface ReadFileOptions {
  /**
   * Only regular files are read: anything else is answered `not-regular` without reading or
   * waiting (the file is opened with O_NONBLOCK). When false, a FIFO or character device is read
   * like `cat` does: open waits for a writer, and reading stops at the limit.
   */
  regularOnly: boolean;
  /** Refuse a symbolic link as the last path component (O_NOFOLLOW): it comes back `not-regular`. */
  noFollow?: boolean;
}

const CHUNK = 64 * 1024;
// Windows has neither flag; there a FIFO cannot be a plain path anyway.
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;

export async function readFileBounded(file: string, limit: number, options: ReadFileOptions): Promise<FileRead> {
  const flags = constants.O_RDONLY | (options.regularOnly ? O_NONBLOCK : 0) | (options.noFollow ? O_NOFOLLOW : 0);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENXIO: a Unix socket (it cannot be opened); ELOOP under O_NOFOLLOW: a symbolic link.
    if (code === 'ENXIO' || (code === 'ELOOP' && options.noFollow)) {
      const stat = await fs.lstat(file).catch(() => undefined);
      if (stat) return notRegular(stat);
    }
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory() || (options.regularOnly && !stat.isFile())) return notRegular(stat);
    if (stat.isFile() && stat.size > limit) return { kind: 'too-large', size: stat.size };
    const { bytes, overLimit } = await readHandleBounded(handle, limit);
    // A regular file that grew past the limit after fstat, or a FIFO/device with more to give.
    if (overLimit) return { kind: 'too-large', size: undefined };
    return { kind: 'read', bytes };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Reads an open file until EOF or until more than `limit` bytes came. */
export async function readHandleBounded(handle: fs.FileHandle, limit: number): Promise<BoundedBytes> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    // Ask for at most one byte past the limit: that byte is enough to know the input is too large.
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    chunks.push(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) return { bytes: Buffer.concat(chunks, total).subarray(0, limit), overLimit: true };
  }
  return { bytes: Buffer.concat(chunks, total), overLimit: false };
}

/**
 * Reads a stream (stdin) until its end or until more than `limit` bytes came; then it stops
 * reading and destroys the stream, so the writer gets EPIPE instead of filling our memory.
 */
export async function readStreamBounded(stream: Readable | AsyncIterable<Buffer | string>, limit: number): Promise<BoundedBytes> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buffer);
    total += buffer.length;
    // Leaving the loop calls the iterator's return(), which destroys the stream.
    if (total > limit) return { bytes: Buffer.concat(chunks, total).subarray(0, limit), overLimit: true };
  }
  return { bytes: Buffer.concat(chunks, total), overLimit: false };
}

function notRegular(stat: Stats): FileRead {
  const type = fileType(stat);
  return { kind: 'not-regular', type, what: FILE_TYPE_NAMES[type] };
}

export function fileType(stat: Stats): FileType {
  if (stat.isFile()) return 'file';
  if (stat.isDirectory()) return 'directory';
  if (stat.isSymbolicLink()) return 'symlink';
  if (stat.isFIFO()) return 'fifo';
  if (stat.isSocket()) return 'socket';
  if (stat.isCharacterDevice()) return 'character-device';
  if (stat.isBlockDevice()) return 'block-device';
  return 'unknown';
}

/** "a FIFO", "a folder", … for messages. */
const FILE_TYPE_NAMES: Record<FileType, string> = {
  file: 'a regular file',
  directory: 'a folder',
  symlink: 'a symbolic link',
  fifo: 'a FIFO (named pipe)',
  socket: 'a socket',
  'character-device': 'a character device',
  'block-device': 'a block device',
  unknown: 'a special file',
};

/**
 * `.podwise.yaml` larger than this (1 MiB) is not read. A real one is a few hundred bytes; the
 * limit only keeps a runaway or hostile file from costing memory and parse time.
 */
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;
