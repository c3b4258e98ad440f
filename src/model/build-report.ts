/**
 * Puts the tallies of every input file together into the report model: names
 * merged, duplicates across exports counted once, counts by area and category
 * now and before. Pure: no I/O. Tallies arrive file by file, part by part, in
 * the order the rows stand, so "the first" of two duplicates is well defined.
 */
import type { Activity, InputKind } from '../domain.js';
import { followUp, type CommitmentTarget, type YearSoFar } from './commitments.js';
import { isoWeeks, localDate, WindowClock, type ReportPeriod } from '../period.js';
import { TZDate } from '@date-fns/tz';
import { CoverageTally } from './patrol-coverage.js';
import { hotspots } from './hotspots.js';
import { TimePatternTally } from './time-patterns.js';
import type { TallyData, WindowRow } from './file-tally.js';
import { windowIndex } from './windows.js';
import { compareNames } from '../text.js';
import { NameBook, nameKey } from './names.js';
import type {
  AreaCategoryCount,
  Change,
  DuplicateRow,
  InputAccount,
  InputFormat,
  NamedCount,
  PatrolAreaSummary,
  RejectedRow,
  ReportMeta,
  ReportModel,
  RowLocation,
  SkippedRow,
} from './report.js';
import { SCHEMA_VERSION } from './report.js';
import { suggestMerges } from './similar-names.js';
import type { AreaMap } from '../geo/contains.js';
import { mapSummary } from './map-summary.js';

/** Counts per window of the history: [current, previous, older…]. */
type Tally = number[];
/** A window's place in the history: 0 the current, 1 the previous, 2… older ones. */
type Slot = number;
interface PatrolTally {
  rounds: Tally;
  minutes: Tally;
}

export interface BuilderOptions {
  areas?: Readonly<Record<string, string>>;
  categories?: Readonly<Record<string, string>>;
  /** Categories whose incidents are listed one by one (matched loosely, after aliases). */
  seriousCategories?: readonly string[];
  /** The medborgarlöften to follow up. */
  commitments?: readonly CommitmentTarget[];
  /** The municipality's areas, for the maps. */
  map?: AreaMap;
}

/** Notable incidents listed in the report at most; the total says how many there were. */
const SHOWN_NOTABLE = 40;
const DESCRIPTION_LENGTH = 200;

/** The accounting of one input file; pass it back with each of the file's tallies. */
export type FileAccount = InputAccount;

export class ReportBuilder {
  private readonly areas: NameBook;
  private readonly categories: NameBook;
  private readonly byArea = new Map<string, Tally>();
  private readonly byCategory = new Map<string, Tally>();
  private readonly byAreaCategory = new Map<string, Map<string, Tally>>();
  private readonly patrolsByArea = new Map<string, PatrolTally>();
  private readonly inputs: InputAccount[] = [];
  private readonly rejected: RejectedRow[] = [];
  private readonly skipped: SkippedRow[] = [];
  private readonly duplicates: DuplicateRow[] = [];
  private readonly spans = new Map<FileAccount, { first: number; last: number }>();
  /** Rows counted inside the windows, by identity, to find the same row in another export. */
  private readonly seenIds = new Map<string, RowLocation>();
  private readonly seenContent = new Map<string, { at: RowLocation; hasId: boolean }>();
  private readonly clock: WindowClock;
  private readonly timePatterns: TimePatternTally;
  private readonly coverage: CoverageTally;
  private readonly serious: Set<string>;
  private readonly notable: { at: number; dateOnly: boolean; area: string; category: string; description?: string; reason: string; position?: [number, number] }[] = [];
  private readonly map: AreaMap | undefined;
  /** Incidents of the two windows placed by their coordinates, area by key. */
  private readonly placed: { file: string; line: number; area: string }[] = [];
  private readonly positions = { with: 0, without: 0 };
  private readonly activities: Activity[] = [];
  private readonly commitments: readonly CommitmentTarget[];

