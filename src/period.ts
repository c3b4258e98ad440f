/**
 * Report windows on the calendar of the municipality's time zone.
 * Calendar arithmetic goes through TZDate so that a window is whole local days,
 * even when a daylight-saving change makes one of them 23 or 25 hours long.
 */
import { TZDate } from '@date-fns/tz';
// Per-function imports: the package index loads every function and costs start-up time.
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';

/** A calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string;

export interface Window {
  /** First day, `YYYY-MM-DD`. */
  start: CalendarDate;
  /** Last day, inclusive. */
  end: CalendarDate;
  /** Instant (ms) of 00:00 local on the first day. */
  startsAt: number;
  /** Instant (ms) of 00:00 local on the day after the last: the window is [startsAt, endsAt). */
  endsAt: number;
  days: number;
}

export interface ReportPeriod {
  current: Window;
  previous: Window;
  timeZone: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` as a real calendar date; undefined for anything else (e.g. 2024-02-30). */
export function parseCalendarDate(text: string): { year: number; month: number; day: number } | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(year, month, day)) return undefined;
  return { year, month, day };
}

/** Years outside these are typing errors in an export, and JavaScript dates misread years below 100. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

export function isRealDate(year: number, month: number, day: number): boolean {
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isCalendarDate(text: string): boolean {
  return parseCalendarDate(text) !== undefined;
}

function localMidnight(date: CalendarDate, timeZone: string): TZDate {
  const d = parseCalendarDate(date);
  if (!d) throw new RangeError(`not a date: ${date}`);
  return new TZDate(d.year, d.month - 1, d.day, timeZone);
}

function calendarDate(d: TZDate): CalendarDate {
  return format(d, 'yyyy-MM-dd');
}

export function addCalendarDays(date: CalendarDate, days: number, timeZone: string): CalendarDate {
  return calendarDate(addDays(localMidnight(date, timeZone), days));
}

/** The window of `days` whole local days starting on `start`. */
export function windowFrom(start: CalendarDate, days: number, timeZone: string): Window {
  const first = localMidnight(start, timeZone);
  const after = addDays(first, days);
  return {
    start: calendarDate(first),
    end: calendarDate(addDays(first, days - 1)),
    startsAt: first.getTime(),
    endsAt: after.getTime(),
    days,
  };
}

/** The report window starting on `start` and the window of equal length just before it. */
export function reportPeriod(start: CalendarDate, days: number, timeZone: string): ReportPeriod {
  return {
    current: windowFrom(start, days, timeZone),
    previous: windowFrom(addCalendarDays(start, -days, timeZone), days, timeZone),
    timeZone,
  };
}

/** The local calendar date of an instant. */
export function localDate(instant: number, timeZone: string): CalendarDate {
  return calendarDate(new TZDate(instant, timeZone));
}

/**
 * Start of the last complete window before `today` on the cadence that starts at `anchor`:
 * windows are anchor + k·days, so consecutive runs never overlap or leave gaps.
 */
export function lastCompleteWindowStart(today: CalendarDate, anchor: CalendarDate, days: number, timeZone: string): CalendarDate {
  const sinceAnchor = differenceInCalendarDays(localMidnight(today, timeZone), localMidnight(anchor, timeZone));
  const k = Math.floor(sinceAnchor / days) - 1;
  return addCalendarDays(anchor, k * days, timeZone);
}

/** ISO week numbers covered by a window, in order, each once (e.g. [16, 17]). */
export function isoWeeks(window: Window, timeZone: string): number[] {
  const weeks: number[] = [];
  for (let i = 0; i < window.days; i++) {
    const w = getISOWeek(addDays(localMidnight(window.start, timeZone), i));
    if (weeks[weeks.length - 1] !== w) weeks.push(w);
  }
  return weeks;
}

export function contains(window: Window, instant: number): boolean {
  return instant >= window.startsAt && instant < window.endsAt;
}

/** The ISO week-numbering year of a window's first day: 2024-12-30 is in week 1 of 2025. */
export function isoWeekYear(window: Window, timeZone: string): number {
  return getISOWeekYear(localMidnight(window.start, timeZone));
}
