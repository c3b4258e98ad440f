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
import type { Activity, CommitmentTarget, Incident, PatrolRound } from '../../domain.js';
import type { AreaMap } from '../../geo/contains.js';
import type { ReportPeriod, WindowClock } from '../../period.js';
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
  /** How many windows of the history the incident exports reach back over, the current one included. */
  windowsWithData: number;
}

/** A count now against before. */
export function change(count: number, previous: number): Change {
  return {
    count,
    previous,
    change: count - previous,
    changePercent: previous === 0 ? null : Math.round(((count - previous) / previous) * 1000) / 10,
  };
}
