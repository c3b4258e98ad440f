/**
 * Decoded UTF-8 bytes → records with their physical line numbers, in order.
 *
 * Each chunk is cut after its last line break. The lines of a file that ends
 * lines with LF or CRLF alone are split directly: at the delimiter, or, when
 * the line has quotes that each enclose a whole field (`"a;b"`, `"sa ""hej"""`),
 * field by field. That is what csv-parse gives for such a line, at a fifth of
 * its time (a property test holds the two to it). Any other line goes to
 * csv-parse: a quote inside a field, text after a closing quote, a quoted field
 * that runs on over lines, a stray CR; and so does every line of a file that
 * ends lines with CR or mixes its line endings. When a quoted field runs on past
 * the chunk, csv-parse says the quote is not closed and the lines wait for more.
 * A quote never closed (open-quote.ts) costs its line: reading goes on with the next.
 */
import { CsvError, type Options } from 'csv-parse';
import type { OnBroken, OnRecord } from '../source.js';
import { BrokenLines } from './broken-lines.js';
import { breakAfter, lastBreak, lineEnd } from './line-breaks.js';
import type { OpenQuote } from './open-quote.js';
import { breaksInside, countCrlf, parseRun } from './parse-run.js';
import { isEmptyRow, splitQuoted } from './split-line.js';

export const MAX_RECORD_CHARS = 1_000_000;
/** Most quoted fields that run on end on the next line; a chunk has some thousands. */
const MIN_STRETCH = 2;
const MAX_STRETCH = 1 << 14;
/** The first run after a broken line, in a file whose lines csv-parse reads all: a few rows. */
const MIN_RUN_BYTES = 256;

const LF = 0x0a;
const CR = 0x0d;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface RecordShape {
  delimiter: string;
  /** The file's line endings: one kind, or all three when it mixes them. */
  lineEndings: string[];
}

/** `broken`: a quote never closed; its line was passed by, and reading goes on at `used`. */
type Outcome = 'read' | 'stopped' | 'open' | 'broken';

export class CsvRecords {
  /** The line the next record starts on, as far as is known: where an error is reported. */
  nextLine: number;
  private carry: Buffer | null = null;
  private started = false;
  private checkAt = MAX_RECORD_CHARS;
  /** Lines given to csv-parse at a time, from a line the split cannot take. */
  private stretch = MIN_STRETCH;
  /** The line after the last one csv-parse read. */
  private parsedUpTo = -Infinity;
  private readonly options: Options;
  /** Lines can be split directly only in files that end lines with LF or CRLF alone. */
  private readonly plain: 'lf' | 'crlf' | undefined;
  private readonly broken: BrokenLines;

  constructor(
    private readonly shape: RecordShape,
    firstLine: number,
    private readonly onRecord: OnRecord,
    { plainRuns = true, onBroken }: { plainRuns?: boolean; onBroken?: OnBroken } = {},
  ) {
    this.nextLine = firstLine;
    const [only, ...others] = shape.lineEndings;
    const single = others.length === 0 ? only : undefined;
    this.plain = !plainRuns || shape.delimiter.length !== 1 ? undefined : single === '\n' ? 'lf' : single === '\r\n' ? 'crlf' : undefined;
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
    this.broken = new BrokenLines(shape, this.options, onBroken);
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
    const cut = lastBreak(bytes, this.shape.lineEndings);
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
    const { used, stopped } = await this.take(bytes, cut, false);
    this.carry = used < bytes.length ? bytes.subarray(used) : null;
    return !stopped;
  }

  /** Bytes after the last record: the input stopped inside one. */
  get pending(): boolean {
    return this.carry !== null && this.carry.length > 0;
  }

  /** The line the input goes on with, past what is pending. */
  lineAfterPending(): number {
    let line = this.nextLine;
    if (this.carry) for (let i = this.carry.indexOf(LF); i !== -1; i = this.carry.indexOf(LF, i + 1)) line++;
    return line;
  }

