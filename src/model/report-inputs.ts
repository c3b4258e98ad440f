/**
 * The report model's account of its inputs: where every row of each file went,
 * how the file was read, the rows rejected, repeated or skipped, and the names
 * that look like another. Part of the model's contract (see report.ts).
 */
import type { InputKind } from '../domain.js';

/** Where every row of one input file went: rows = inPeriod + inPrevious + outside + rejected + duplicates + skipped. */
export interface InputAccount {
  file: string;
  kind: InputKind;
  rows: number;
  inPeriod: number;
  inPrevious: number;
  outside: number;
  rejected: number;
  /** Rows inside either window that repeat a row already counted (from this or another file). */
  duplicates: number;
  /** Rows that are not data: totals and footers. */
  skipped: number;
  /** How the file was read. */
  format: InputFormat;
  /** First and last day (local) of the file's usable rows; null when it has none. */
  span: { first: string; last: string } | null;
  /** The days it counts as covering: its span, or what the config declares (`declared`); null when neither gives any. */
  covers: InputCovers | null;
}

/** The days an export covers, first and last inclusive. */
export interface InputCovers {
  from: string;
  to: string;
  /** Whether the config declared them (either side), rather than the rows showing them. */
  declared: boolean;
}

export interface InputFormat {
  /** e.g. "UTF-8 with BOM", "Windows-1252 (guessed, 62 % sure)" */
  encoding: string;
  /** True when the encoding was a weak guess: check åäö, or give the encoding. */
  encodingUnsure: boolean;
  delimiter: string;
  /** e.g. "YYYY-MM-DD + HH:MM", "D/M/YYYY HH:MM" */
  dateFormats: string[];
  /** field → the header it was read from */
  columns: Record<string, string>;
}

export interface RowLocation {
  file: string;
  line: number;
}

export interface DuplicateRow extends RowLocation {
  duplicateOf: RowLocation;
  /** "same id" or "same time, area, category and description" */
  reason: string;
}

export interface SkippedRow extends RowLocation {
  reason: string;
}

export interface NameSuggestion {
  kind: 'area' | 'category';
  name: string;
  count: number;
  /** The more common name it probably means. */
  like: string;
  likeCount: number;
  /** The config entry that merges them, ready to paste. */
  config: string;
  /**
   * Why it may be the same: `looks like` (spelt another way), `contains`
   * (`Centrum/Torget` for `Centrum`), `abbreviates` (`Stationsomr.` for
   * `Stationsområdet`), `part of` (`Torget` for `Centrum/Torget`).
   */
  why: SuggestionReason;
  /** The kinds of export whose rows use the name, and the one it is like. */
  nameIn: InputKind[];
  likeIn: InputKind[];
  /** Every name it may mean, `like` among them: when there are several, it is not clear which, and each has a suggestion of its own. */
  candidates: string[];
}

export type SuggestionReason = 'looks like' | 'contains' | 'abbreviates' | 'part of';

export interface RejectedRow {
  file: string;
  line: number;
  column: number | null;
  /** Why, as a code (see src/reasons.ts): `date.invalid`, `area.empty`, … */
  code: string;
  /** Why, in English: `Datum: "2024-04-3x" is not a date (expected e.g. 2024-04-29)`. */
  reason: string;
}
