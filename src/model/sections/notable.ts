/**
 * The notable incidents of the current window, one by one: those in a serious
 * category and those an export flagged; in time order, the first few shown,
 * all of them counted. Serious are the categories the rules take
 * (serious-categories.ts): the default table, or the config's
 * `seriousCategories` in its place.
 */
import { TZDate } from '@date-fns/tz';
import { compareNames } from '../../text.js';
import { localDate } from '../../period.js';
import { sourceOf } from '../source-counts.js';
import type { Notable } from '../report.js';
import { configuredMatcher, defaultMatcher, type SeriousMatcher } from '../serious-categories.js';
import { isCurrent } from '../windows.js';
import type { CountedRow, Section, SectionSetup } from './section.js';

/** Notable incidents listed in the report at most; the total says how many there were. */
const SHOWN_NOTABLE = 40;
const DESCRIPTION_LENGTH = 200;

/** A notable incident as counted: area and category by key. */
export interface NotableRow {
  at: number;
  dateOnly: boolean;
  area: string;
  category: string;
  description?: string;
  reason: 'serious category' | 'flagged';
  source: string | null;
  position?: [number, number];
}

export class NotableIncidents implements Section<Notable> {
  readonly matcher: SeriousMatcher;
  private readonly fromConfig: boolean;
  private readonly rows: NotableRow[] = [];
  /** Serious category key → its incidents in the window. */
  private readonly taken = new Map<string, number>();

  constructor(private readonly setup: SectionSetup) {
    const listed = setup.options.seriousCategories;
    this.fromConfig = listed !== undefined;
    this.matcher = listed === undefined ? defaultMatcher() : configuredMatcher(listed, (c) => setup.categories.keyOf(c));
  }

  /** Whether a category (by key) is serious. */
  isSerious(category: string): boolean {
    return this.matcher.ruleOf(category) !== undefined;
  }

  add(row: CountedRow): void {
    if (row.kind !== 'incident' || !isCurrent(row.window)) return;
    const { incident, area, category } = row;
    const serious = this.isSerious(category);
    if (serious) this.taken.set(category, (this.taken.get(category) ?? 0) + 1);
    const reason = serious ? 'serious category' : incident.flagged ? 'flagged' : undefined;
    if (reason) this.rows.push({ at: incident.at, dateOnly: incident.dateOnly === true, area, category, description: incident.description, reason, source: sourceOf(incident.source), position: incident.position });
  }

  /** Every notable incident, in the order counted. */
  all(): readonly NotableRow[] {
    return this.rows;
  }

  /** The serious categories of the window (keys), most incidents first, then by name. */
  takenCategories(): { key: string; count: number }[] {
    const { categories } = this.setup;
    return [...this.taken].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || compareNames(categories.display(a.key), categories.display(b.key)));
  }

  result(): Notable {
    const { areas, categories, period } = this.setup;
    const sorted = [...this.rows].sort((a, b) => a.at - b.at);
    const items = sorted.slice(0, SHOWN_NOTABLE);
    const serious = sorted.filter((n) => n.reason === 'serious category').length;
    return {
      total: sorted.length,
      shown: items.length,
      serious,
      flagged: sorted.length - serious,
      categories: this.takenCategories().map((c) => categories.display(c.key)),
      rules: this.matcher.rules.map((r) => r.name),
      rulesFrom: this.fromConfig ? 'config' : 'default',
      items: items.map((n) => {
        const local = new TZDate(n.at, period.timeZone);
        const pad = (x: number) => String(x).padStart(2, '0');
        const description = n.description === undefined ? null : n.description.length > DESCRIPTION_LENGTH ? `${n.description.slice(0, DESCRIPTION_LENGTH - 1)}…` : n.description;
        return {
          date: localDate(n.at, period.timeZone),
          time: n.dateOnly ? null : `${pad(local.getHours())}:${pad(local.getMinutes())}`,
          area: areas.display(n.area),
          category: categories.display(n.category),
          description,
          reason: n.reason,
          source: n.source,
        };
      }),
    };
  }
}
