// `podwise fix` over files: fixes each text (fix.ts), then writes it back atomically, prints a
// diff (`--dry-run`), or prints the fixed text (standard input).
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { encodingLabel, type TextEncoding } from '../engine/decode-text';
import type { Severity } from '../engine/types';
import { readFileBounded } from '../shared/read-bounded';
import { InputError, MAX_FILE_BYTES, type LoadedText, type TextHandler } from './check';
import type { Palette } from './colors';
import { fixText } from './fix';
import { ioMessage } from './inputs';
import { placeFindings } from './report';
import { unifiedDiff } from './unified-diff';

export interface FixOptions {
  dryRun: boolean;
  minSeverity: Severity;
  /** Where diffs (`--dry-run`) go. */
  output: (text: string) => void;
  /** Where standard input's fixed text goes, in its own encoding. */
  outputBytes: (bytes: Uint8Array) => void;
  note: (message: string) => void;
  diffColors: Palette;
  /** Escape terminal controls in diffs (stdout is a terminal). */
  escapeDiff: boolean;
}

export interface FixTally {
  problems: number;
  files: number;
}

/** A TextHandler for checkFiles that fixes each file and returns the findings left. */
export function fixHandler(options: FixOptions, tally: FixTally): TextHandler {
  return async (loaded: LoadedText) => {
    const result = fixText(loaded.text, loaded.analyzeOptions, options.minSeverity);
    if (result.refused !== undefined) options.note(`${loaded.name}: ${result.fixed > 0 ? 'some problems not fixed' : 'not fixed'}: ${result.refused}`);
    const changed = result.text !== loaded.text;
    if (changed && loaded.replaced && !options.dryRun) {
      // Writing the text back would turn the invalid bytes into U+FFFD for good.
      options.note(`${loaded.name}: not fixed: it has bytes that are not valid ${encodingLabel(loaded.encoding)}, which writing it would replace`);
      if (loaded.stdin) options.outputBytes(loaded.bytes);
      return placeFindings(loaded.name, loaded.text, result.before);
    }
    if (options.dryRun) {
      if (changed) options.output(unifiedDiff(loaded.name, loaded.text, result.text, { colors: options.diffColors, escape: options.escapeDiff }));
    } else if (loaded.stdin) {
      options.outputBytes(changed ? encodeText(result.text, loaded.encoding) : loaded.bytes);
    } else if (changed) {
      const written = await writeBack(loaded, encodeText(result.text, loaded.encoding));
      if (!written) {
        options.note(`${loaded.name}: not fixed: it changed while it was being fixed`);
        return placeFindings(loaded.name, loaded.text, result.before);
      }
    }
    if (changed) {
      tally.problems += result.fixed;
      tally.files += 1;
    }
    return placeFindings(loaded.name, result.text, result.findings);
  };
}

/** The text in the file's own encoding, byte order mark included. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}

/**
 * Replaces the file's content atomically: a temporary file in the same folder (same file system,
 * so `rename` is atomic: a reader sees the old or the new file, never half of one), written,
 * flushed, given the file's mode, then renamed over it. A symbolic link is resolved first, so the
 * link stays a link and its target gets the new text. Returns false, writing nothing, when the file
 * no longer holds the bytes that were fixed (an editor or a formatter wrote it meanwhile).
 */
async function writeBack(loaded: LoadedText, data: Buffer): Promise<boolean> {
  const target = await fs.realpath(loaded.absolute as string);
  const now = await readFileBounded(target, MAX_FILE_BYTES, { regularOnly: true });
  if (now.kind !== 'read' || !now.bytes.equals(loaded.bytes)) return false;
  const stat = await fs.stat(target);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.podwise-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      // open's mode is filtered by the umask; chmod is not.
      await handle.chmod(stat.mode & 0o7777);
      if (process.getuid?.() === 0) await handle.chown(stat.uid, stat.gid).catch(() => undefined);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.unlink(temporary).catch(() => undefined);
    throw new InputError(`cannot write the fixed file: ${ioMessage(error)}`);
  }
  return true;
}
