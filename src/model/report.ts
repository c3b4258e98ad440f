/**
 * The report model: the contract between the core and the templates, and exactly
 * what `--format json` prints. Documented field by field in the README.
 */
import type { InputKind } from '../domain.js';

export const SCHEMA_VERSION = 1;

export interface ReportModel {
  schemaVersion: number;
  meta: ReportMeta;
  period: PeriodSummary;
  incidents: IncidentSummary;
  patrols: PatrolSummary;
  inputs: InputAccount[];
  rejected: RejectedRow[];
}

export interface ReportMeta {
  municipality: string;
  recipient: string | null;
  marking: string | null;
  timeZone: string;
  generator: string;
}

export interface PeriodSummary {
  /** `YYYY-MM-DD`, first day of the window */
  start: string;
  /** `YYYY-MM-DD`, last day, inclusive */
  end: string;
  previousStart: string;
  previousEnd: string;
  days: number;
  /** ISO week numbers the window covers */
  weeks: number[];
  previousWeeks: number[];
}

/** A count now and in the previous window. `changePercent` is null when `previous` is 0. */
export interface Change {
  count: number;
  previous: number;
  change: number;
  changePercent: number | null;
}

export interface NamedCount extends Change {
  name: string;
}

export interface AreaCategoryCount extends Change {
  area: string;
  category: string;
}

export interface IncidentSummary {
  total: number;
  previousTotal: number;
  change: number;
  changePercent: number | null;
  byArea: NamedCount[];
  byCategory: NamedCount[];
  byAreaCategory: AreaCategoryCount[];
  /** The same counts as byAreaCategory laid out as a table: rows in byArea order, columns in byCategory order. */
  matrix: {
    categories: string[];
    rows: { area: string; cells: Change[]; total: Change }[];
    totals: Change[];
    total: Change;
  };
}

export interface PatrolAreaSummary {
  name: string;
  rounds: number;
  minutes: number;
  previousRounds: number;
  previousMinutes: number;
}

export interface PatrolSummary {
  total: number;
  minutes: number;
  previousTotal: number;
  previousMinutes: number;
  byArea: PatrolAreaSummary[];
}

/** Where every row of one input file went: rows = inPeriod + inPrevious + outside + rejected. */
export interface InputAccount {
  file: string;
  kind: InputKind;
  rows: number;
  inPeriod: number;
  inPrevious: number;
  outside: number;
  rejected: number;
}

export interface RejectedRow {
  file: string;
  line: number;
  column: number | null;
  reason: string;
}