  constructor(
    private readonly period: ReportPeriod,
    options: BuilderOptions = {},
  ) {
    this.areas = new NameBook(options.areas, 'areaAliases');
    this.categories = new NameBook(options.categories, 'categoryAliases');
    this.clock = new WindowClock(period.current, period.timeZone);
    this.timePatterns = new TimePatternTally(this.clock, period.current.days);
    this.coverage = new CoverageTally(this.clock);
    this.serious = new Set((options.seriousCategories ?? []).map((c) => this.categories.keyOf(c)));
    this.commitments = options.commitments ?? [];
    this.map = options.map;
  }

  addFile(file: string, kind: InputKind): FileAccount {
    const account: InputAccount = {
      file, kind, rows: 0, inPeriod: 0, inPrevious: 0, outside: 0, rejected: 0, duplicates: 0, skipped: 0,
      format: { encoding: '', encodingUnsure: false, delimiter: '', dateFormats: [], columns: {} },
      span: null,
    };
    this.inputs.push(account);
    return account;
  }

  /** How the file was read, known in full once all its rows are in. */
  describeFile(account: FileAccount, format: InputFormat): void {
    account.format = format;
  }

  /** What a part of the file came to; parts in the order they stand in the file. */
  addTally(account: FileAccount, tally: TallyData): void {
    account.rows += tally.rows;
    account.outside += tally.outside;
    account.rejected += tally.rejected.length;
    account.skipped += tally.skipped.length;
    for (const r of tally.rejected) this.rejected.push({ file: account.file, line: r.line, column: r.column ?? null, reason: r.reason });
    for (const s of tally.skipped) this.skipped.push({ file: account.file, line: s.line, reason: s.reason });
    for (const [name, n] of tally.areaNames) this.areas.see(name, n);
    for (const [name, n] of tally.categoryNames) this.categories.see(name, n);
    if (tally.first !== null && tally.last !== null) this.widenSpan(account, tally.first, tally.last);
    for (const row of tally.windowRows) this.count(account, row);
    this.activities.push(...tally.activities);
  }

  private count(account: FileAccount, row: WindowRow): void {
    const { line } = row;
    const slot = windowIndex(row.window);
    if (row.activity) {
      countIn(account, slot); // activities count towards the promises, from the year's start; see addTally
      return;
    }
    if (row.incident) {
      const { incident } = row;
      const area = this.areas.keyOf(incident.area);
      const category = this.categories.keyOf(incident.category);
      const idKey = incident.id === undefined ? undefined : `i|${incident.id.trim().toLowerCase()}`;
      const contentKey = `i|${incident.at}|${area}|${category}|${nameKey(incident.description ?? '')}`;
      if (slot >= 2) {
        // An older window: only the area's count, for the hot-spot trends; a repeat is left out, not reported.
        if (!this.isRepeat(idKey, contentKey, { file: account.file, line })) this.bump(this.byArea, area, slot, 1);
        return;
      }
      if (this.isDuplicate(account, line, idKey, contentKey)) return;
      countIn(account, slot);
      if (incident.placed) this.placed.push({ file: account.file, line, area });
      this.bump(this.byArea, area, slot, 1);
      this.bump(this.byCategory, category, slot, 1);
      let pairs = this.byAreaCategory.get(area);
      if (!pairs) this.byAreaCategory.set(area, (pairs = new Map()));
      this.bump(pairs, category, slot, 1);
      if (slot === 0) {
        this.timePatterns.add(incident.at, incident.dateOnly);
        // Without a time of day an incident says nothing of which hour wanted a patrol.
        if (!incident.dateOnly) this.coverage.addIncident(area, incident.at);
        const reason = this.serious.has(category) ? 'serious category' : incident.flagged ? 'flagged' : undefined;
        if (reason) this.notable.push({ at: incident.at, dateOnly: incident.dateOnly === true, area, category, description: incident.description, reason, position: incident.position });
        if (incident.position) this.positions.with++;
        else this.positions.without++;
      }
    } else if (row.round) {
      const { round } = row;
      const area = this.areas.keyOf(round.area);
      const contentKey = `p|${round.start}|${area}|${round.minutes}|${nameKey(round.guard ?? '')}`;
      if (this.isDuplicate(account, line, undefined, contentKey)) return;
      countIn(account, slot);
      let t = this.patrolsByArea.get(area);
      if (!t) this.patrolsByArea.set(area, (t = { rounds: this.zero(), minutes: this.zero() }));
      t.rounds[slot]! += 1;
      t.minutes[slot]! += round.minutes;
      this.coverage.addRound(area, round.start, round.minutes, round.remarks !== undefined, slot === 0);
    }
  }

