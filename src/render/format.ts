/**
 * Swedish formatting for the report: dates, ISO week ranges, numbers, percentages,
 * change signs and arrows. Registered as Handlebars helpers; usable on their own.
 */
import { format } from 'date-fns/format';
import { sv } from 'date-fns/locale/sv';
import { parseCalendarDate } from '../period.js';

const numberFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
const MINUS = '\u2212';

function toDate(ymd: string): Date {
  const d = parseCalendarDate(ymd);
  if (!d) throw new RangeError(`not a date: ${ymd}`);
  // A calendar date has no zone: a local-noon Date formats to the same day everywhere.
  return new Date(d.year, d.month - 1, d.day, 12);
}

/** "15 april 2024" */
export function longDate(ymd: string): string {
  return format(toDate(ymd), 'd MMMM yyyy', { locale: sv });
}

/** "15 apr" */
export function shortDate(ymd: string): string {
  return format(toDate(ymd), 'd MMM', { locale: sv }).replace('.', '');
}

/** "15–28 april 2024", "25 mars – 7 april 2024", "22 december 2024 – 4 januari 2025" */
export function dateRange(start: string, end: string): string {
  const [a, b] = [toDate(start), toDate(end)];
  if (a.getFullYear() !== b.getFullYear()) return `${longDate(start)} – ${longDate(end)}`;
  if (a.getMonth() !== b.getMonth()) return `${format(a, 'd MMMM', { locale: sv })} – ${longDate(end)}`;
  return `${a.getDate()}–${longDate(end)}`;
}

/** "v. 16–17", "v. 16", "v. 52–1" */
export function weekRange(weeks: readonly number[]): string {
  if (weeks.length === 0) return '';
  const first = weeks[0]!;
  const last = weeks[weeks.length - 1]!;
  return first === last ? `v. ${first}` : `v. ${first}–${last}`;
}

/** "1 234", "12,5" */
export function number(n: number): string {
  return numberFormat.format(n).replace('-', MINUS);
}

/** "+3", "−2", "±0" */
export function signed(n: number): string {
  if (n === 0) return '±0';
  return n > 0 ? `+${number(n)}` : number(n);
}

/** "+12,5 %", "−50 %"; empty when there is nothing to compare with. */
export function percent(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '';
  return `${p > 0 ? '+' : p === 0 ? '±' : ''}${number(p)}\u00a0%`;
}

/** ▲ rise, ▼ fall, ▶ unchanged: shapes that read in black and white too. */
export function arrow(change: number): string {
  return change > 0 ? '▲' : change < 0 ? '▼' : '▶';
}

/** "12 h 30 min", "45 min" */
export function duration(minutes: number): string {
  const total = Math.round(minutes);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${number(h)} h` : `${number(h)} h ${m} min`;
}

const WEEKDAYS = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'];

/** 0 → "måndag" */
export function weekday(index: number): string {
  return WEEKDAYS[index] ?? '';
}

/** 22 → "22–23" */
export function hourSpan(hour: number): string {
  return `${String(hour).padStart(2, '0')}–${String((hour + 1) % 24).padStart(2, '0')}`;
}

const CLASSES: Record<string, string> = { new: 'ny', persistent: 'bestående', rising: 'ökande', falling: 'minskande', former: 'tidigare' };

/** "rising" → "ökande"; nothing for an area that is not a hot-spot. */
export function hotspotClass(cls: string | null): string {
  return cls === null ? '' : (CLASSES[cls] ?? cls);
}

const STATUS: Record<string, string> = { reached: 'målet nått', 'on track': 'i takt', behind: 'efter' };

/** "on track" → "i takt" */
export function commitmentStatus(status: string): string {
  return STATUS[status] ?? status;
}
