// The file-system side of classifyFile (engine/config/classify-file.ts): "does this file exist",
// synchronous and cached. The CLI keeps answers for its whole run; the language server keeps
// them for a few seconds, so a Chart.yaml created next to a templates/ folder counts on the next
// check after that without a stat per keystroke.
import { statSync } from 'fs';

export interface FileProbeOptions {
  /** How long an answer is kept, in ms; undefined: for the life of the probe. */
  ttlMs?: number;
  /** Answers kept at most (a cleared cache only costs stats). */
  maxEntries?: number;
  /** The clock, for tests. */
  now?: () => number;
}

export type FileProbe = (absolutePath: string) => boolean;

/** A probe that answers true for an existing regular file (a folder named Chart.yaml is no chart). */
export function createFileProbe(options: FileProbeOptions = {}): FileProbe {
  const { ttlMs, maxEntries = 10_000, now = Date.now } = options;
  const cache = new Map<string, { exists: boolean; at: number }>();
  return (absolutePath: string): boolean => {
    const time = now();
    const known = cache.get(absolutePath);
    if (known && (ttlMs === undefined || time - known.at < ttlMs)) return known.exists;
    let exists = false;
    try {
      exists = statSync(absolutePath, { throwIfNoEntry: false })?.isFile() === true;
    } catch {
      exists = false; // unreadable parent, too long a name…: no chart there as far as we can tell
    }
    if (cache.size >= maxEntries) cache.clear();
    cache.set(absolutePath, { exists, at: time });
    return exists;
  };
}