  /**
   * The same row in two overlapping exports counts once: by id when both have
   * one, else by time, area, category and description. The repeat goes to
   * `duplicates`, with where it was seen first. Only rows inside the windows of
   * the history come here, so memory follows the windows, not the size of the files.
   */
  private isDuplicate(account: FileAccount, line: number, idKey: string | undefined, contentKey: string): boolean {
    const here = { file: account.file, line };
    const first = this.isRepeat(idKey, contentKey, here);
    if (!first) return false;
    account.duplicates++;
    this.duplicates.push({ ...here, duplicateOf: first.at, reason: first.byId ? 'same id' : 'same time, area, category and description' });
    return true;
  }

  /** Where a row was seen before, by id or by content; remembers it when it is new. */
  private isRepeat(idKey: string | undefined, contentKey: string, here: RowLocation): { at: RowLocation; byId: boolean } | undefined {
    const byId = idKey === undefined ? undefined : this.seenIds.get(idKey);
    if (byId) return { at: byId, byId: true };
    const byContent = this.seenContent.get(contentKey);
    if (byContent && (idKey === undefined || !byContent.hasId)) return { at: byContent.at, byId: false };
    if (idKey !== undefined) this.seenIds.set(idKey, here);
    if (!byContent) this.seenContent.set(contentKey, { at: here, hasId: idKey !== undefined });
    return undefined;
  }

  private widenSpan(account: FileAccount, first: number, last: number): void {
    const span = this.spans.get(account);
    if (!span) this.spans.set(account, { first, last });
    else {
      span.first = Math.min(span.first, first);
      span.last = Math.max(span.last, last);
    }
  }

  private zero(): Tally {
    return new Array<number>(this.period.history.length).fill(0);
  }

  private bump<K>(map: Map<K, Tally>, key: K, slot: Slot, by: number): void {
    let t = map.get(key);
    if (!t) map.set(key, (t = this.zero()));
    t[slot]! += by;
  }

