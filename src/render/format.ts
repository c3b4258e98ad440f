/**
 * Formatting for the report, in Swedish or English: dates, ISO week ranges,
 * numbers, percentages, change signs and arrows, durations, weekdays and the
 * words for classes and statuses. Registered as Handlebars helpers; the
 * Swedish set is also exported on its own.
 */
import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { sv } from 'date-fns/locale/sv';
import { parseCalendarDate } from '../period.js';
import type { Language } from '../texts/index.js';
import { encodingText } from '../texts/encodings.js';
import { rejectedReason } from '../texts/reasons.js';

const MINUS = '\u2212';
/** A count or change not given: of a window the exports do not cover in full. */
export const NOT_GIVEN = '–';
const given = (n: number | null | undefined): n is number => n !== null && n !== undefined;

function toDate(ymd: string): Date {
  const d = parseCalendarDate(ymd);
  if (!d) throw new RangeError(`not a date: ${ymd}`);
  // A calendar date has no zone: a local-noon Date formats to the same day everywhere.
  return new Date(d.year, d.month - 1, d.day, 12);
}

const WORDS = {
  sv: {
    locale: sv,
    numbers: 'sv-SE',
    week: ['v.', 'v.'],
    weekdays: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
    weekdaysShort: ['mån', 'tis', 'ons', 'tor', 'fre', 'lör', 'sön'],
    classes: { new: 'ny', persistent: 'bestående', rising: 'ökande', falling: 'minskande', former: 'tidigare' } as Record<string, string>,
    statuses: { reached: 'målet nått', 'on track': 'i takt', behind: 'efter' } as Record<string, string>,
  },
  en: {
    locale: enGB,
    numbers: 'en-GB',
    week: ['week', 'weeks'],
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    weekdaysShort: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    classes: { new: 'new', persistent: 'persistent', rising: 'rising', falling: 'falling', former: 'former' } as Record<string, string>,
    statuses: { reached: 'target reached', 'on track': 'on track', behind: 'behind' } as Record<string, string>,
  },
};

export function formatsFor(language: Language) {
  const w = WORDS[language];
  const numberFormat = new Intl.NumberFormat(w.numbers, { maximumFractionDigits: 1 });
  const probabilityFormat = new Intl.NumberFormat(w.numbers, { maximumSignificantDigits: 2 });
  const longDate = (ymd: string) => format(toDate(ymd), 'd MMMM yyyy', { locale: w.locale });
  const number = (n: number | null | undefined) => (given(n) ? numberFormat.format(n).replace('-', MINUS) : NOT_GIVEN);
  return {
    /** "15 april 2024" */
    longDate,
    /** "15 apr" */
    shortDate: (ymd: string) => format(toDate(ymd), 'd MMM', { locale: w.locale }).replace('.', ''),
    /** "15–28 april 2024", "25 mars – 7 april 2024", "22 december 2024 – 4 januari 2025"; one day: "3 december 2024" */
    dateRange(start: string, end: string): string {
      if (start === end) return longDate(start);
      const [a, b] = [toDate(start), toDate(end)];
      if (a.getFullYear() !== b.getFullYear()) return `${longDate(start)} – ${longDate(end)}`;
      if (a.getMonth() !== b.getMonth()) return `${format(a, 'd MMMM', { locale: w.locale })} – ${longDate(end)}`;
      return `${a.getDate()}–${longDate(end)}`;
    },
    /** "v. 16–17", "v. 16", "v. 52–1" */
    weekRange(weeks: readonly number[]): string {
      if (weeks.length === 0) return '';
      const first = weeks[0]!;
      const last = weeks[weeks.length - 1]!;
      return first === last ? `${w.week[0]} ${first}` : `${w.week[1]} ${first}–${last}`;
    },
    /** "1 234", "12,5"; "–" for a count not given (null) */
    number,
    /** "+3", "−2", "±0"; "–" for a change not given */
    signed: (n: number | null | undefined) => (!given(n) ? NOT_GIVEN : n === 0 ? '±0' : n > 0 ? `+${number(n)}` : number(n)),
    /** "+12,5 %", "−50 %"; empty when there is nothing to compare with. */
    percent(p: number | null | undefined): string {
      if (p === null || p === undefined || !Number.isFinite(p)) return '';
      return `${p > 0 ? '+' : p === 0 ? '±' : ''}${number(p)}\u00a0%`;
    },
    /** A p or q value to two significant digits: "= 0,031", "= 0,0042"; "< 0,001" below that. */
    probability(p: number): string {
      return p < 0.001 ? `< ${probabilityFormat.format(0.001)}` : `= ${probabilityFormat.format(p)}`;
    },
    /** ↑ rise, ↓ fall, = unchanged: shapes that read in black and white too, and glyphs the embedded typeface has. */
    arrow: (change: number | null | undefined) => (!given(change) ? '' : change > 0 ? '↑' : change < 0 ? '↓' : '='),
    /** "12 h 30 min", "45 min"; "–" when not given */
    duration(minutes: number | null | undefined): string {
      if (!given(minutes)) return NOT_GIVEN;
      const total = Math.round(minutes);
      const h = Math.floor(total / 60);
      const m = total % 60;
      if (h === 0) return `${m} min`;
      return m === 0 ? `${number(h)} h` : `${number(h)} h ${m} min`;
    },
    /** 0 → "måndag" */
    weekday: (index: number) => w.weekdays[index] ?? '',
    weekdaysShort: w.weekdaysShort,
    /** 22 → "22–23" */
    hourSpan: (hour: number) => `${String(hour).padStart(2, '0')}–${String((hour + 1) % 24).padStart(2, '0')}`,
    /** "rising" → "ökande"; nothing for an area that is not a hot-spot. */
    hotspotClass: (cls: string | null) => (cls === null ? '' : (w.classes[cls] ?? cls)),
    /** "on track" → "i takt" */
    commitmentStatus: (status: string) => w.statuses[status] ?? status,
    /** A rejected row's reason in the report's language, worded from its code. */
    reason: (row: { code?: unknown; reason: string }) => rejectedReason(language, row),
    /** An encoding description in the report's language. */
    encoding: (description: string) => encodingText(language, description),
  };
}

export type Formats = ReturnType<typeof formatsFor>;

const swedish = formatsFor('sv');
export const { longDate, shortDate, dateRange, weekRange, number, signed, percent, arrow, duration, weekday, hourSpan, hotspotClass, commitmentStatus } = swedish;
