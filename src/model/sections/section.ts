/**
 * What a section of the report is: one module that is told of each counted row
 * and gives its part of the model. The builder (build-report.ts) decides which
 * rows count — inside a window of the history, and not a duplicate — and tells
 * every section of each, in the order the rows stand, file by file; a section
 * keeps what it needs and ignores the rest (most want only the current window,
 * or incidents only).
 *
 * Names arrive as keys (area and category keys of the run's name books). The
 * books go on learning spellings until the last file is in, so a section keeps
 * its tallies by key and asks the books for display names in result() only.
 *
 * A section that needs another's tallies is handed that section when made (see
 * index.ts) and reads it in result(): coverage reads the incident and patrol
 * counts, the map reads the counts and the notable incidents.
 */
import type { Activity, CommitmentTarget, Incident, InputKind, PatrolRound } from '../../domain.js';
import type { AreaMap } from '../../geo/contains.js';
import type { ReportPeriod, WindowClock } from '../../period.js';
import { isComplete, type WindowCoverage } from '../coverage.js';
import type { NameBook } from '../names.js';
import type { Change } from '../report.js';
import type { WindowName } from '../windows.js';

/** A row the report counts, with its window; incidents in any window of the history, rounds and activities in the current or previous one. */
export type CountedRow =
  | { kind: 'incident'; window: WindowName; file: string; line: number; incident: Incident; area: string; category: string }
  | { kind: 'round'; window: WindowName; file: string; line: number; round: PatrolRound; area: string }
  | { kind: 'activity'; window: WindowName; file: string; line: number; activity: Activity };

export interface Section<Part> {
  /** A counted row; `area` and `category` are keys. */
  add?(row: CountedRow): void;
  /** An activity of the year so far, 1 January to the window's end, as read (not checked for duplicates): for the medborgarlöften. */
  addActivity?(activity: Activity): void;
  /** Its part of the model, once every file is in. */
  result(end: ReportEnd): Part;
}

/** What the config says of the sections. */
export interface SectionOptions {
  /** Categories whose incidents are listed one by one (matched loosely, after aliases). */
  seriousCategories?: readonly string[];
  /** The medborgarlöften to follow up. */
  commitments?: readonly CommitmentTarget[];
  /** The municipality's areas, for the maps. */
  map?: AreaMap;
  /** Which changes are signals (config `signals`); the baseline's windows are the period's `tallied`. */
  signals?: { falseDiscoveryRate?: number; minPercentBase?: number };
  /** How many places the focus list ranks (config `focus.places`). */
  focus?: { places?: number };
}

/** What every section is made with. */
export interface SectionSetup {
  period: ReportPeriod;
  /** The local day and hour of instants in the current window. */
  clock: WindowClock;
  /** The run's names, merged over every file. */
  areas: NameBook;
  categories: NameBook;
  options: SectionOptions;
}

/** What is known only once every file is in. */
export interface ReportEnd {
  /** Each window of the history, newest first, and the days each kind's exports lack in it. */
  coverage: readonly WindowCoverage[];
  /** Whether the incident exports cover each of the period's tallied windows in full, newest first, and last year's window. */
  tallied: readonly boolean[];
  lastYear: boolean;
}

/** Which way a series moved beyond chance, if it did. */
export type SignalDirection = 'rise' | 'fall';

/**
 * The signals of a report by the keys of what they are about: `area` or
 * `category` null for a total over it. Given by the signals section (signals.ts)
 * to the sections that mark their rows with it.
 */
export interface SignalLookup {
  signalOf(area: string | null, category: string | null): SignalDirection | null;
}

/** Whether the exports of a kind cover the report window and the comparison window in full: whether its counts compare. */
export interface Comparable {
  now: boolean;
  before: boolean;
}

export function comparable(end: ReportEnd, kind: InputKind): Comparable {
  return { now: isComplete(end.coverage, kind, 0), before: isComplete(end.coverage, kind, 1) };
}

/**
 * A count now against before. A count of a window the exports do not cover in
 * full is partial: the previous one is not given, and neither is compared.
 */
export function change(count: number, previous: number, covered: Comparable = { now: true, before: true }): Change {
  if (!covered.now || !covered.before) return { count, previous: covered.before ? previous : null, change: null, changePercent: null };
  return {
    count,
    previous,
    change: count - previous,
    changePercent: previous === 0 ? null : Math.round(((count - previous) / previous) * 1000) / 10,
  };
}
