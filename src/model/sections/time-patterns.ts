/** When in the week incidents happen: a weekday × hour grid and a count per day of the current window. */
import type { WindowClock } from '../../period.js';
import type { TimePatterns } from '../report.js';
import { isCurrent } from '../windows.js';
import type { CountedRow, ReportEnd, Section, SectionSetup } from './section.js';

export class TimePatternTally implements Section<TimePatterns> {
  private readonly grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  private readonly perDay: number[];
  private readonly clock: WindowClock;
  private withoutTime = 0;

  constructor({ clock, period }: SectionSetup) {
    this.clock = clock;
    this.perDay = new Array<number>(period.current.days).fill(0);
  }

  add(row: CountedRow): void {
    if (row.kind === 'incident' && isCurrent(row.window)) this.addAt(row.incident.at, row.incident.dateOnly);
  }

  /** An incident with a date but no time counts for its day, not for an hour. */
  private addAt(instant: number, dateOnly = false): void {
    const at = this.clock.locate(instant);
    if (!at) return;
    this.perDay[at.day]!++;
    if (dateOnly) this.withoutTime++;
    else this.grid[at.weekday]![at.hour]!++;
  }

  result(end: ReportEnd): TimePatterns {
    const cells = this.grid.flatMap((hours, weekday) => hours.map((count, hour) => ({ weekday, hour, count })));
    // A day no incident export covers has no count: its 0 would read as a quiet day.
    const missing = end.coverage[0]?.missing.filter((m) => m.kind === 'incidents') ?? [];
    const uncovered = (date: string) => missing.some((m) => m.from <= date && date <= m.to);
    return {
      weekdayHour: this.grid.map((row) => [...row]),
      byDay: this.perDay.map((count, i) => {
        const date = this.clock.date(i);
        return { date, count: uncovered(date) ? null : count };
      }),
      busiest: cells.filter((c) => c.count > 0).sort((a, b) => b.count - a.count || a.weekday - b.weekday || a.hour - b.hour).slice(0, 3),
      withoutTime: this.withoutTime,
    };
  }
}
