/**
 * The notable incidents of the current window, one by one: those in a serious
 * category (the config's `seriousCategories`) and those an export flagged; in
 * time order, the first few shown, all of them counted.
 */
import { TZDate } from '@date-fns/tz';
import { localDate } from '../../period.js';
import type { Notable } from '../report.js';
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
  position?: [number, number];
}

export class NotableIncidents implements Section<Notable> {
  /** Keys of the serious categories, in the config's order. */
  readonly serious: ReadonlySet<string>;
  private readonly rows: NotableRow[] = [];

  constructor(private readonly setup: SectionSetup) {
    this.serious = new Set((setup.options.seriousCategories ?? []).map((c) => setup.categories.keyOf(c)));
  }

  add(row: CountedRow): void {
    if (row.kind !== 'incident' || !isCurrent(row.window)) return;
    const { incident, area, category } = row;
    const reason = this.serious.has(category) ? 'serious category' : incident.flagged ? 'flagged' : undefined;
    if (reason) this.rows.push({ at: incident.at, dateOnly: incident.dateOnly === true, area, category, description: incident.description, reason, position: incident.position });
  }

  /** Every notable incident, in the order counted. */
  all(): readonly NotableRow[] {
    return this.rows;
  }

  result(): Notable {
    const { areas, categories, period } = this.setup;
    const sorted = [...this.rows].sort((a, b) => a.at - b.at);
    return {
      total: sorted.length,
      categories: [...this.serious].map((k) => categories.display(k)),
      items: sorted.slice(0, SHOWN_NOTABLE).map((n) => {
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
        };
      }),
    };
  }
}
