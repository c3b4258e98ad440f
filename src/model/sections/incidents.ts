/**
 * Incidents by area, by category and by both, now and in the previous window:
 * the `incidents` part (areas, categories, the area × category matrix), each
 * row with the same window last year, the baseline of the tallied windows
 * before the report window, and its signal. The counts go back over every
 * window of the history and the tallied ones, and last year's, for the hot-spot
 * trends and the signals; only pairs seen are kept, so 8,000 areas × 500
 * categories cost what their rows do. Other sections read these counts: they
 * are the report's basic tallies.
 */
import { contains } from '../../period.js';
import { summariseBaseline } from '../../stats/index.js';
import { compareNames } from '../../text.js';
import type { NameBook } from '../names.js';
import { SourceTally } from '../source-counts.js';
import type { AreaCategoryRow, BaselineSummary, Change, IncidentRow, IncidentSummary, NamedCount } from '../report.js';
import { reach, windowIndex, type WindowName } from '../windows.js';
import { change, comparable, type Comparable, type CountedRow, type ReportEnd, type Section, type SectionSetup, type SignalLookup } from './section.js';

/** The largest matrix given in full: 8,000 areas × 500 categories would be 4 million cells, most of them empty. */
export const MATRIX_MAX_CELLS = 5_000;

/** Counts per window back to back with the current one, newest first ([current, previous, older…]), and last year's in the last place. */
export type Tally = Uint32Array;

/** A name with incidents in either window, the key it is tallied under, and its counts. */
export interface Ranked {
  key: string;
  value: NamedCount;
}

const NO_SIGNALS: SignalLookup = { signalOf: () => null };

export class IncidentCounts implements Section<IncidentSummary> {
  /** Windows back to back with the current one: last year's count is at this index of a tally. */
  private readonly windows: number;
  private readonly total: Tally;
  private readonly byArea = new Map<string, Tally>();
  private readonly byCategory = new Map<string, Tally>();
  private readonly byAreaCategory = new Map<string, Map<string, Tally>>();
  private readonly bySource = new SourceTally();

  /** `signals`: the report's signals, asked for in result() only (they are judged on these counts). */
  constructor(
    private readonly setup: SectionSetup,
    private readonly signals: (end: ReportEnd) => SignalLookup = () => NO_SIGNALS,
  ) {
    this.windows = reach(setup.period).length;
    this.total = new Uint32Array(this.windows + 1);
  }

  add(row: CountedRow): void {
    if (row.kind !== 'incident') return;
    const { window, area, category } = row;
    const k = windowIndex(window);
    const lastYear = contains(this.setup.period.lastYear, row.incident.at);
    bump(this.total, k, lastYear, this.windows);
    if (k === 0) this.bySource.add(row.incident.source);
    bump(this.tallyOf(this.byArea, area), k, lastYear, this.windows);
    bump(this.tallyOf(this.byCategory, category), k, lastYear, this.windows);
    let pairs = this.byAreaCategory.get(area);
    if (!pairs) this.byAreaCategory.set(area, (pairs = new Map()));
    bump(this.tallyOf(pairs, category), k, lastYear, this.windows);
  }

  /** Incidents of an area (by key) in a window. */
  inArea(key: string, window: WindowName): number {
    return this.byArea.get(key)?.[windowIndex(window) ?? this.windows] ?? 0;
  }

  /** Incidents of a category (by key) in a window. */
  inCategory(key: string, window: WindowName): number {
    return this.byCategory.get(key)?.[windowIndex(window) ?? this.windows] ?? 0;
  }

  /** Each area's incidents in a window, areas in the order they were first counted. */
  byAreaIn(window: WindowName): Map<string, number> {
    const k = windowIndex(window) ?? this.windows;
    return new Map([...this.byArea].map(([key, t]) => [key, t[k]!]));
  }

  /** Each area's counts over the windows back to back with the current one, newest first (then last year's), areas in the order they were first counted. */
  areaHistories(): [key: string, history: ArrayLike<number>][] {
    return [...this.byArea];
  }

  /** Every series the signals are tested on, by key: the total, each area, each category, each pair (area key → category key). */
  series(): { total: Tally; areas: ReadonlyMap<string, Tally>; categories: ReadonlyMap<string, Tally>; cells: ReadonlyMap<string, ReadonlyMap<string, Tally>> } {
    return { total: this.total, areas: this.byArea, categories: this.byCategory, cells: this.byAreaCategory };
  }

  /** Areas with incidents in either window, most first; compared only where the exports cover both windows. */
  rankedAreas(end: ReportEnd): Ranked[] {
    return ranked(this.byArea, this.setup.areas, comparable(end, 'incidents'));
  }

  /** Categories with incidents in either window, most first. */
  rankedCategories(end: ReportEnd): Ranked[] {
    return ranked(this.byCategory, this.setup.categories, comparable(end, 'incidents'));
  }

  result(end: ReportEnd): IncidentSummary {
    const covered = comparable(end, 'incidents');
    const signals = this.signals(end);
    const areas = this.rankedAreas(end);
    const categories = this.rankedCategories(end);
    const byArea = this.rows(areas, this.byArea, this.setup.areas, end, (key) => signals.signalOf(key, null));
    const byCategory = this.rows(categories, this.byCategory, this.setup.categories, end, (key) => signals.signalOf(null, key));
    const total = change(this.total[0]!, this.total[1]!, covered);
    const history = talliedCounts(this.total, end);
    return {
      total: total.count,
      previousTotal: total.previous,
      change: total.change,
      changePercent: total.changePercent,
      history,
      lastYear: lastYearCount(this.total, end),
      baseline: baselineOf(history),
      byArea,
      byCategory,
      areasWithIncidents: byArea.filter((a) => a.count > 0).length,
      categoriesWithIncidents: byCategory.filter((c) => c.count > 0).length,
      bySource: this.bySource.result(),
      byAreaCategory: this.pairs(covered, end, signals),
      matrix: this.matrix(areas, categories, covered),
    };
  }

