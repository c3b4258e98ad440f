/** Where lines end in a chunk of a CSV file, by its line endings: where chunks and csv-parse's runs are cut. */

const LF = 0x0a;
const CR = 0x0d;

/** Where the last complete line of `bytes` ends (0: none). */
export function lastBreak(bytes: Buffer, lineEndings: readonly string[]): number {
  const [only, ...others] = lineEndings;
  if (others.length > 0) {
    // A CR as the last byte may be the first half of a CRLF.
    return Math.max(bytes.lastIndexOf(LF), bytes.length < 2 ? -1 : bytes.lastIndexOf(CR, bytes.length - 2)) + 1;
  }
  if (only === '\r') return bytes.lastIndexOf(CR) + 1;
  let lf = bytes.lastIndexOf(LF);
  if (only === '\r\n') while (lf > 0 && bytes[lf - 1] !== CR) lf = bytes.lastIndexOf(LF, lf - 1);
  return lf <= 0 && only === '\r\n' ? 0 : lf + 1;
}

/** Where the first line break at or after `from` ends (a CRLF whole); `end` when none does before it. */
export function breakAfter(bytes: Buffer, from: number, end: number, lineEndings: readonly string[]): number {
  const [only, ...others] = lineEndings;
  let at: number;
  if (others.length === 0) {
    const i = bytes.indexOf(only!, from);
    at = i === -1 ? -1 : i + only!.length;
  } else {
    const [cr, lf] = [bytes.indexOf(CR, from), bytes.indexOf(LF, from)];
    const first = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
    at = first === -1 ? -1 : first + (bytes[first] === CR && bytes[first + 1] === LF ? 2 : 1);
  }
  return at === -1 || at > end ? end : at;
}

/** In a file that ends lines with LF or CRLF alone: where the line that starts at `from` ends, its line break included; `end` at the latest. */
export function lineEnd(bytes: Buffer, from: number, end: number, crlf: boolean): number {
  let lf = bytes.indexOf(LF, from);
  if (crlf) while (lf !== -1 && lf < end && bytes[lf - 1] !== CR) lf = bytes.indexOf(LF, lf + 1);
  return lf === -1 || lf >= end ? end : lf + 1;
}
