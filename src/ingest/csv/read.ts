/**
 * The bytes of one CSV file → records with their physical line numbers, BOM and
 * CRLF handled, decoded by the layout's encoding. A byte range of the file can be
 * read on its own, which is how large files are parsed on several cores.
 */
import { read } from 'node:fs';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { CsvError } from 'csv-parse';
import { InputError } from '../../errors.js';
import { DecodeError, decodeProblem, utf8Stream } from '../encoding.js';
import { assertUnchanged, cannotRead } from '../input-file.js';
import type { ByteRange, OnRecord, RecordReadOptions, RecordsRead } from '../source.js';
import { CsvRecords, MAX_RECORD_CHARS } from './records.js';
import type { CsvLayout } from './sniff.js';

const CHUNK_BYTES = 256 * 1024;
const readAt = promisify(read);

export interface ReadCsvOptions extends RecordReadOptions {
  /** False only to check the split of plain runs against csv-parse. */
  plainRuns?: boolean;
}

/**
 * Streams the records of the file (or of one byte range of it), blank lines
 * and rows of empty cells left out. Resolves when done or stopped; `ranOn`
 * when the range's last record went on past its end.
 */
export async function readCsv(shape: CsvLayout, onRecord: OnRecord, options: ReadCsvOptions = {}): Promise<RecordsRead> {
  const { file } = shape;
  const range = options.range ?? { start: 0, end: shape.size, firstLine: 1 };
  const records = new CsvRecords(shape, range.firstLine, onRecord, { plainRuns: options.plainRuns, onBroken: options.onBroken });
  try {
    if (!(await feed(shape, records, range, options.onBytes))) return { ranOn: false, nextLine: records.nextLine };
    const ranOn = options.runOn !== undefined && records.pending && range.end < shape.size;
    if (ranOn) options.runOn!();
    // The bytes read on were counted by the part they belong to: they are reported as none.
    const readOn = options.onBytes && (() => options.onBytes!(0));
    if (ranOn && !(await feed(shape, records, { start: range.end, end: shape.size, firstLine: records.lineAfterPending() }, readOn))) return { ranOn, nextLine: records.nextLine };
    await records.end({ atFileEnd: ranOn || range.end >= shape.size });
    return { ranOn, nextLine: records.nextLine };
  } catch (error) {
    throw describeError(file, error, records.nextLine);
  }
}

/** The bytes of a range, decoded, into the records; false when the reader stopped. */
async function feed(shape: CsvLayout, records: CsvRecords, range: ByteRange, onBytes?: (n: number) => void): Promise<boolean> {
  if (range.end <= range.start) return true;
  const source = Readable.from(bytesOf(shape.fd, range.start, range.end), { objectMode: false });
  const decoder = utf8Stream(shape.encoding.encoding, range.firstLine);
  source.on('error', (error) => decoder.destroy(error));
  if (onBytes) source.on('data', (chunk) => onBytes(chunk.length));
  source.pipe(decoder);
  try {
    for await (const chunk of decoder) {
      assertUnchanged(shape);
      if (!(await records.write(chunk as Buffer))) return false;
    }
    return true;
  } finally {
    source.destroy();
  }
}

/**
 * The bytes from `start` to `end`, from the descriptor opened once, at their positions: the parts of a file
 * read on several threads share it, and it stays open for them (an fs stream's destroy() would close it).
 */
async function* bytesOf(fd: number, start: number, end: number): AsyncGenerator<Buffer> {
  for (let position = start; position < end; ) {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, end - position));
    const { bytesRead } = await readAt(fd, buffer, 0, buffer.length, position);
    if (bytesRead === 0) return; // cut short meanwhile: the check of the file says so
    position += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

function describeError(file: string, error: unknown, recordStart: number): InputError {
  if (error instanceof InputError) return error;
  if (error instanceof CsvError) return csvProblem(file, error, recordStart);
  if (error instanceof DecodeError) return new InputError({ file, line: error.line }, decodeProblem(error), { cause: error });
  return new InputError({ file }, cannotRead(error), { cause: error });
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
    const { quoteLine, quoteColumn } = error as CsvError & { quoteLine?: number; quoteColumn?: number };
    return new InputError({ file, line: quoteLine ?? recordStart, column: quoteColumn }, 'not readable as CSV: a quoted field that starts on this line is never closed', {
      cause: error,
    });
  }
  const column = (error as CsvError & { index?: number }).index;
  const detail = error.message.replace(/^Invalid [^:]*: /, '').replace(/ at line \d+.*$/, '');
  return new InputError({ file, line: recordStart, column: typeof column === 'number' ? column + 1 : undefined }, `not readable as CSV: ${detail}`, { cause: error });
}