  /** The ranked rows with last year, baseline and signal; then any series with a signal but no incident in either window (a fall to none), by name. */
  private rows(ranked: Ranked[], tallies: ReadonlyMap<string, Tally>, book: NameBook, end: ReportEnd, signalOf: (key: string) => IncidentRow['signal']): IncidentRow[] {
    const shown = new Set(ranked.map((r) => r.key));
    const quiet = [...tallies.keys()]
      .filter((key) => !shown.has(key) && signalOf(key) !== null)
      .map((key) => ({ key, value: { name: book.display(key), ...change(0, 0, comparable(end, 'incidents')) } }))
      .sort((a, b) => compareNames(a.value.name, b.value.name));
    return [...ranked, ...quiet].map(({ key, value }) => ({ ...value, ...judged(tallies.get(key)!, end), signal: signalOf(key) }));
  }

  private pairs(covered: Comparable, end: ReportEnd, signals: SignalLookup): AreaCategoryRow[] {
    const { areas, categories } = this.setup;
    const seen: { area: string; category: string; t: Tally; signal: AreaCategoryRow['signal'] }[] = [];
    for (const [area, row] of this.byAreaCategory) {
      for (const [category, t] of row) {
        const signal = signals.signalOf(area, category);
        if (t[0] === 0 && t[1] === 0 && signal === null) continue; // seen only in other windows, and no fall to none
        seen.push({ area: areas.display(area), category: categories.display(category), t, signal });
      }
    }
    // In the order of the counts as tallied, whether or not the previous one is shown.
    seen.sort((a, b) => b.t[0]! - a.t[0]! || b.t[1]! - a.t[1]! || compareNames(a.area, b.area) || compareNames(a.category, b.category));
    return seen.map(({ area, category, t, signal }) => ({ area, category, ...change(t[0]!, t[1]!, covered), ...judged(t, end), signal }));
  }

  private matrix(areas: Ranked[], categories: Ranked[], covered: Comparable): IncidentSummary['matrix'] {
    const rowsOmitted = areas.length * categories.length > MATRIX_MAX_CELLS;
    const rows = (rowsOmitted ? [] : areas).map(({ key, value: area }) => {
      const row = this.byAreaCategory.get(key);
      const cells = categories.map((c) => {
        const t = row?.get(c.key);
        return change(t?.[0] ?? 0, t?.[1] ?? 0, covered);
      });
      const t = this.byArea.get(key)!;
      return { area: area.name, cells, total: change(t[0]!, t[1]!, covered) };
    });
    return {
      categories: categories.map((c) => c.value.name),
      rows,
      totals: categories.map((c) => {
        const t = this.byCategory.get(c.key)!;
        return change(t[0]!, t[1]!, covered);
      }),
      total: sum(areas.map((a) => this.byArea.get(a.key)!), covered),
      rowsOmitted,
      areaCount: areas.length,
      categoryCount: categories.length,
    };
  }

  private tallyOf<K>(map: Map<K, Tally>, key: K): Tally {
    let t = map.get(key);
    if (!t) map.set(key, (t = new Uint32Array(this.windows + 1)));
    return t;
  }
}

/** One incident more in window k (none when it is only in last year's) and in last year's, when it is in that too. */
function bump(t: Tally, k: number | undefined, lastYear: boolean, lastYearAt: number): void {
  if (k !== undefined) t[k]! += 1;
  if (lastYear) t[lastYearAt]! += 1;
}

/** A series' counts in the tallied windows, newest first (the report window first); null for a window the incident exports do not cover in full. */
export function talliedCounts(t: Tally, end: ReportEnd): (number | null)[] {
  return end.tallied.map((complete, k) => (complete ? t[k]! : null));
}

/** A series' count in last year's window; null when the incident exports do not cover it in full. */
export function lastYearCount(t: Tally, end: ReportEnd): number | null {
  return end.lastYear ? t[t.length - 1]! : null;
}

/** The baseline of a series: the known counts of the tallied windows before the report window (`history` as from `talliedCounts`). */
export function baselineOf(history: readonly (number | null)[]): BaselineSummary {
  const b = summariseBaseline(history.slice(1));
  return { windows: b.windows, mean: b.windows === 0 ? null : round2(b.mean), sd: b.sd === null ? null : round2(b.sd) };
}

/** Last year's count and the baseline of a row. */
function judged(t: Tally, end: ReportEnd): { lastYear: number | null; baseline: BaselineSummary } {
  return { lastYear: lastYearCount(t, end), baseline: baselineOf(talliedCounts(t, end)) };
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

function sum(tallies: readonly Tally[], covered: Comparable): Change {
  return change(
    tallies.reduce((s, t) => s + t[0]!, 0),
    tallies.reduce((s, t) => s + t[1]!, 0),
    covered,
  );
}

/** Named counts of the two windows, most incidents first (then most before, as tallied), with the key each was tallied under. */
function ranked(tallies: Map<string, Tally>, book: NameBook, covered: Comparable): Ranked[] {
  return [...tallies]
    .filter(([, t]) => t[0]! + t[1]! > 0)
    .map(([key, t]) => ({ key, t, value: { name: book.display(key), ...change(t[0]!, t[1]!, covered) } }))
    .sort((a, b) => b.t[0]! - a.t[0]! || b.t[1]! - a.t[1]! || compareNames(a.value.name, b.value.name))
    .map(({ key, value }) => ({ key, value }));
}
