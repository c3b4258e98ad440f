/** Guard patrol rounds and their minutes per area, now and in the previous window: the `patrols` part. */
import { compareNames } from '../../text.js';
import type { PatrolAreaSummary, PatrolSummary } from '../report.js';
import { isCurrent, isPrevious, type WindowName } from '../windows.js';
import { comparable, type CountedRow, type ReportEnd, type Section, type SectionSetup } from './section.js';

interface PatrolTally {
  rounds: number;
  minutes: number;
  previousRounds: number;
  previousMinutes: number;
}

export class PatrolCounts implements Section<PatrolSummary> {
  private readonly byArea = new Map<string, PatrolTally>();

  constructor(private readonly setup: SectionSetup) {}

  add(row: CountedRow): void {
    if (row.kind !== 'round') return;
    let t = this.byArea.get(row.area);
    if (!t) this.byArea.set(row.area, (t = { rounds: 0, minutes: 0, previousRounds: 0, previousMinutes: 0 }));
    if (isCurrent(row.window)) {
      t.rounds += 1;
      t.minutes += row.round.minutes;
    } else if (isPrevious(row.window)) {
      t.previousRounds += 1;
      t.previousMinutes += row.round.minutes;
    }
  }

  /** Each area's rounds and minutes in the current or previous window, areas in the order they were first counted. */
  byAreaIn(window: WindowName): Map<string, { rounds: number; minutes: number }> {
    const now = isCurrent(window);
    return new Map([...this.byArea].map(([key, t]) => [key, now ? { rounds: t.rounds, minutes: t.minutes } : { rounds: t.previousRounds, minutes: t.previousMinutes }]));
  }

  result(end: ReportEnd): PatrolSummary {
    // The previous window's rounds are not given when the logs do not cover it in full: a partial count is not compared.
    const before = comparable(end, 'patrols').before;
    const shown = [...this.byArea]
      .filter(([, t]) => t.rounds + t.previousRounds > 0)
      .map(([key, t]) => ({ name: this.setup.areas.display(key), ...t, minutes: Math.round(t.minutes), previousMinutes: Math.round(t.previousMinutes) }))
      .sort((a, b) => b.rounds - a.rounds || b.minutes - a.minutes || compareNames(a.name, b.name));
    const add = (f: (a: PatrolTally) => number) => shown.reduce((s, a) => s + f(a), 0);
    const byArea: PatrolAreaSummary[] = shown.map((a) => ({
      name: a.name,
      rounds: a.rounds,
      minutes: a.minutes,
      previousRounds: before ? a.previousRounds : null,
      previousMinutes: before ? a.previousMinutes : null,
    }));
    return {
      total: add((a) => a.rounds),
      minutes: add((a) => a.minutes),
      previousTotal: before ? add((a) => a.previousRounds) : null,
      previousMinutes: before ? add((a) => a.previousMinutes) : null,
      byArea,
    };
  }
}
