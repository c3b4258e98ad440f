/**
 * The report model: the contract between the core and the templates, and exactly
 * what `--format json` prints. Documented field by field in the README.
 */
import type { WindowCoverage } from './coverage.js';
import type { InputAccount, NameSuggestion, DuplicateRow, RejectedRow, SkippedRow } from './report-inputs.js';
import type { BaselineSummary, Judged, Signal, SignalMethod, TalliedWindow } from './report-signals.js';

export type * from './report-inputs.js';
export type * from './report-signals.js';
export type * from './report-lists.js';
import type { Commitments, Notable } from './report-lists.js';
import type { FocusPlace, SourceCount } from './report-focus.js';
export type * from './report-focus.js';
export type { MissingDays, WindowCoverage } from './coverage.js';

export const SCHEMA_VERSION = 1;

export interface ReportModel {
  schemaVersion: number;
  meta: ReportMeta;
  period: PeriodSummary;
  incidents: IncidentSummary;
  patrols: PatrolSummary;
  summary: Summary;
  /** What rose or fell beyond chance, strongest first: only discoveries at the configured false discovery rate. */
  signals: Signal[];
  /** How the signals were found: how many series of each kind were tested, and the settings. */
  signalMethod: SignalMethod;
  hotspots: Hotspots;
  /** Fokus kommande period: the places to act on, ranked, with when and why (see the README's ranking). */
  focus: FocusPlace[];
  timePatterns: TimePatterns;
  coverage: PatrolCoverage;
  notable: Notable;
  commitments: Commitments;
  /** The coordinator's assessment and planned actions, as Markdown (from --notes), or null. */
  assessment: { markdown: string; source: string } | null;
  inputs: InputAccount[];
  rejected: RejectedRow[];
  duplicates: DuplicateRow[];
  skipped: SkippedRow[];
  /** Names that look like another name: likely spellings of one place or category. */
  suggestions: NameSuggestion[];
  /** Whether personal data in the text was masked (it is unless --no-redact), and how much of each kind. */
  redaction: { enabled: boolean; counts: Record<string, number> };
  /** The maps: the municipality's areas with their counts, and where serious incidents happened; null without a map in the config. */
  map: MapSummary | null;
}

/** [easting, northing] in SWEREF 99 TM (EPSG:3006) metres. */
export type SwerefPosition = [number, number];

export interface MapAreaCount extends NamedCount {
  /** Polygons, each an outer ring and its holes, in SWEREF 99 TM metres rounded to the metre. */
  polygons: SwerefPosition[][][];
}

export interface MapPoint {
  category: string;
  area: string;
  date: string;
  position: SwerefPosition;
}

export interface MapSummary {
  /** The GeoJSON file, and the coordinate system it was in. */
  source: string;
  crs: 'EPSG:3006' | 'EPSG:4326';
  /** Every area of the map in the file's order, counted now and before; named as the data names it. */
  areas: MapAreaCount[];
  /** Areas with incidents in either window that the map has no geometry for: counted, not drawn. */
  unmapped: NamedCount[];
  /** The serious categories, one point map each: incidents of the window, and how many of them have coordinates. */
  categories: { name: string; count: number; withPosition: number }[];
  /** Incidents of the window in the serious categories that have coordinates. */
  points: MapPoint[];
  /** Incidents of the window with coordinates, and without. */
  withPosition: number;
  withoutPosition: number;
  /** Incidents of the two windows that had no area and were placed in the area their coordinates lie in. */
  placed: { file: string; line: number; area: string }[];
}

export interface ReportMeta {
  /** The report's language: sv or en. */
  language: 'sv' | 'en';
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
  /** Each window of the history, newest first: whether the exports cover it in full, and the days each kind lacks. */
  coverage: WindowCoverage[];
  /** The report window and the baseline's windows before it, newest first; `complete`: the incident exports cover it in full. */
  tallied: TalliedWindow[];
  /** The same ISO weeks 52 weeks before the report window. */
  lastYear: TalliedWindow;
}

/**
 * A count now and in the previous window. `previous` is null when the exports do not cover the
 * previous window in full; `change` and `changePercent` are null when they do not cover either
 * window in full (a partial count is not compared), and `changePercent` also when `previous` is 0.
 */
export interface Change {
  count: number;
  previous: number | null;
  change: number | null;
  changePercent: number | null;
}

export type IncidentRow = NamedCount & Judged;
export type AreaCategoryRow = AreaCategoryCount & Judged;

export interface NamedCount extends Change {
  name: string;
}

export interface AreaCategoryCount extends Change {
  area: string;
  category: string;
}

