/**
 * Where a CSV file can be cut into parts that parse on their own: at a line
 * break outside quotes. Found by one scan of the bytes for quotes and line
 * breaks (native indexOf, so it costs a small fraction of parsing them).
 */
import { read } from 'node:fs';
import { promisify } from 'node:util';
import type { ByteRange, SourceLayout } from '../ingest/source.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CHUNK = 4 << 20;
const readAt = promisify(read);

/**
 * Up to `parts` ranges, each starting at a record boundary with its physical
 * line number; null when the file has no such boundary. The first holds
 * `firstShare` of an equal part's bytes, the others the rest equally.
 * Only for encodings in which `"` and a line feed are single bytes of their own.
 */
export async function splitAtRecords({ fd, size }: Pick<SourceLayout, 'fd' | 'size'>, parts: number, firstShare = 1): Promise<ByteRange[] | null> {
  const first = size / parts * firstShare;
  const targets = Array.from({ length: parts - 1 }, (_, i) => Math.floor(first + ((size - first) * i) / (parts - 1)));
  const cuts: { at: number; line: number }[] = [];
  const buffer = Buffer.alloc(CHUNK);
  let quoted = false;
  let line = 1;
  let position = 0;
  while (cuts.length < targets.length && position < size) {
    const { bytesRead } = await readAt(fd, buffer, 0, CHUNK, position);
    if (bytesRead === 0) break;
    const bytes = buffer.subarray(0, bytesRead);
    let quote = bytes.indexOf(QUOTE);
    let lf = bytes.indexOf(LF);
    while (lf !== -1) {
      // Quotes before this line feed toggle the state; then the line feed counts.
      while (quote !== -1 && quote < lf) {
        quoted = !quoted;
        quote = bytes.indexOf(QUOTE, quote + 1);
      }
      line++;
      const after = position + lf + 1;
      if (!quoted && after >= targets[cuts.length]! && after < size) {
        cuts.push({ at: after, line });
        if (cuts.length === targets.length) break;
      }
      lf = bytes.indexOf(LF, lf + 1);
    }
    while (quote !== -1) {
      quoted = !quoted;
      quote = bytes.indexOf(QUOTE, quote + 1);
    }
    position += bytesRead;
  }
  if (cuts.length === 0) return null;
  const starts = [{ at: 0, line: 1 }, ...cuts];
  return starts.map((s, i) => ({ start: s.at, end: starts[i + 1]?.at ?? size, firstLine: s.line }));
}
