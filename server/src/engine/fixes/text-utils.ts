// Small text helpers for computing edits on YAML source.
import { stringify } from 'yaml';

export function lineStartOf(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the newline that ends the line holding `offset` (or the text's end). */
export function lineEndAfter(source: string, offset: number): number {
  const newline = source.indexOf('\n', offset);
  return newline === -1 ? source.length : newline + 1;
}

export function columnOf(source: string, offset: number): number {
  return offset - lineStartOf(source, offset);
}

/** A value on one line: a scalar, or a flow collection (`{a: 1}`, `[x, y]`). */
export function serializeInline(value: unknown): string {
  return stringify(value, { version: '1.1', lineWidth: 0, flowCollectionPadding: false, collectionStyle: 'flow' }).trimEnd();
}

/** A value as block YAML, every line indented by `indent` spaces, ending in a newline. */
export function serializeBlock(value: unknown, indent: number): string {
  const text = stringify(value, { version: '1.1', lineWidth: 0, indentSeq: true });
  const pad = ' '.repeat(indent);
  return (
    text
      .trimEnd()
      .split('\n')
      .map((line) => (line.length > 0 ? pad + line : line))
      .join('\n') + '\n'
  );
}
