/**
 * A quote never closed, as the reader meets it (open-quote.ts finds where): its
 * line is passed by and the reader told of it, or, for a reader that cannot pass
 * one by (the header's), the read fails where the quote opened.
 */
import { CsvError, type Options, type OptionsNormalized } from 'csv-parse';
import type { OnBroken } from '../source.js';
import { findOpenQuote, type OpenQuote, type Shape } from './open-quote.js';

export class BrokenLines {
  /** Whether the end of the input is the end of the file: only there is a quote still open one never closed. */
  atFileEnd = true;

  constructor(
    private readonly shape: Shape,
    private readonly options: Options,
    private readonly onBroken: OnBroken | undefined,
  ) {}

  /** The record at `from`, on `line`, when a quote in it is never closed by what there is: a later row's quote would end it, or the file ends. */
  startingAt(bytes: Buffer, from: number, end: number, line: number, final: boolean): OpenQuote | undefined {
    const found = findOpenQuote(bytes, from, end, line, this.shape, { firstRecord: true });
    return found && (!found.open || (final && this.atFileEnd)) ? found : undefined;
  }

  /** A record csv-parse read over several lines, at bytes[from, to): a quote never closed that a later row's quote ended, if so. */
  inRecord(bytes: Buffer, from: number, to: number, line: number): OpenQuote | undefined {
    return findOpenQuote(bytes, from, to, line, this.shape);
  }

  /**
   * The record csv-parse stopped in with `code`, from `from`: a quote never closed when it was still
   * open at the end of the file, or ran on for longer than a row can be. At the end of a part of a
   * file the field may close in the next part: the read fails, and the part is read again with what
   * follows (collect/parallel.ts). A long line with no quoted line break is no export: not this.
   */
  afterError(code: string | undefined, bytes: Buffer, from: number, to: number, line: number): OpenQuote | undefined {
    if (!((code === 'CSV_QUOTE_NOT_CLOSED' && this.atFileEnd) || code === 'CSV_MAX_RECORD_SIZE')) return undefined;
    const found = findOpenQuote(bytes, from, to, line, this.shape);
    return found && (code === 'CSV_QUOTE_NOT_CLOSED' || found.crossed) ? found : undefined;
  }

  /** Tells the reader of the broken line, or fails the read. */
  pass({ line, column }: OpenQuote): void {
    // As csv-parse says it, with where the quote opened: the options are only read for Buffer contexts, and there are none.
    if (!this.onBroken) {
      throw new CsvError('CSV_QUOTE_NOT_CLOSED', `Quote Not Closed: a quoted field opens at line ${line}, field ${column}`, this.options as OptionsNormalized, {
        quoteLine: line,
        quoteColumn: column,
      });
    }
    this.onBroken({ line, column, code: 'quote.notClosed' });
  }
}
