/**
 * Incidents by area, by category and by both, now and in the previous window:
 * the `incidents` part (areas, categories, the area × category matrix). The
 * counts by area go back over every window of the history, for the hot-spot
 * trends. Other sections read these counts: they are the report's basic tallies.
 */
import { compareNames } from '../../text.js';
import type { NameBook } from '../names.js';
import type { AreaCategoryCount, Change, IncidentSummary, NamedCount } from '../report.js';
import { isOlder, windowIndex, type WindowName } from '../windows.js';
import { change, comparable, type Comparable, type CountedRow, type ReportEnd, type Section, type SectionSetup } from './section.js';

/** The largest matrix given in full: 8,000 areas × 500 categories would be 4 million cells, most of them empty. */
export const MATRIX_MAX_CELLS = 5_000;

/** Counts per window of the history, newest first: [current, previous, older…]. */
type Tally = number[];

/** A name with incidents in either window, the key it is tallied under, and its counts. */
export interface Ranked {
  key: string;
  value: NamedCount;
}

export class IncidentCounts implements Section<IncidentSummary> {
  private readonly byArea = new Map<string, Tally>();
  private readonly byCategory = new Map<string, Tally>();
  private readonly byAreaCategory = new Map<string, Map<string, Tally>>();

  constructor(private readonly setup: SectionSetup) {}

  add(row: CountedRow): void {
    if (row.kind !== 'incident') return;
    const { window, area, category } = row;
    this.bump(this.byArea, area, window);
    if (isOlder(window)) return; // only the area's count, for the trends
    this.bump(this.byCategory, category, window);
    let pairs = this.byAreaCategory.get(area);
    if (!pairs) this.byAreaCategory.set(area, (pairs = new Map()));
    this.bump(pairs, category, window);
  }

  /** Incidents of an area (by key) in a window. */
  inArea(key: string, window: WindowName): number {
    return this.byArea.get(key)?.[windowIndex(window)] ?? 0;
  }

  /** Incidents of a category (by key) in the current or previous window. */
  inCategory(key: string, window: WindowName): number {
    return this.byCategory.get(key)?.[windowIndex(window)] ?? 0;
  }

  /** Each area's incidents in a window, areas in the order they were first counted. */
  byAreaIn(window: WindowName): Map<string, number> {
    const k = windowIndex(window);
    return new Map([...this.byArea].map(([key, t]) => [key, t[k]!]));
  }

  /** Each area's counts over the history, newest window first, areas in the order they were first counted. */
  areaHistories(): [key: string, history: readonly number[]][] {
    return [...this.byArea];
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
    const areas = this.rankedAreas(end);
    const categories = this.rankedCategories(end);
    const byArea = areas.map((a) => a.value);
    const byCategory = categories.map((c) => c.value);
    const total = sum([...this.byArea.values()], covered);
    return {
      total: total.count,
      previousTotal: total.previous,
      change: total.change,
      changePercent: total.changePercent,
      byArea,
      byCategory,
      areasWithIncidents: byArea.filter((a) => a.count > 0).length,
      categoriesWithIncidents: byCategory.filter((c) => c.count > 0).length,
      byAreaCategory: this.pairs(covered),
      matrix: this.matrix(areas, categories, covered),
    };
  }

  private pairs(covered: Comparable): AreaCategoryCount[] {
    const { areas, categories } = this.setup;
    const seen: { area: string; category: string; t: Tally }[] = [];
    for (const [area, row] of this.byAreaCategory) {
      for (const [category, t] of row) {
        if (t[0] === 0 && t[1] === 0) continue; // seen only in older windows
        seen.push({ area: areas.display(area), category: categories.display(category), t });
      }
    }
    // In the order of the counts as tallied, whether or not the previous one is shown.
    seen.sort((a, b) => b.t[0]! - a.t[0]! || b.t[1]! - a.t[1]! || compareNames(a.area, b.area) || compareNames(a.category, b.category));
    return seen.map(({ area, category, t }) => ({ area, category, ...change(t[0]!, t[1]!, covered) }));
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

  private bump<K>(map: Map<K, Tally>, key: K, window: WindowName): void {
    let t = map.get(key);
    if (!t) map.set(key, (t = new Array<number>(this.setup.period.history.length).fill(0)));
    t[windowIndex(window)]! += 1;
  }
}

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
