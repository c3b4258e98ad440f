/**
 * The bytes of one CSV file → records with their physical line numbers: the
 * encoding detected (or given), Excel's `sep=` line honoured, the delimiter
 * sniffed from the header, BOM and CRLF handled. A byte range of the file can be
 * read on its own, which is how large files are parsed on several cores.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { CsvError, Parser, type Options } from 'csv-parse';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';
import { DecodeError, detectEncoding, givenEncoding, utf8Stream, type DetectedEncoding } from './encoding.js';

export interface CsvShape {
  file: string;
  size: number;
  encoding: DetectedEncoding;
  delimiter: string;
  /** Line endings seen in the sample; several when a file mixes them. */
  lineEndings: string[];
}

/** A part of a file that starts at a record boundary: its first byte and physical line. */
export interface ByteRange {
  start: number;
  /** Exclusive. */
  end: number;
  firstLine: number;
}

/** Called for each record; return false to stop reading. */
export type OnRecord = (fields: string[], line: number) => boolean | void;

const CANDIDATES = [',', ';', '\t', '|'] as const;
export const MAX_RECORD_CHARS = 1_000_000;
const SAMPLE_BYTES = 256 * 1024;
export const SEP_LINE = /^"?sep=(.)"?$/i;

/** Encoding and delimiter, from the file's first bytes; fails with a one-line message naming the file. */
export async function sniffCsv(file: string, options: { encoding?: string } = {}): Promise<CsvShape> {
  const { sample, size } = await readSample(file);
  const encoding = options.encoding ? givenEncoding(options.encoding) : detectEncoding(sample);
  // The header is the first line with text; blank lines before it are not rows.
  const text = iconv.decode(Buffer.from(sample), encoding.encoding).replace(/^\uFEFF/, '');
  const first = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  const sep = SEP_LINE.exec(first.trim());
  return { file, size, encoding, delimiter: sep ? sep[1]! : sniffDelimiter(first), lineEndings: lineEndings(text) };
}

/**
 * The line endings of the sample. With one kind, csv-parse finds it itself, which is
 * fastest; a file that mixes them (appended to in another editor) is parsed with all
 * three, which is correct but slower. Only the first 256 KB are looked at.
 */
function lineEndings(text: string): string[] {
  const crlf = text.includes('\r\n');
  const lf = /(^|[^\r])\n/.test(text);
  const cr = /\r(?!\n)/.test(text);
  const seen = [crlf && '\r\n', lf && '\n', cr && '\r'].filter((e): e is string => e !== false);
  return seen.length === 0 ? ['\r\n', '\n', '\r'] : seen.length === 1 ? seen : ['\r\n', '\n', '\r'];
}

async function readSample(file: string): Promise<{ sample: Uint8Array; size: number }> {
  let handle;
  try {
    handle = await open(file, 'r');
    const { size } = await handle.stat();
    if (size === 0) throw new InputError({ file }, 'the file is empty');
    const buffer = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { sample: buffer.subarray(0, bytesRead), size };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError({ file }, cannotRead(error), { cause: error });
  } finally {
    await handle?.close();
  }
}

/** The candidate that occurs most often outside quotes in the header line; comma on a tie. */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const c of CANDIDATES) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}

/**
 * Streams the records of the file (or of one byte range of it), blank lines
 * and rows of empty cells left out. Resolves when done or stopped.
 */
export function readCsv(shape: CsvShape, onRecord: OnRecord, options: { range?: ByteRange; onBytes?: (n: number) => void } = {}): Promise<void> {
  const { file, delimiter } = shape;
  const range = options.range ?? { start: 0, end: shape.size, firstLine: 1 };
  // `relax_quotes` takes a quote inside an unquoted field (`Han sa "hej"`) as text, as Excel does.
  const parser = new LineCountingParser({
    delimiter,
    record_delimiter: shape.lineEndings.length === 1 ? undefined : shape.lineEndings,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    // A row of an export is a few hundred characters: one that runs on past this is a quote never closed, or not CSV.
    max_record_size: MAX_RECORD_CHARS,
    // Blank lines are no rows; left in, each would cost csv-parse an error object (a file of them took minutes).
    skip_empty_lines: true,
  });
  const source = createReadStream(file, { start: range.start, end: Math.max(range.start, range.end - 1), highWaterMark: 256 * 1024 });
  const decoder = utf8Stream(shape.encoding.encoding, range.firstLine);
  /** Where the next record starts, as far as is known: for a quote that is never closed. */
  let line = range.firstLine;
  let crlfInside = 0;
  let previousEnd = 0;
  let stopped = false;
  const crOnly = shape.lineEndings.length === 1 && shape.lineEndings[0] === '\r';

  return new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      if (stopped) return;
      stopped = true;
      source.destroy();
      reject(describeError(file, error, line));
    };
    source.on('error', fail);
    decoder.on('error', fail);
    parser.on('error', fail);
    if (options.onBytes) source.on('data', (chunk) => options.onBytes!(chunk.length));
    parser.on('readable', () => {
      let record: string[] | null;
      try {
        while (!stopped && (record = parser.read() as string[] | null) !== null) {
          // csv-parse says on which line a record ends, but counts a CRLF inside a quoted field as two lines.
          const endsOn = parser.endLine();
          const spans = endsOn - previousEnd;
          previousEnd = endsOn;
          // A record one line after the last has no line break inside and no blank line before it: most records.
          if (spans > 1) crlfInside += countCrlf(record);
          const end = range.firstLine - 1 + endsOn - crlfInside;
          const start = spans > 1 ? end - breaksInside(record, crOnly) : end;
          line = end + 1;
          if (isEmptyRow(record)) continue;
          if (onRecord(record, start) === false) {
            stopped = true;
            source.destroy();
            resolve();
          }
        }
      } catch (error) {
        fail(error);
      }
    });
    parser.on('end', () => {
      if (!stopped) resolve();
    });
    if (range.end <= range.start) parser.end();
    else source.pipe(decoder).pipe(parser);
  });
}

