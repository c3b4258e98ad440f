/**
 * Folds incidents, patrol rounds and rejections into the report model, one row
 * at a time so that no input is held in memory. Pure: no I/O.
 */
import type { Incident, InputKind, PatrolRound, Rejection } from '../domain.js';
import { contains, isoWeeks, type ReportPeriod } from '../period.js';
import { NameBook } from './names.js';
import type {
  AreaCategoryCount,
  Change,
  InputAccount,
  NamedCount,
  PatrolAreaSummary,
  RejectedRow,
  ReportMeta,
  ReportModel,
} from './report.js';
import { SCHEMA_VERSION } from './report.js';

type Slot = 'current' | 'previous';
interface Tally {
  current: number;
  previous: number;
}
interface PatrolTally {
  rounds: Tally;
  minutes: Tally;
}

export interface NameAliases {
  areas?: Readonly<Record<string, string>>;
  categories?: Readonly<Record<string, string>>;
}

/** The accounting of one input file; pass it back with each of the file's rows. */
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

  constructor(
    private readonly period: ReportPeriod,
    aliases: NameAliases = {},
  ) {
    this.areas = new NameBook(aliases.areas);
    this.categories = new NameBook(aliases.categories);
  }

  addFile(file: string, kind: InputKind): FileAccount {
    const account: InputAccount = { file, kind, rows: 0, inPeriod: 0, inPrevious: 0, outside: 0, rejected: 0 };
    this.inputs.push(account);
    return account;
  }

  addIncident(account: FileAccount, incident: Incident): void {
    const area = this.areas.see(incident.area);
    const category = this.categories.see(incident.category);
    const slot = this.place(account, incident.at);
    if (!slot) return;
    bump(tally(this.byArea, area), slot, 1);
    bump(tally(this.byCategory, category), slot, 1);
    let row = this.byAreaCategory.get(area);
    if (!row) this.byAreaCategory.set(area, (row = new Map()));
    bump(tally(row, category), slot, 1);
  }

  /** A round counts in the window where it starts. */
  addPatrol(account: FileAccount, round: PatrolRound): void {
    const area = this.areas.see(round.area);
    const slot = this.place(account, round.start);
    if (!slot) return;
    let t = this.patrolsByArea.get(area);
    if (!t) this.patrolsByArea.set(area, (t = { rounds: zero(), minutes: zero() }));
    bump(t.rounds, slot, 1);
    bump(t.minutes, slot, round.minutes);
  }

  reject(account: FileAccount, rejection: Rejection): void {
    account.rows++;
    account.rejected++;
    this.rejected.push({ file: account.file, line: rejection.line, column: rejection.column ?? null, reason: rejection.reason });
  }

  private place(account: FileAccount, instant: number): Slot | undefined {
    account.rows++;
    if (contains(this.period.current, instant)) {
      account.inPeriod++;
      return 'current';
    }
    if (contains(this.period.previous, instant)) {
      account.inPrevious++;
      return 'previous';
    }
    account.outside++;
    return undefined;
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
        byAreaCategory: this.pairs(),
        matrix: this.matrix(areas, categories),
      },
      patrols: this.patrols(),
      inputs: this.inputs.map((a) => ({ ...a })),
      rejected: [...this.rejected],
    };
  }

  private pairs(): AreaCategoryCount[] {
    const out: AreaCategoryCount[] = [];
    for (const [area, row] of this.byAreaCategory) {
      for (const [category, t] of row) {
        out.push({ area: this.areas.display(area), category: this.categories.display(category), ...change(t.current, t.previous) });
      }
    }
    return out.sort((a, b) => b.count - a.count || b.previous - a.previous || compareNames(a.area, b.area) || compareNames(a.category, b.category));
  }

  private matrix(areas: Keyed[], categories: Keyed[]): ReportModel['incidents']['matrix'] {
    const rows = areas.map(({ key, value: area }) => {
      const row = this.byAreaCategory.get(key);
      const cells = categories.map((c) => {
        const t = row?.get(c.key);
        return change(t?.current ?? 0, t?.previous ?? 0);
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
      .map(([key, t]) => ({
        name: this.areas.display(key),
        rounds: t.rounds.current,
        minutes: Math.round(t.minutes.current),
        previousRounds: t.rounds.previous,
        previousMinutes: Math.round(t.minutes.previous),
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

const collator = new Intl.Collator('sv');
const compareNames = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
const byCountThenName = (a: NamedCount, b: NamedCount) => b.count - a.count || b.previous - a.previous || compareNames(a.name, b.name);

interface Keyed {
  key: string;
  value: NamedCount;
}

/** Named counts, most incidents first, with the key each was tallied under. */
function ranked(tallies: Map<string, Tally>, book: NameBook): Keyed[] {
  return [...tallies]
    .map(([key, t]) => ({ key, value: { name: book.display(key), ...change(t.current, t.previous) } }))
    .sort((a, b) => byCountThenName(a.value, b.value));
}

const zero = (): Tally => ({ current: 0, previous: 0 });
function tally<K>(map: Map<K, Tally>, key: K): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = zero()));
  return t;
}
function bump(t: Tally, slot: Slot, by: number): void {
  t[slot] += by;
}
