/**
 * When in the week incidents happen: a weekday × hour grid and a count per day
 * of the current window. An incident whose export gives a from/to span is
 * spread over the hours of it (aoristic.ts); the others count at their report
 * time. The day, like the window, is always the report time's.
 */
import type { WindowClock } from '../../period.js';
import { reasonText } from '../../texts/reasons.js';
import { spreadOver } from '../aoristic.js';
import type { RejectedRow, TimePatterns } from '../report.js';
import { isCurrent } from '../windows.js';
import type { CountedRow, ReportEnd, Section, SectionSetup } from './section.js';

export class TimePatternTally implements Section<TimePatterns> {
  private readonly grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  private readonly perDay: number[];
  private readonly clock: WindowClock;
  private readonly timeZone: string;
  private withoutTime = 0;
  private spread = 0;
  private reportTimeOnly = 0;
  private readonly spanWarnings: RejectedRow[] = [];

  constructor({ clock, period }: SectionSetup) {
    this.clock = clock;
    this.timeZone = period.timeZone;
    this.perDay = new Array<number>(period.current.days).fill(0);
  }

  add(row: CountedRow): void {
    if (row.kind !== 'incident' || !isCurrent(row.window)) return;
    const { incident } = row;
    const at = this.clock.locate(incident.at);
    if (!at) return;
    this.perDay[at.day]!++;
    if (incident.span) {
      this.spread++;
      spreadOver(this.grid, incident.span, this.timeZone);
      return;
    }
    const problem = incident.spanProblem;
    if (problem) this.spanWarnings.push({ file: row.file, line: problem.line, column: problem.column ?? null, code: problem.code, reason: reasonText('en', problem) });
    // An incident with a date but no time counts for its day, not for an hour.
    if (incident.dateOnly) this.withoutTime++;
    else {
      this.reportTimeOnly++;
      this.grid[at.weekday]![at.hour]!++;
    }
  }

  result(end: ReportEnd): TimePatterns {
    // Shares are not rounded here, so that they add up to the count; the heat map rounds them for the eye.
    const grid = this.grid.map((hours) => [...hours]);
    const cells = grid.flatMap((hours, weekday) => hours.map((count, hour) => ({ weekday, hour, count })));
    // A day no incident export covers has no count: its 0 would read as a quiet day.
    const missing = end.coverage[0]?.missing.filter((m) => m.kind === 'incidents') ?? [];
    const uncovered = (date: string) => missing.some((m) => m.from <= date && date <= m.to);
    return {
      weekdayHour: grid,
      byDay: this.perDay.map((count, i) => {
        const date = this.clock.date(i);
        return { date, count: uncovered(date) ? null : count };
      }),
      busiest: cells.filter((c) => c.count > 0).sort((a, b) => b.count - a.count || a.weekday - b.weekday || a.hour - b.hour).slice(0, 3),
      withoutTime: this.withoutTime,
      spread: this.spread,
      reportTimeOnly: this.reportTimeOnly,
      spanWarnings: [...this.spanWarnings],
    };
  }
}