  build(meta: ReportMeta): ReportModel {
    const { current, previous, timeZone } = this.period;
    const areas = ranked(this.byArea, this.areas);
    const categories = ranked(this.byCategory, this.categories);
    const byArea = areas.map((a) => a.value);
    const byCategory = categories.map((c) => c.value);
    const total = sum(byArea);
    return {
      schemaVersion: SCHEMA_VERSION,
      meta,
      period: {
        start: current.start,
        end: current.end,
        previousStart: previous.start,
        previousEnd: previous.end,
        days: current.days,
        weeks: isoWeeks(current, timeZone),
        previousWeeks: isoWeeks(previous, timeZone),
      },
      incidents: {
        total: total.count,
        previousTotal: total.previous,
        change: total.change,
        changePercent: total.changePercent,
        byArea,
        byCategory,
        areasWithIncidents: byArea.filter((a) => a.count > 0).length,
        categoriesWithIncidents: byCategory.filter((c) => c.count > 0).length,
        byAreaCategory: this.pairs(),
        matrix: this.matrix(areas, categories),
      },
      patrols: this.patrols(),
      summary: {
        risingAreas: risers(byArea),
        risingCategories: risers(byCategory),
      },
      hotspots: hotspots(
        [...this.byArea].map(([key, history]) => ({ name: this.areas.display(key), history })),
        this.period.history.length,
        this.windowsWithData(),
      ),
      timePatterns: this.timePatterns.result(),
      coverage: this.coverage.result(
        (key) => this.areas.display(key),
        new Map([...this.byArea].map(([key, t]) => [key, t[0]!])),
        new Map([...this.patrolsByArea].map(([key, t]) => [key, { rounds: t.rounds[0]!, minutes: t.minutes[0]! }])),
      ),
      notable: this.notableIncidents(),
      commitments: followUp(this.commitments, this.activities, this.yearSoFar()),
      assessment: null,
      inputs: this.inputs.map((a) => {
        const span = this.spans.get(a);
        return { ...a, span: span ? { first: localDate(span.first, timeZone), last: localDate(span.last, timeZone) } : null };
      }),
      rejected: [...this.rejected],
      duplicates: [...this.duplicates],
      skipped: [...this.skipped],
      suggestions: [...suggestMerges('area', this.areas), ...suggestMerges('category', this.categories)],
      // Masking is done on the whole model once it is made, notes included: see collectReport.
      redaction: { enabled: false, counts: {} },
      map: this.map ? this.mapSummary(this.map, areas) : null,
    };
  }

  private mapSummary(map: AreaMap, ranked: Keyed[]): ReportModel['map'] {
    const timeZone = this.period.timeZone;
    return mapSummary({
      map,
      areas: this.areas,
      counts: (key) => {
        const t = this.byArea.get(key);
        return change(t?.[0] ?? 0, t?.[1] ?? 0);
      },
      ranked: ranked.map((r) => ({ key: r.key, value: r.value })),
      categories: [...this.serious].map((k) => ({ name: this.categories.display(k), count: this.byCategory.get(k)?.[0] ?? 0 })),
      points: this.notable
        .filter((n) => n.reason === 'serious category' && n.position)
        .sort((a, b) => a.at - b.at)
        .map((n) => ({ category: this.categories.display(n.category), area: this.areas.display(n.area), date: localDate(n.at, timeZone), position: n.position! })),
      withPosition: this.positions.with,
      withoutPosition: this.positions.without,
      placed: this.placed.map((p) => ({ ...p, area: this.areas.display(p.area) })),
    });
  }

  private yearSoFar(): YearSoFar {
    const { current, yearStartsAt, timeZone } = this.period;
    const year = Number(current.end.slice(0, 4));
    const daysInYear = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1 ? 366 : 365;
    const daysGone = Math.round((current.endsAt - yearStartsAt) / 86_400_000);
    return { year, asOf: localDate(current.endsAt - 1, timeZone), daysGone, daysInYear };
  }

  /** How many windows of the history the incident exports reach back over, the current one included. */
  private windowsWithData(): number {
    const firsts = this.inputs.filter((a) => a.kind === 'incidents').map((a) => this.spans.get(a)?.first).filter((f) => f !== undefined);
    if (firsts.length === 0) return 0;
    const earliest = Math.min(...firsts);
    // A window counts when the exports start no later than its first day.
    return this.period.history.filter((w) => earliest < w.startsAt + 86_400_000).length;
  }

  private notableIncidents(): ReportModel['notable'] {
    const sorted = [...this.notable].sort((a, b) => a.at - b.at);
    return {
      total: sorted.length,
      categories: [...this.serious].map((k) => this.categories.display(k)),
      items: sorted.slice(0, SHOWN_NOTABLE).map((n) => {
        const local = new TZDate(n.at, this.period.timeZone);
        const pad = (x: number) => String(x).padStart(2, '0');
        const description = n.description === undefined ? null : n.description.length > DESCRIPTION_LENGTH ? `${n.description.slice(0, DESCRIPTION_LENGTH - 1)}…` : n.description;
        return {
          date: localDate(n.at, this.period.timeZone),
          time: n.dateOnly ? null : `${pad(local.getHours())}:${pad(local.getMinutes())}`,
          area: this.areas.display(n.area),
          category: this.categories.display(n.category),
          description,
          reason: n.reason,
        };
      }),
    };
  }

