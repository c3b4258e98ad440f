/**
 * Streams the records of one CSV file with their physical line numbers: the
 * encoding detected (or given), Excel's `sep=` line honoured, the delimiter
 * sniffed from the header, BOM and CRLF handled.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';
import { DecodeError, decodingStream, detectEncoding, givenEncoding, type DetectedEncoding } from './encoding.js';

export interface CsvRecord {
  fields: string[];
  /** 1-based physical line where the record starts. */
  line: number;
}

export interface CsvFile {
  file: string;
  encoding: DetectedEncoding;
  delimiter: string;
  /** True when the file starts with Excel's `sep=X` line, which named the delimiter. */
  sepLine: boolean;
  records: AsyncIterable<CsvRecord>;
}

const CANDIDATES = [',', ';', '\t', '|'] as const;
const SAMPLE_BYTES = 256 * 1024;
const SEP_LINE = /^"?sep=(.)"?$/i;

/** Opens a CSV export for reading; fails with a one-line message naming the file. */
export async function openCsv(file: string, options: { encoding?: string } = {}): Promise<CsvFile> {
  const sample = await readSample(file);
  const encoding = options.encoding ? givenEncoding(options.encoding) : detectEncoding(sample);
  // The header is the first line with text; blank lines before it are not rows.
  const first = iconv.decode(Buffer.from(sample), encoding.encoding).replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  const sep = SEP_LINE.exec(first.trim());
  const delimiter = sep ? sep[1]! : sniffDelimiter(first);
  return { file, encoding, delimiter, sepLine: sep !== null, records: readRecords(file, encoding.encoding, delimiter, sep !== null) };
}

async function readSample(file: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file, 'r');
    const { size } = await handle.stat();
    if (size === 0) throw new InputError({ file }, 'the file is empty');
    const buffer = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
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

const LINE_BREAK = /\r\n|\r|\n/g;

async function* readRecords(file: string, encoding: string, delimiter: string, sepLine: boolean): AsyncGenerator<CsvRecord> {
  // `raw` lets us count physical lines ourselves: csv-parse's own counter is
  // off by one for each CRLF inside a quoted field. `relax_quotes` takes a quote
  // inside an unquoted field (`Han sa "hej"`) as text, as Excel does.
  const parser = parse({ delimiter, bom: true, raw: true, relax_column_count: true, relax_quotes: true });
  const source = createReadStream(file);
  const decoder = decodingStream(encoding);
  const fail = (error: unknown) => parser.destroy(error as Error);
  source.on('error', fail);
  decoder.on('error', fail);
  source.pipe(decoder).pipe(parser);
  let line = 1;
  let skipSep = sepLine;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const start = line;
      line += raw.match(LINE_BREAK)?.length ?? 0;
      if (skipSep) {
        skipSep = false;
        continue;
      }
      if (record.every((f) => f.trim() === '')) continue; // blank line or a row of empty cells
      yield { fields: record, line: start };
    }
  } catch (error) {
    if (error instanceof CsvError) throw csvProblem(file, error, line);
    if (error instanceof DecodeError) {
      throw new InputError(
        { file, line: error.line },
        'not valid UTF-8 here, though the start of the file is: give the encoding, e.g. --encoding windows-1252',
        { cause: error },
      );
    }
    throw new InputError({ file }, cannotRead(error), { cause: error });
  } finally {
    source.destroy();
  }
}

function cannotRead(error: unknown): string {
  const words = describeFsError(error);
  return words === 'no such file' || words === 'permission denied' ? words : `cannot read the file: ${words}`;
}

/** csv-parse reports where it gave up; an unclosed quote is better shown where it opened. */
function csvProblem(file: string, error: CsvError, recordStart: number): InputError {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new InputError({ file, line: recordStart }, 'not readable as CSV: a quoted field that starts on this line is never closed', { cause: error });
  }
  const column = (error as CsvError & { index?: number }).index;
  const detail = error.message.replace(/^Invalid [^:]*: /, '').replace(/ at line \d+.*$/, '');
  return new InputError({ file, line: recordStart, column: typeof column === 'number' ? column + 1 : undefined }, `not readable as CSV: ${detail}`, { cause: error });
}