export interface IncidentSummary {
  total: number;
  /** null when the exports do not cover the previous window in full; the change is null when they do not cover either (see Change). */
  previousTotal: number | null;
  change: number | null;
  changePercent: number | null;
  /** The total per tallied window, newest first; null for a window not covered in full. */
  history: (number | null)[];
  lastYear: number | null;
  baseline: BaselineSummary;
  byArea: IncidentRow[];
  byCategory: IncidentRow[];
  /** How many areas and categories had at least one incident in the window. */
  areasWithIncidents: number;
  categoriesWithIncidents: number;
  /** The window's incidents by the source the export names; `source` null for a row with none. They add up to `total`. */
  bySource: SourceCount[];
  byAreaCategory: AreaCategoryRow[];
  /** The same counts as byAreaCategory laid out as a table: rows in byArea order, columns in byCategory order. */
  matrix: {
    categories: string[];
    rows: { area: string; cells: Change[]; total: Change }[];
    totals: Change[];
    total: Change;
    /** Past MATRIX_MAX_CELLS areas × categories the rows are left empty (their cells would grow with the product, not the data): byAreaCategory has every pair with a count. */
    rowsOmitted: boolean;
    /** Areas and categories the full table has, whether or not its rows are given. */
    areaCount: number;
    categoryCount: number;
  };
}

/** The previous window's rounds and minutes are null when the patrol logs do not cover it in full. */
export interface PatrolAreaSummary {
  name: string;
  rounds: number;
  minutes: number;
  previousRounds: number | null;
  previousMinutes: number | null;
}

export interface PatrolSummary {
  total: number;
  minutes: number;
  previousTotal: number | null;
  previousMinutes: number | null;
  byArea: PatrolAreaSummary[];
}

/** What rose most: up to three areas and three categories with the largest increase. */
export interface Summary {
  risingAreas: NamedCount[];
  risingCategories: NamedCount[];
}

export type HotspotClass = 'new' | 'persistent' | 'rising' | 'falling' | 'former';

export interface HotspotArea {
  name: string;
  count: number;
  /** Percent of the window's incidents, and of the areas ranked so far. */
  share: number;
  cumulativeShare: number;
  /** Among the few areas that hold 80 % of the incidents. */
  core: boolean;
  /** Incidents per window of the history, newest first; null for a window the incident exports do not cover in full. */
  history: (number | null)[];
  /** Only from windows the exports cover in full, rising or falling only with a signal; null when the area is no hot-spot, or no class can be given (see `noClassReason`). */
  class: HotspotClass | null;
}

/** Why no area has a class: the report window is not covered in full, or no earlier window is. */
export type NoClassReason = 'report window incomplete' | 'no earlier window complete';

export interface Hotspots {
  /** Windows of history asked for (config period.history), and how many of them the incident exports cover in full. */
  windows: number;
  windowsWithData: number;
  /** Every window of the history covered in full. */
  enoughHistory: boolean;
  /** null when the classes could be given. */
  noClassReason: NoClassReason | null;
  areas: HotspotArea[];
}

export interface TimePatterns {
  /** Incidents per weekday (0 = Monday) and hour, in the window. */
  weekdayHour: number[][];
  /** `count` is null on a day no incident export covers. */
  byDay: { date: string; count: number | null }[];
  busiest: { weekday: number; hour: number; count: number }[];
  /** Incidents with a date but no time and no from/to span: in byDay, not in the hours. */
  withoutTime: number;
  /** Incidents spread over the hours of their from/to span (aoristic counting): their shares may be fractions. */
  spread: number;
  /** Incidents with a time of day and no span to spread over: counted in the hour they were reported. */
  reportTimeOnly: number;
  /** Incidents of the window whose from/to span could not be used, each counted at its report time instead. */
  spanWarnings: RejectedRow[];
}

export interface CoverageGap {
  area: string;
  weekday: number;
  hour: number;
  incidents: number;
  /** Patrolled places in the table that are probably this area under another name: its hours may have been patrolled. */
  maybe: string[];
}

export interface CoverageArea {
  name: string;
  incidents: number;
  rounds: number;
  minutes: number;
  incidentsPerPatrolHour: number | null;
  remarks: number;
  /** False for a patrolled place that no incident names: its 0 incidents say nothing of the place. */
  matched: boolean;
  /** The other rows that are probably the same place under another name (see suggestions[]). */
  maybe: string[];
}

export interface PatrolCoverage {
  byArea: CoverageArea[];
  /** The patrolled places that no incident names (byArea's rows with matched false), in its order. */
  unmatched: string[];
  /** Hours of the week in an area with at least `gapThreshold` incidents and no patrol; the largest first. */
  gaps: CoverageGap[];
  gapCount: number;
  gapThreshold: number;
}