  private pairs(): AreaCategoryCount[] {
    const out: AreaCategoryCount[] = [];
    for (const [area, row] of this.byAreaCategory) {
      for (const [category, t] of row) {
        if (t[0] === 0 && t[1] === 0) continue; // seen only in older windows
        out.push({ area: this.areas.display(area), category: this.categories.display(category), ...change(t[0]!, t[1]!) });
      }
    }
    return out.sort((a, b) => b.count - a.count || b.previous - a.previous || compareNames(a.area, b.area) || compareNames(a.category, b.category));
  }

  private matrix(areas: Keyed[], categories: Keyed[]): ReportModel['incidents']['matrix'] {
    const rows = areas.map(({ key, value: area }) => {
      const row = this.byAreaCategory.get(key);
      const cells = categories.map((c) => {
        const t = row?.get(c.key);
        return change(t?.[0] ?? 0, t?.[1] ?? 0);
      });
      return { area: area.name, cells, total: change(area.count, area.previous) };
    });
    return {
      categories: categories.map((c) => c.value.name),
      rows,
      totals: categories.map((c) => change(c.value.count, c.value.previous)),
      total: sum(areas.map((a) => a.value)),
    };
  }

  private patrols(): ReportModel['patrols'] {
    const byArea: PatrolAreaSummary[] = [...this.patrolsByArea]
      .filter(([, t]) => t.rounds[0]! + t.rounds[1]! > 0)
      .map(([key, t]) => ({
        name: this.areas.display(key),
        rounds: t.rounds[0]!,
        minutes: Math.round(t.minutes[0]!),
        previousRounds: t.rounds[1]!,
        previousMinutes: Math.round(t.minutes[1]!),
      }))
      .sort((a, b) => b.rounds - a.rounds || b.minutes - a.minutes || compareNames(a.name, b.name));
    const add = (f: (a: PatrolAreaSummary) => number) => byArea.reduce((s, a) => s + f(a), 0);
    return {
      total: add((a) => a.rounds),
      minutes: add((a) => a.minutes),
      previousTotal: add((a) => a.previousRounds),
      previousMinutes: add((a) => a.previousMinutes),
      byArea,
    };
  }
}

export function change(count: number, previous: number): Change {
  return {
    count,
    previous,
    change: count - previous,
    changePercent: previous === 0 ? null : Math.round(((count - previous) / previous) * 1000) / 10,
  };
}

function sum(items: readonly Change[]): Change {
  return change(
    items.reduce((s, c) => s + c.count, 0),
    items.reduce((s, c) => s + c.previous, 0),
  );
}

const byCountThenName = (a: NamedCount, b: NamedCount) => b.count - a.count || b.previous - a.previous || compareNames(a.name, b.name);

interface Keyed {
  key: string;
  value: NamedCount;
  history: Tally;
}

/** Named counts of the two windows, most incidents first, with the key each was tallied under and its history. */
function ranked(tallies: Map<string, Tally>, book: NameBook): Keyed[] {
  return [...tallies]
    .filter(([, t]) => t[0]! + t[1]! > 0)
    .map(([key, t]) => ({ key, history: t, value: { name: book.display(key), ...change(t[0]!, t[1]!) } }))
    .sort((a, b) => byCountThenName(a.value, b.value));
}

/** Up to three that rose, most first. */
function risers(items: readonly NamedCount[]): NamedCount[] {
  return items
    .filter((i) => i.change > 0)
    .sort((a, b) => b.change - a.change || b.count - a.count || compareNames(a.name, b.name))
    .slice(0, 3);
}

function countIn(account: FileAccount, slot: Slot): void {
  if (slot === 0) account.inPeriod++;
  else if (slot === 1) account.inPrevious++;
}
