// Reading the files `podwise check` found in folders, synchronously. They are regular files (a
// folder walk takes nothing else, and a file swapped for a FIFO since is refused here without
// waiting: O_NONBLOCK, then fstat), so a read never blocks on a writer. Four plain system calls per
// file cost a fraction of the promise-based calls (each a round trip through libuv's thread pool
// and the event loop): over a thousand files, a few hundred ms of the main thread's CPU, which the
// worker threads checking the files share the cores with. Files named on the command line may be
// FIFOs (`<(helm template .)`) and keep the asynchronous read (shared/read-bounded.ts).
// https://nodejs.org/api/fs.html#synchronous-api
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { fileType, type FileRead } from '../shared/read-bounded';

const O_NONBLOCK = constants.O_NONBLOCK ?? 0;
const CHUNK = 64 * 1024;

/** A regular file's bytes, at most `limit` of them; anything else is `not-regular`, unread. */
export function readRegularFileSync(file: string, limit: number): FileRead {
  const fd = openSync(file, constants.O_RDONLY | O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { kind: 'not-regular', type: fileType(stat), what: 'not a regular file' };
    if (stat.size > limit) return { kind: 'too-large', size: stat.size };
    // The size fstat gives, plus one byte to notice a file that grew past the limit meanwhile.
    let buffer = Buffer.allocUnsafe(Math.min(stat.size, limit) + 1);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > limit) return { kind: 'too-large', size: undefined };
        const larger = Buffer.allocUnsafe(Math.min(buffer.length + CHUNK, limit + 1));
        buffer.copy(larger, 0, 0, total);
        buffer = larger;
      }
      const read = readSync(fd, buffer, total, buffer.length - total, null);
      if (read === 0) break;
      total += read;
    }
    if (total > limit) return { kind: 'too-large', size: undefined };
    return { kind: 'read', bytes: buffer.subarray(0, total) };
  } finally {
    closeSync(fd);
  }
}
