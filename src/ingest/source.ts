/**
 * An input source: one way an export comes (CSV today). A source recognises
 * itself from a file's first bytes, lays the file out, reads its records with
 * their positions, and describes itself — for `validate` and for the report's
 * `inputs[].format` — so that the rest of the ingest knows only this interface.
 * Sources are listed in `sources.ts`.
 */

import type { InputFile } from './input-file.js';

/**
 * How a file is laid out: all a source needs to read any part of it. Plain data, so it can go to a worker;
 * the file is read through its open descriptor (`fd`), never by its name again, and a source checks between
 * chunks that it is unchanged (`assertUnchanged`).
 */
export interface SourceLayout extends InputFile {
  /** The name of the source that laid it out, in `sources.ts`. */
  source: string;
}

/** Called for each record with the line it starts on; return false to stop reading. */
export type OnRecord = (fields: string[], line: number) => boolean | void;

/**
 * A line that cannot be read as a record (a quote never closed): where it is, the
 * column to blame and why. The source passes it by and reads on with the next line.
 */
export interface BrokenLine {
  line: number;
  column?: number;
  /** The only one so far: CSV's (src/reasons.ts). */
  code: 'quote.notClosed';
}

export type OnBroken = (broken: BrokenLine) => void;

/** A part of a file that starts at a record boundary: its first byte and line. */
export interface ByteRange {
  start: number;
  /** Exclusive. */
  end: number;
  firstLine: number;
}

export interface RecordReadOptions {
  /** Read only this part; a source that cannot be read in parts is never given one. */
  range?: ByteRange;
  onBytes?: (n: number) => void;
  /**
   * When the range ends inside a record, this is called and the file read on to
   * its end instead of failing: for the first part of a file read in parts.
   */
  runOn?: () => void;
  /** Told of each broken line, which is then passed by; without it, a broken line fails the read (as the header's does). */
  onBroken?: OnBroken;
}

export interface RecordsRead {
  /** The range's last record went on past its end. */
  ranOn: boolean;
  /** The line after the last record read. */
  nextLine: number;
}

/** A line of `validate`'s description of a file: `encoding   UTF-8`. */
export interface FormatLine {
  label: string;
  text: string;
}

/** Declared as methods, so that a source of one layout is a source of any: each is only given the layouts it made. */
export interface InputSource<L extends SourceLayout = SourceLayout> {
  name: string;
  /** Whether a file starting with these bytes is of this source. */
  recognises(sample: Uint8Array, file: string): boolean;
  /** The layout, from the first bytes; fails with an InputError naming the file. */
  lay(input: InputFile, sample: Uint8Array, options: { encoding?: string }): L;
  /** Streams the records (blank ones left out), or those of one part; fails when the file changes meanwhile. */
  records(layout: L, onRecord: OnRecord, options?: RecordReadOptions): Promise<RecordsRead>;
  /** What the report says of how the file was read: the source's own fields of `inputs[].format`. */
  format(layout: L): object;
  /** Whether a report's `inputs[].format` was made by this source. */
  made(format: object): boolean;
  /** `validate`'s lines on how the file was read, from its `inputs[].format`. */
  describe(format: object): FormatLine[];
  /** Warnings on how the file was read, worth a coordinator's look. */
  doubts(format: object, file: string): string[];
  /** Whether this layout can be read in byte ranges on several threads. */
  splittable(layout: L): boolean;
}
