/**
 * Decoded UTF-8 bytes → records with their physical line numbers, in order.
 *
 * Each chunk is cut after its last line break into a run of whole lines. A run
 * with no quote and no line break but the file's own — nearly all of a real
 * export — is split at line breaks and delimiters directly: csv-parse would do
 * exactly that with it, and the split costs a fifth of csv-parse's time. Every
 * other run is parsed by csv-parse. When the cut fell inside a quoted field,
 * csv-parse says the quote is not closed and the run waits for the next chunk.
 */
import { CsvError, Parser, type Options } from 'csv-parse';

/** Called for each record; return false to stop reading. */
export type OnRecord = (fields: string[], line: number) => boolean | void;

export const MAX_RECORD_CHARS = 1_000_000;

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface RecordShape {
  delimiter: string;
  /** The file's line endings: one kind, or all three when it mixes them. */
  lineEndings: string[];
}

type Outcome = 'read' | 'stopped' | 'open';

export class CsvRecords {
  /** The line the next record starts on, as far as is known: where an error is reported. */
  nextLine: number;
  private carry: Buffer | null = null;
  private started = false;
  private checkAt = MAX_RECORD_CHARS;
  private readonly options: Options;
  /** Runs can be split directly only in files that end lines with LF or CRLF alone. */
  private readonly plain: 'lf' | 'crlf' | undefined;
  private readonly crOnly: boolean;

  constructor(
    private readonly shape: RecordShape,
    firstLine: number,
    private readonly onRecord: OnRecord,
    { plainRuns = true }: { plainRuns?: boolean } = {},
  ) {
    this.nextLine = firstLine;
    const [only, ...others] = shape.lineEndings;
    const single = others.length === 0 ? only : undefined;
    this.plain = !plainRuns || shape.delimiter.length !== 1 ? undefined : single === '\n' ? 'lf' : single === '\r\n' ? 'crlf' : undefined;
    this.crOnly = single === '\r';
    // `relax_quotes` takes a quote inside an unquoted field (`Han sa "hej"`) as text, as Excel does.
    this.options = {
      delimiter: shape.delimiter,
      // Given, not discovered by each run's parser, so that every run ends lines alike.
      record_delimiter: shape.lineEndings,
      relax_column_count: true,
      relax_quotes: true,
      // A row of an export is a few hundred characters: one that runs on past this is a quote never closed, or not CSV.
      max_record_size: MAX_RECORD_CHARS,
      // Blank lines are no rows; left in, each would cost csv-parse an error object (a file of them took minutes).
      skip_empty_lines: true,
    };
  }

  /** Takes the next chunk; false when the reader asked to stop. */
  async write(chunk: Buffer): Promise<boolean> {
    let bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    if (!this.started) {
      // csv-parse leaves out a byte-order mark at the start; wait until it can be told from text.
      if (bytes.length < BOM.length && BOM.subarray(0, bytes.length).equals(bytes)) {
        this.carry = bytes;
        return true;
      }
      this.started = true;
      if (bytes.subarray(0, BOM.length).equals(BOM)) bytes = bytes.subarray(BOM.length);
    }
    const cut = this.lastBreak(bytes);
    if (cut === 0) {
      this.carry = bytes;
      // A line with no break this long may be too long to be a row: csv-parse decides, as the carry doubles.
      if (bytes.length >= this.checkAt) {
        this.checkAt = bytes.length * 2;
        const { error } = await parseRun(bytes, this.options);
        if (error instanceof CsvError && error.code === 'CSV_MAX_RECORD_SIZE') throw error;
      }
      return true;
    }
    this.checkAt = MAX_RECORD_CHARS;
    const outcome = await this.take(bytes.subarray(0, cut), false);
    if (outcome === 'open') {
      this.carry = bytes;
      return true;
    }
    this.carry = cut < bytes.length ? bytes.subarray(cut) : null;
    return outcome === 'read';
  }

  /** The end of the input: what is left is the last record. */
  async end(): Promise<void> {
    if (this.carry) await this.take(this.carry, true);
    this.carry = null;
  }