/**
 * csv-parse's stream, with the line each record ends on. Its `info: true` option
 * gives that too, but copies all of `info` into a new object per record: a third
 * of the parse time on a million rows. Here the (documented) `info.lines` is read
 * as each record is pushed, which csv-parse does as soon as the record ends.
 */
class LineCountingParser extends Parser {
  private readonly ends: number[] = [];
  private next = 0;

  constructor(options: Options) {
    super(options);
  }

  override push(record: unknown, encoding?: BufferEncoding): boolean {
    if (record !== null) this.ends.push(this.info.lines);
    return super.push(record, encoding);
  }

  /** The line the record last read ends on (csv-parse's count, from 1). */
  endLine(): number {
    const line = this.ends[this.next++]!;
    if (this.next === this.ends.length) {
      this.ends.length = 0;
      this.next = 0;
    }
    return line;
  }
}

/** Line breaks inside a record's (quoted) fields. A file with CR alone for line ends is the rare case that needs a second look. */
function breaksInside(record: string[], crOnly: boolean): number {
  let n = 0;
  for (const field of record) {
    if (field.indexOf(crOnly ? '\r' : '\n') === -1) continue;
    n += field.match(/\r\n|\r|\n/g)!.length;
  }
  return n;
}

function countCrlf(record: string[]): number {
  let n = 0;
  for (const field of record) for (let i = field.indexOf('\r\n'); i !== -1; i = field.indexOf('\r\n', i + 2)) n++;
  return n;
}

function isEmptyRow(record: string[]): boolean {
  for (const f of record) if (f !== '' && f.trim() !== '') return false;
  return true;
}

function describeError(file: string, error: unknown, recordStart: number): InputError {
  if (error instanceof InputError) return error;
  if (error instanceof CsvError) return csvProblem(file, error, recordStart);
  if (error instanceof DecodeError && error.nul) {
    return new InputError(
      { file, line: error.line },
      'a NUL byte on this line: not a text export, or UTF-16 without its byte-order mark (then give --encoding utf-16le)',
      { cause: error },
    );
  }
  if (error instanceof DecodeError) {
    return new InputError(
      { file, line: error.line },
      'not valid UTF-8 on this line, though the file reads as UTF-8 before it: the line may come from another program; correct it, or give the encoding, e.g. --encoding windows-1252',
      { cause: error },
    );
  }
  return new InputError({ file }, cannotRead(error), { cause: error });
}

function cannotRead(error: unknown): string {
  const words = describeFsError(error);
  return words === 'no such file' || words === 'permission denied' ? words : `cannot read the file: ${words}`;
}

/** csv-parse reports where it gave up; an unclosed quote is better shown where it opened. */
function csvProblem(file: string, error: CsvError, recordStart: number): InputError {
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return new InputError(
      { file, line: recordStart },
      `not readable as CSV: the row that starts on this line runs on for more than ${MAX_RECORD_CHARS.toLocaleString('en')} characters (a quote that is never closed, or not an export)`,
      { cause: error },
    );
  }
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new InputError({ file, line: recordStart }, 'not readable as CSV: a quoted field that starts on this line is never closed', { cause: error });
  }
  const column = (error as CsvError & { index?: number }).index;
  const detail = error.message.replace(/^Invalid [^:]*: /, '').replace(/ at line \d+.*$/, '');
  return new InputError({ file, line: recordStart, column: typeof column === 'number' ? column + 1 : undefined }, `not readable as CSV: ${detail}`, { cause: error });
}