  /**
   * The end of the input: what is left is the last record. Where the input is a part
   * of a file that ends before the file does, a quote still open there fails the read.
   */
  async end({ atFileEnd = true }: { atFileEnd?: boolean } = {}): Promise<void> {
    this.broken.atFileEnd = atFileEnd;
    if (this.carry) await this.take(this.carry, this.carry.length, true);
    this.carry = null;
  }

  /**
   * The records of `bytes` up to `end`, which is a line break or the end of the input.
   * Lines are split directly; from a line the split cannot take, csv-parse reads a
   * stretch of lines, more where its quoted field needs them. `used` is where the
   * bytes not taken start: a quoted field that goes on past `end` waits there for more.
   */
  private async take(bytes: Buffer, end: number, final: boolean): Promise<{ used: number; stopped: boolean }> {
    if (!this.plain) return this.takeParsed(bytes, end, final);
    let at = 0;
    while (at < end) {
      const stuck = this.split(bytes, at, end);
      if (stuck === false) return { used: end, stopped: true };
      if (stuck >= end) break;
      const passed = this.passBroken(bytes, stuck, end, final);
      if (passed !== undefined) {
        [at, this.stretch, this.parsedUpTo] = [passed, MIN_STRETCH, this.nextLine];
        continue;
      }
      // Starting csv-parse costs as much as splitting a few dozen lines: where the lines it must
      // read come close together (every row quoted over two lines), it is given more at a time.
      this.stretch = this.nextLine - this.parsedUpTo < this.stretch ? Math.min(this.stretch * 2, MAX_STRETCH) : MIN_STRETCH;
      let from = stuck;
      let to = stuck;
      for (let lines = this.stretch; ; lines *= 2) {
        for (let k = 0; k < lines && to < end; k++) to = lineEnd(bytes, to, end, this.plain === 'crlf');
        const { outcome, used } = await this.parse(bytes, from, to, final && to === end);
        if (outcome === 'stopped') return { used: end, stopped: true };
        if (outcome === 'read' || outcome === 'broken') {
          // After a broken line, the lines from the next one on are read again, split where they can be,
          // and csv-parse is given few at a time again: what it read past the broken line is read anew.
          if (outcome === 'broken') [to, this.stretch] = [used, MIN_STRETCH];
          this.parsedUpTo = this.nextLine;
          break;
        }
        // The records before the quoted field that runs on are taken; it waits for more lines, unless it is a broken one.
        from = used;
        const passed = this.passBroken(bytes, from, to, final && to === end);
        if (passed !== undefined) {
          [to, this.stretch, this.parsedUpTo] = [passed, MIN_STRETCH, this.nextLine];
          break;
        }
        if (to >= end) return { used: from, stopped: false };
      }
      at = to;
    }
    return { used: end, stopped: false };
  }

  /**
   * The record at `from` when a quote in it is never closed by what there is (a later row's
   * quote would end it, or the file ends): passed by without csv-parse, which would make an
   * error object each time it stops in the open field. Where reading goes on; undefined when
   * the record is sound, or may yet be.
   */
  private passBroken(bytes: Buffer, from: number, end: number, final: boolean): number | undefined {
    const found = this.broken.startingAt(bytes, from, end, this.nextLine, final);
    return found && this.pass(found).used;
  }

  /**
   * The records of a file whose lines csv-parse reads all: the chunk in one run; after a
   * broken line, in runs of a few lines that grow again, so that each of many broken
   * lines does not have the rest of the chunk read anew.
   */
  private async takeParsed(bytes: Buffer, end: number, final: boolean): Promise<{ used: number; stopped: boolean }> {
    let at = 0;
    /** How far past its start a run reaches, to the next line break; 0: to the end. */
    let reach = 0;
    while (at < end) {
      const passed = reach === 0 ? undefined : this.passBroken(bytes, at, end, final);
      if (passed !== undefined) {
        at = passed;
        continue;
      }
      const to = reach === 0 ? end : breakAfter(bytes, Math.min(at + reach, end), end, this.shape.lineEndings);
      const { outcome, used } = await this.parse(bytes, at, to, final && to === end);
      if (outcome === 'stopped') return { used: end, stopped: true };
      if (outcome === 'open' && to >= end) return { used, stopped: false };
      reach = outcome === 'broken' ? MIN_RUN_BYTES : reach * 2;
      at = outcome === 'read' ? to : used;
    }
    return { used: end, stopped: false };
  }

