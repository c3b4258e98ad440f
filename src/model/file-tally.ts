/**
 * What the rows of one file (or one part of a file) come to before the files
 * are put together: where each row went, the names as spelt, the span, and
 * the rows inside the windows of the history, which the report builder checks
 * for duplicates and counts. Plain data, so a worker thread can hand it over.
 */
import type { Activity, Incident, InputKind, PatrolRound, Rejection } from '../domain.js';
import type { ReportPeriod } from '../period.js';
import { isOlder, windowAt, type WindowName } from './windows.js';

/** A row of a window of the history: incidents in any, patrol rounds and activities in the current or previous one. */
export type WindowRow =
  | { line: number; window: WindowName; incident: Incident; round?: undefined; activity?: undefined }
  | { line: number; window: WindowName; round: PatrolRound; incident?: undefined; activity?: undefined }
  | { line: number; window: WindowName; activity: Activity; incident?: undefined; round?: undefined };

export interface TallyData {
  rows: number;
  outside: number;
  rejected: Rejection[];
  skipped: { line: number; reason: string }[];
  /** Spelling as in the data → rows, over all usable rows, inside the windows or not; areas by the kind of row that names them, to match them across kinds. */
  areaNames: Record<InputKind, Map<string, number>>;
  categoryNames: Map<string, number>;
  /** Earliest and latest usable row, as instants; null when none. */
  first: number | null;
  last: number | null;
  /** Rows of the windows of the history, one by one: they are checked for duplicates and counted. */
  windowRows: WindowRow[];
  /** Activities from 1 January of the window's year to its end, for the medborgarlöften. */
  activities: Activity[];
}

/** A row sink that tallies; `take()` hands over what it has and starts afresh. */
export class FileTally {
  private data: TallyData = emptyTally();

  constructor(private readonly period: ReportPeriod) {}

  incident(line: number, incident: Incident): void {
    count(this.data.areaNames.incidents, incident.area);
    count(this.data.categoryNames, incident.category);
    const window = this.place(incident.at);
    // Older windows are kept too: the same incident in two overlapping exports must count once in the trends as well.
    if (window) this.data.windowRows.push({ line, window, incident });
  }

  patrol(line: number, round: PatrolRound): void {
    count(this.data.areaNames.patrols, round.area);
    const window = this.place(round.start);
    if (window && !isOlder(window)) this.data.windowRows.push({ line, window, round });
  }

  activity(line: number, activity: Activity): void {
    if (activity.area) count(this.data.areaNames.activities, activity.area);
    const window = this.place(activity.on);
    if (window && !isOlder(window)) this.data.windowRows.push({ line, window, activity });
    if (activity.on >= this.period.yearStartsAt && activity.on < this.period.current.endsAt) this.data.activities.push(activity);
  }

  reject(rejection: Rejection): void {
    this.data.rows++;
    this.data.rejected.push(rejection);
  }

  skip(line: number, reason: string): void {
    this.data.rows++;
    this.data.skipped.push({ line, reason });
  }

  take(): TallyData {
    const data = this.data;
    this.data = emptyTally();
    return data;
  }

  /** Rows in older windows of the history count as outside the two windows, but go on for the trends. */
  private place(instant: number): WindowName | undefined {
    const d = this.data;
    d.rows++;
    if (d.first === null || instant < d.first) d.first = instant;
    if (d.last === null || instant > d.last) d.last = instant;
    const window = windowAt(this.period, instant);
    if (!window || isOlder(window)) d.outside++;
    return window;
  }
}

function emptyTally(): TallyData {
  return { rows: 0, outside: 0, rejected: [], skipped: [], areaNames: { incidents: new Map(), patrols: new Map(), activities: new Map() }, categoryNames: new Map(), first: null, last: null, windowRows: [], activities: [] };
}

function count(map: Map<string, number>, name: string): void {
  map.set(name, (map.get(name) ?? 0) + 1);
}
