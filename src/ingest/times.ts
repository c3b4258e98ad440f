/**
 * Dates and times as exports write them. A time without an offset is local time
 * in the configured zone; one with `Z` or `+02:00` is an absolute instant.
 */
import { TZDate } from '@date-fns/tz';
import { isRealDate } from '../period.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface DateParts {
  year: number;
  month: number;
  day: number;
}
export interface TimeParts {
  hour: number;
  minute: number;
  second: number;
}

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const TIME = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/;
const DATE_TIME = /^(\d{4}-\d{1,2}-\d{1,2})(?:[T ]+(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

export function parseDate(text: string): Parsed<DateParts> {
  const m = DATE.exec(text.trim());
  if (!m) return { ok: false, reason: `"${text}" is not a date (expected YYYY-MM-DD)` };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(year, month, day)) return { ok: false, reason: `"${text}" is not a real date` };
  return { ok: true, value: { year, month, day } };
}

export function parseTimeOfDay(text: string): Parsed<TimeParts> {
  const m = TIME.exec(text.trim());
  if (!m) return { ok: false, reason: `"${text}" is not a time of day (expected HH:MM)` };
  const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: `"${text}" is not a valid time of day` };
  return { ok: true, value: { hour, minute, second } };
}

export function toInstant(date: DateParts, time: TimeParts, timeZone: string): number {
  return new TZDate(date.year, date.month - 1, date.day, time.hour, time.minute, time.second, timeZone).getTime();
}

const MIDNIGHT: TimeParts = { hour: 0, minute: 0, second: 0 };

/** A point in time from one field: date and time, or a date alone (00:00 local). */
export function parseDateTime(text: string, timeZone: string): Parsed<number> {
  const trimmed = text.trim();
  const m = DATE_TIME.exec(trimmed);
  if (!m) return { ok: false, reason: `"${text}" is not a date and time (expected YYYY-MM-DD HH:MM)` };
  const date = parseDate(m[1]!);
  if (!date.ok) return date;
  if (m[2] === undefined) return { ok: true, value: toInstant(date.value, MIDNIGHT, timeZone) };
  const time = parseTimeOfDay(m[2]);
  if (!time.ok) return time;
  const offset = m[3];
  if (offset === undefined) return { ok: true, value: toInstant(date.value, time.value, timeZone) };
  const { year, month, day } = date.value;
  const { hour, minute, second } = time.value;
  return { ok: true, value: Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes(offset) * 60_000 };
}

function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

/** A point in time from a date field and a time-of-day field; an empty time field means 00:00. */
export function parseDateAndTime(dateText: string, timeText: string, timeZone: string): Parsed<number> & { field?: 'date' | 'time' } {
  const date = parseDate(dateText);
  if (!date.ok) return { ...date, field: 'date' };
  if (timeText.trim() === '') return { ok: true, value: toInstant(date.value, MIDNIGHT, timeZone) };
  const time = parseTimeOfDay(timeText);
  if (!time.ok) return { ...time, field: 'time' };
  return { ok: true, value: toInstant(date.value, time.value, timeZone) };
}

/** Whole or decimal minutes, non-negative. */
export function parseMinutes(text: string): Parsed<number> {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(?:\.\d+)?$/.test(t)) {
    return { ok: false, reason: /^-\d/.test(t) ? `duration "${text}" is negative` : `duration "${text}" is not a number of minutes` };
  }
  return { ok: true, value: Number(t) };
}