  /**
   * Splits lines from `from` on; returns where it stopped, at a line for csv-parse
   * (a stray CR, a quote that is not a whole quoted field, a line too long to be a
   * row), or false when the reader stopped.
   */
  private split(bytes: Buffer, from: number, to: number): number | false {
    const crlf = this.plain === 'crlf';
    const { delimiter } = this.shape;
    let start = from;
    while (start < to) {
      const lf = bytes.indexOf(LF, start);
      const last = lf === -1 || lf >= to;
      const next = last ? to : lf + 1;
      let end = last ? to : lf;
      // In a CRLF file a line feed alone is no line break: csv-parse reads on.
      if (crlf && !last) {
        if (bytes[lf - 1] !== CR) return start;
        end--;
      }
      if (end - start > MAX_RECORD_CHARS) return start;
      // Decoded line by line: a field kept for the report holds on to its line, not to the chunk.
      const text = bytes.toString('utf8', start, end);
      if (text.indexOf('\r') !== -1) return start;
      const fields = text.indexOf('"') === -1 ? text.split(delimiter) : splitQuoted(text, delimiter);
      if (fields === null) return start;
      const line = this.nextLine++;
      start = next;
      if (isEmptyRow(fields)) continue;
      if (this.onRecord(fields, line) === false) return false;
    }
    return to;
  }

  /**
   * csv-parse on bytes[from, to). When a quoted field is still open at `to` (and more
   * may come), the records before it are taken and `used` is where it starts. A quote
   * never closed: the records before its line are taken, and `used` is the next line.
   */
  private async parse(bytes: Buffer, from: number, to: number, final: boolean): Promise<{ outcome: Outcome; used: number }> {
    const { records, ends, endBytes, lines, error } = await parseRun(bytes.subarray(from, to), this.options);
    const code = error instanceof CsvError ? error.code : undefined;
    const open = code === 'CSV_QUOTE_NOT_CLOSED' && !final;
    const firstLine = this.nextLine;
    let crlfInside = 0;
    let previousEnd = 0;
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      // csv-parse says on which line a record ends, but counts a CRLF inside a quoted field as two lines.
      const endsOn = ends[i]!;
      const spans = endsOn - previousEnd;
      previousEnd = endsOn;
      // A record one line after the last has no line break inside and no blank line before it: most records.
      if (spans > 1) crlfInside += countCrlf(record);
      const inside = spans > 1 ? breaksInside(record) : 0;
      // A field over several lines may be a quote never closed, ended by a later row's quote.
      const broken = spans > 1 ? this.broken.inRecord(bytes, from + (endBytes[i - 1] ?? 0), from + endBytes[i]!, this.nextLine) : undefined;
      if (broken) return this.pass(broken);
      const end = firstLine - 1 + endsOn - crlfInside;
      const start = end - inside;
      this.nextLine = end + 1;
      if (isEmptyRow(record)) continue;
      if (this.onRecord(record, start) === false) return { outcome: 'stopped', used: to };
    }
    if (open) return { outcome: 'open', used: from + (endBytes.at(-1) ?? 0) };
    const broken = error ? this.broken.afterError(code, bytes, from + (endBytes.at(-1) ?? 0), to, this.nextLine) : undefined;
    if (broken) return this.pass(broken);
    if (error) throw error;
    this.nextLine = firstLine - 1 + lines - crlfInside;
    return { outcome: 'read', used: to };
  }

  /** A quote never closed: its line is passed by (or the read fails), and reading goes on with the next. */
  private pass(found: OpenQuote): { outcome: Outcome; used: number } {
    this.broken.pass(found);
    this.nextLine = found.line + 1;
    return { outcome: 'broken', used: found.resumeAt };
  }
}
