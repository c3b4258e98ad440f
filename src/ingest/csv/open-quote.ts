/**
 * Where a quote was never closed. A quoted field may hold line breaks, so a
 * quote left open swallows the lines after it. csv-parse (with `relax_quotes`)
 * reads on until a quote that can end the field; this scan, on the same rules,
 * finds the quoted fields that ran over a line break and did not end properly:
 *
 * - the input ended inside the field, or
 * - the field was ended by a quote followed by text — the opening quote of a
 *   field of a later row (`…;"Beskrivning";…`): a field that really holds line
 *   breaks ends with a quote followed by the delimiter or a line break.
 *
 * Such a field's line is the broken one; the line after it starts afresh.
 * (records.ts also takes a field that runs on past the most a row may hold for
 * one never closed.)
 */
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** The file's delimiter and line endings, as records.ts has them. */
export interface Shape {
  delimiter: string;
  lineEndings: string[];
}

export interface OpenQuote {
  /** The line the quote opened on, and its column (1-based field). */
  line: number;
  column: number;
  /** Where the next line starts: the first byte after the line break that follows the quote; `to` when none does. */
  resumeAt: number;
  /** The field holds a line break (false: the quote opened on the input's last line and nothing came after). */
  crossed: boolean;
  /** It was still open at `to`: more input may close it. */
  open: boolean;
}

/**
 * Scans bytes[from, to), which starts where a record starts, on `line`, for the
 * first quoted field that ran over a line break and was not properly closed, or
 * that is still open at `to`; in the first record only, if asked. Line breaks
 * inside fields are counted as the reader counts them (CRLF, CR or LF, once each).
 */
export function findOpenQuote(bytes: Buffer, from: number, to: number, line: number, shape: Shape, { firstRecord = false } = {}): OpenQuote | undefined {
  const delimiter = Buffer.from(shape.delimiter);
  const endings = shape.lineEndings.map((e) => Buffer.from(e));
  // The first byte decides for most bytes: a comparison of the rest only where it matches.
  const isAt = (token: Buffer, at: number) =>
    bytes[at] === token[0] && at + token.length <= to && (token.length === 1 || bytes.compare(token, 0, token.length, at, at + token.length) === 0);
  const recordEnd = (at: number) => endings.find((e) => isAt(e, at))?.length ?? 0;
  const breakLength = (at: number) => (bytes[at] === CR && at + 1 < to && bytes[at + 1] === LF ? 2 : 1);

  let column = 1;
  let fieldStart = true;
  let at = from;
  while (at < to) {
    if (fieldStart && bytes[at] === QUOTE) {
      const opened = { line, column, at };
      let crossed = false;
      let p = at + 1;
      for (;;) {
        if (p >= to) return where(opened, crossed, true);
        const b = bytes[p]!;
        if (b === CR || b === LF) {
          crossed = true;
          line++;
          p += breakLength(p);
        } else if (b !== QUOTE) p++;
        else if (p + 1 < to && bytes[p + 1] === QUOTE) p += 2;
        else if (p + 1 >= to || isAt(delimiter, p + 1) || recordEnd(p + 1) > 0) {
          at = p + 1;
          break;
        } else if (crossed) return where(opened, crossed, false);
        else {
          // A quote followed by text on the field's own line: the rest of the field is text, as csv-parse reads it.
          at = p + 1;
          break;
        }
      }
      fieldStart = false;
      continue;
    }
    if (isAt(delimiter, at)) {
      column++;
      fieldStart = true;
      at += delimiter.length;
      continue;
    }
    const ending = recordEnd(at);
    if (ending > 0) {
      if (firstRecord) return undefined;
      line++;
      column = 1;
      fieldStart = true;
      at += ending;
      continue;
    }
    // A CR or LF that ends no record is text, and a line of the file all the same.
    if (bytes[at] === CR || bytes[at] === LF) line++;
    fieldStart = false;
    at++;
  }
  return undefined;

  function where(opened: { line: number; column: number; at: number }, crossed: boolean, open: boolean): OpenQuote {
    let next = opened.at + 1;
    while (next < to && bytes[next] !== CR && bytes[next] !== LF) next++;
    return { line: opened.line, column: opened.column, resumeAt: next < to ? next + breakLength(next) : to, crossed, open };
  }
}
