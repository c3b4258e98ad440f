/**
 * Streams the records of one CSV file with their physical line numbers.
 * The delimiter is sniffed from the header line; a BOM and CRLF are handled.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse';
import { InputError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';

export interface CsvRecord {
  fields: string[];
  /** 1-based physical line where the record starts. */
  line: number;
}

export interface CsvFile {
  file: string;
  delimiter: string;
  records: AsyncIterable<CsvRecord>;
}

const CANDIDATES = [',', ';', '\t', '|'] as const;
const SNIFF_BYTES = 64 * 1024;

/** Opens a CSV export for reading; fails with a one-line message naming the file. */
export async function openCsv(file: string): Promise<CsvFile> {
  const head = await readHead(file);
  const delimiter = sniffDelimiter(firstLine(head));
  return { file, delimiter, records: readRecords(file, delimiter) };
}

async function readHead(file: string): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
    const { size } = await handle.stat();
    if (size === 0) throw new InputError({ file }, 'the file is empty');
    const buffer = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError({ file }, cannotRead(error), { cause: error });
  } finally {
    await handle?.close();
  }
}

function firstLine(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const end = withoutBom.search(/\r|\n/);
  return end < 0 ? withoutBom : withoutBom.slice(0, end);
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

async function* readRecords(file: string, delimiter: string): AsyncGenerator<CsvRecord> {
  // `raw` lets us count physical lines ourselves: csv-parse's own counter is
  // off by one for each CRLF inside a quoted field.
  const parser = createReadStream(file).pipe(
    parse({ delimiter, bom: true, raw: true, relax_column_count: true, relax_quotes: false }),
  );
  let line = 1;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const start = line;
      line += raw.match(LINE_BREAK)?.length ?? 0;
      if (record.every((f) => f.trim() === '')) continue; // blank line or a row of empty cells
      yield { fields: record, line: start };
    }
  } catch (error) {
    if (error instanceof CsvError) throw csvProblem(file, error, line);
    throw new InputError({ file }, cannotRead(error), { cause: error });
  }
}

/** csv-parse reports where it gave up; an unclosed quote is better shown where it opened. */
function csvProblem(file: string, error: CsvError, recordStart: number): InputError {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new InputError({ file, line: recordStart }, 'not readable as CSV: a quoted field that starts on this line is never closed', { cause: error });
  }
  const at = (error as CsvError & { lines?: number }).lines;
  return new InputError({ file, line: at }, `not readable as CSV: ${error.message}`, { cause: error });
}

function cannotRead(error: unknown): string {
  const words = describeFsError(error);
  return words === 'no such file' || words === 'permission denied' ? words : `cannot read the file: ${words}`;
}
