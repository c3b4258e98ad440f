/**
 * The report model's judgement of its counts: the windows tallied for the
 * baselines, last year's, each row's baseline, and the signals — the changes
 * beyond chance. Part of the model's contract (see report.ts).
 */

export interface TalliedWindow {
  start: string;
  end: string;
  complete: boolean;
}

/** The mean and spread of a count over the baseline's windows the incident exports cover in full (`windows` of them). */
export interface BaselineSummary {
  windows: number;
  /** null when `windows` is 0; rounded to two decimals, as is `sd`. */
  mean: number | null;
  /** The sample standard deviation; null for fewer than 2 windows. */
  sd: number | null;
}

/** Last year's count and the baseline of a row, and whether it rose or fell beyond chance. */
export interface Judged {
  /** The count in `period.lastYear`; null when that window is not covered in full. */
  lastYear: number | null;
  baseline: BaselineSummary;
  signal: 'rise' | 'fall' | null;
}

/** A change beyond chance. `area` or `category` null for a total over it (both: the municipality's total). */
export interface Signal {
  area: string | null;
  category: string | null;
  direction: 'rise' | 'fall';
  count: number;
  /** The baseline's mean, or the previous count when `against` is `previous`; rounded to two decimals. */
  expected: number;
  /** The previous window's count; null when not covered in full. */
  previous: number | null;
  lastYear: number | null;
  /** The test's two-sided p-value, and the Benjamini–Hochberg adjusted one. */
  p: number;
  q: number;
  against: 'baseline' | 'previous';
  /** Known windows tested against: 1 for the previous window. */
  windows: number;
  /** The series' counts per tallied window, newest first; null where not covered in full. */
  history: (number | null)[];
}

export interface SignalMethod {
  /** Series tested of each kind. */
  tested: { total: number; areas: number; categories: number; cells: number };
  falseDiscoveryRate: number;
  baselineWindows: number;
  /** How many of the baseline's windows the incident exports cover in full. */
  windowsKnown: number;
  minPercentBase: number;
}