  /** Where the last complete line of `bytes` ends (0: none), by the file's line endings. */
  private lastBreak(bytes: Buffer): number {
    const [only, ...others] = this.shape.lineEndings;
    if (others.length > 0) {
      // A CR as the last byte may be the first half of a CRLF.
      return Math.max(bytes.lastIndexOf(LF), bytes.length < 2 ? -1 : bytes.lastIndexOf(CR, bytes.length - 2)) + 1;
    }
    if (only === '\r') return bytes.lastIndexOf(CR) + 1;
    let lf = bytes.lastIndexOf(LF);
    if (only === '\r\n') while (lf > 0 && bytes[lf - 1] !== CR) lf = bytes.lastIndexOf(LF, lf - 1);
    return lf <= 0 && only === '\r\n' ? 0 : lf + 1;
  }

  private async take(run: Buffer, final: boolean): Promise<Outcome> {
    if (this.plain && run.length <= MAX_RECORD_CHARS && this.isPlain(run)) return this.split(run);
    return this.parse(run, final);
  }

  /** No quote, and no CR or LF but the line endings. */
  private isPlain(run: Buffer): boolean {
    if (run.indexOf(QUOTE) !== -1) return false;
    if (this.plain === 'lf') return run.indexOf(CR) === -1;
    let cr = run.indexOf(CR);
    for (let lf = run.indexOf(LF); lf !== -1; lf = run.indexOf(LF, lf + 1)) {
      if (cr !== lf - 1) return false;
      cr = run.indexOf(CR, lf + 1);
    }
    return cr === -1;
  }

  private split(run: Buffer): Outcome {
    const ending = this.plain === 'crlf' ? 1 : 0;
    const { delimiter } = this.shape;
    let start = 0;
    while (start < run.length) {
      const lf = run.indexOf(LF, start);
      const end = lf === -1 ? run.length : lf - ending;
      // Decoded line by line: a field kept for the report holds on to its line, not to the chunk.
      const text = run.toString('utf8', start, end);
      const line = this.nextLine++;
      start = lf === -1 ? run.length : lf + 1;
      if (text === '') continue;
      const fields = text.split(delimiter);
      if (isEmptyRow(fields)) continue;
      if (this.onRecord(fields, line) === false) return 'stopped';
    }
    return 'read';
  }

  private async parse(run: Buffer, final: boolean): Promise<Outcome> {
    const { records, ends, lines, error } = await parseRun(run, this.options);
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED' && !final) return 'open';
    const firstLine = this.nextLine;
    let crlfInside = 0;
    let previousEnd = 0;
    let stopped = false;
    for (let i = 0; i < records.length && !stopped; i++) {
      const record = records[i]!;
      // csv-parse says on which line a record ends, but counts a CRLF inside a quoted field as two lines.
      const endsOn = ends[i]!;
      const spans = endsOn - previousEnd;
      previousEnd = endsOn;
      // A record one line after the last has no line break inside and no blank line before it: most records.
      if (spans > 1) crlfInside += countCrlf(record);
      const end = firstLine - 1 + endsOn - crlfInside;
      const start = spans > 1 ? end - breaksInside(record, this.crOnly) : end;
      this.nextLine = end + 1;
      if (isEmptyRow(record)) continue;
      stopped = this.onRecord(record, start) === false;
    }
    if (stopped) return 'stopped';
    if (error) throw error;
    this.nextLine = firstLine - 1 + lines - crlfInside;
    return 'read';
  }
}

/**
 * csv-parse's stream, with the line each record ends on. Its `info: true` option
 * gives that too, but copies all of `info` into a new object per record: a third
 * of the parse time on a million rows. Here the (documented) `info.lines` is read
 * as each record is pushed, which csv-parse does as soon as the record ends.
 */
class RecordCollector extends Parser {
  readonly records: string[][] = [];
  readonly ends: number[] = [];

  constructor(options: Options) {
    super(options);
  }

  override push(record: unknown, encoding?: BufferEncoding): boolean {
    if (record === null) return super.push(null, encoding);
    this.records.push(record as string[]);
    this.ends.push(this.info.lines);
    return true;
  }
}

interface ParsedRun {
  records: string[][];
  ends: number[];
  /** csv-parse's line count at the end: one more than the lines of a run that ends with a break. */
  lines: number;
  /** What stopped csv-parse; the records before it are in `records`. */
  error?: unknown;
}

function parseRun(run: Buffer, options: Options): Promise<ParsedRun> {
  return new Promise((resolve) => {
    const parser = new RecordCollector(options);
    const done = (error?: unknown) => resolve({ records: parser.records, ends: parser.ends, lines: parser.info.lines, error });
    parser.on('error', done);
    parser.on('finish', () => done());
    parser.end(run);
  });
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
