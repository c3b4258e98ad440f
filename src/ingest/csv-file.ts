/**
 * The bytes of one CSV file → records with their physical line numbers: the
 * encoding detected (or given), Excel's `sep=` line honoured, the delimiter
 * sniffed from the header, BOM and CRLF handled. A byte range of the file can be
 * read on its own, which is how large files are parsed on several cores.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';
import { CsvRecords, MAX_RECORD_CHARS, type OnRecord } from './csv-records.js';
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

const CANDIDATES = [',', ';', '\t', '|'] as const;
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
 * The line endings of the sample. A file that mixes them (appended to in another
 * editor) is parsed with all three, which is correct but slower: its lines are
 * never split without csv-parse. Only the first 256 KB are looked at.
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

export interface ReadCsvOptions {
  range?: ByteRange;
  onBytes?: (n: number) => void;
  /**
   * When the range ends inside a record (its cut fell inside a quoted field), this is
   * called and the file read on to its end instead of failing: for the first part of
   * a file read in parts.
   */
  runOn?: () => void;
  /** False only to check the split of plain runs against csv-parse. */
  plainRuns?: boolean;
}

/**
 * Streams the records of the file (or of one byte range of it), blank lines
 * and rows of empty cells left out. Resolves when done or stopped; `ranOn`
 * when the range's last record went on past its end.
 */
export async function readCsv(shape: CsvShape, onRecord: OnRecord, options: ReadCsvOptions = {}): Promise<{ ranOn: boolean; nextLine: number }> {
  const { file } = shape;
  const range = options.range ?? { start: 0, end: shape.size, firstLine: 1 };
  const records = new CsvRecords(shape, range.firstLine, onRecord, { plainRuns: options.plainRuns });
  try {
    if (!(await feed(shape, records, range, options.onBytes))) return { ranOn: false, nextLine: records.nextLine };
    const ranOn = options.runOn !== undefined && records.pending && range.end < shape.size;
    if (ranOn) options.runOn!();
    // The bytes read on were counted by the part they belong to: they are reported as none.
    const readOn = options.onBytes && (() => options.onBytes!(0));
    if (ranOn && !(await feed(shape, records, { start: range.end, end: shape.size, firstLine: records.lineAfterPending() }, readOn))) return { ranOn, nextLine: records.nextLine };
    await records.end();
    return { ranOn, nextLine: records.nextLine };
  } catch (error) {
    throw describeError(file, error, records.nextLine);
  }
}

/** The bytes of a range, decoded, into the records; false when the reader stopped. */
async function feed(shape: CsvShape, records: CsvRecords, range: ByteRange, onBytes?: (n: number) => void): Promise<boolean> {
  if (range.end <= range.start) return true;
  const source = createReadStream(shape.file, { start: range.start, end: range.end - 1, highWaterMark: 256 * 1024 });
  const decoder = utf8Stream(shape.encoding.encoding, range.firstLine);
  source.on('error', (error) => decoder.destroy(error));
  if (onBytes) source.on('data', (chunk) => onBytes(chunk.length));
  source.pipe(decoder);
  try {
    for await (const chunk of decoder) if (!(await records.write(chunk as Buffer))) return false;
    return true;
  } finally {
    source.destroy();
  }
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
