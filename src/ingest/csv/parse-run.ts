/** A run of lines read by csv-parse, with where each record ends: for the lines the direct split cannot take. */
import { Parser, type Options } from 'csv-parse';

/**
 * csv-parse's stream, with the line each record ends on. Its `info: true` option
 * gives that too, but copies all of `info` into a new object per record: a third
 * of the parse time on a million rows. Here the (documented) `info.lines` is read
 * as each record is pushed, which csv-parse does as soon as the record ends.
 */
class RecordCollector extends Parser {
  readonly records: string[][] = [];
  readonly ends: number[] = [];
  /** Where each record ends in the input, its line break included. */
  readonly endBytes: number[] = [];

  constructor(options: Options) {
    super(options);
  }

  override push(record: unknown, encoding?: BufferEncoding): boolean {
    if (record === null) return super.push(null, encoding);
    this.records.push(record as string[]);
    this.ends.push(this.info.lines);
    this.endBytes.push(this.info.bytes);
    return true;
  }
}

interface ParsedRun {
  records: string[][];
  ends: number[];
  endBytes: number[];
  /** csv-parse's line count at the end: one more than the lines of a run that ends with a break. */
  lines: number;
  /** What stopped csv-parse; the records before it are in `records`. */
  error?: unknown;
}

export function parseRun(run: Buffer, options: Options): Promise<ParsedRun> {
  return new Promise((resolve) => {
    const parser = new RecordCollector(options);
    const done = (error?: unknown) => resolve({ records: parser.records, ends: parser.ends, endBytes: parser.endBytes, lines: parser.info.lines, error });
    parser.on('error', done);
    parser.on('finish', () => done());
    parser.end(run);
  });
}

/** Line breaks inside a record's (quoted) fields: CRLF, CR or LF, once each, as csv-parse counts lines (a CR alone too). */
export function breaksInside(record: string[]): number {
  let n = 0;
  for (const field of record) {
    if (field.indexOf('\n') === -1 && field.indexOf('\r') === -1) continue;
    n += field.match(/\r\n|\r|\n/g)!.length;
  }
  return n;
}

export function countCrlf(record: string[]): number {
  let n = 0;
  for (const field of record) for (let i = field.indexOf('\r\n'); i !== -1; i = field.indexOf('\r\n', i + 2)) n++;
  return n;
}
