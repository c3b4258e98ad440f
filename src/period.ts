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
  /** The current window, the previous one, and as many before those as the history asks: newest first, back to back. */
  history: Window[];
  /** The current window and the baseline's windows before it, newest first, back to back: the windows the signals are tested on. */
  tallied: Window[];
  /** The same ISO weeks 52 weeks (364 days) before the current window, of its length. */
  lastYear: Window;
  /** 00:00 local on 1 January of the year the window ends in: "so far this year" starts here. */
  yearStartsAt: number;
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

/** The windows a baseline is made of by default: half a year of fortnights, the report window not counted. */
export const DEFAULT_BASELINE_WINDOWS = 26;

/** Days back to the same ISO weeks a year before: 52 weeks, so that weekdays line up. */
const YEAR_OF_WEEKS = 364;

/**
 * The report window starting on `start`, the window of equal length just before it,
 * `history` windows in all (at least 2) for trends such as hot-spot classes, the
 * `baselineWindows` windows before the report window that its counts are tested
 * against, and the same weeks last year.
 */
export function reportPeriod(start: CalendarDate, days: number, timeZone: string, history = 2, baselineWindows = DEFAULT_BASELINE_WINDOWS): ReportPeriod {
  const back = (k: number) => windowFrom(addCalendarDays(start, -k * days, timeZone), days, timeZone);
  const windows = Array.from({ length: Math.max(2, history) }, (_, k) => back(k));
  const tallied = Array.from({ length: Math.max(1, baselineWindows) + 1 }, (_, k) => windows[k] ?? back(k));
  const lastYear = windowFrom(addCalendarDays(start, -YEAR_OF_WEEKS, timeZone), days, timeZone);
  const yearStartsAt = localMidnight(`${windows[0]!.end.slice(0, 4)}-01-01`, timeZone).getTime();
  return { current: windows[0]!, previous: windows[1]!, history: windows, tallied, lastYear, yearStartsAt, timeZone };
}

/** Which window of the history an instant falls in: 0 the current, 1 the previous, …; undefined for none. */
export function historyIndex(period: ReportPeriod, instant: number): number | undefined {
  const { history } = period;
  if (instant >= history[0]!.endsAt || instant < history[history.length - 1]!.startsAt) return undefined;
  for (let k = 0; k < history.length; k++) if (instant >= history[k]!.startsAt) return k;
  return undefined;
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

/** Where an instant falls on the local clock within a window: day index, weekday (0 = Monday) and hour. */
export interface ClockPosition {
  day: number;
  weekday: number;
  hour: number;
}

/**
 * Local day and hour of instants inside one window, without zone arithmetic per
 * instant: the window's midnights are computed once, and only on a day with a
 * clock change is the hour asked of the time zone.
 */
export class WindowClock {
  private readonly midnights: number[];
  private readonly firstWeekday: number;

  constructor(
    private readonly window: Window,
    private readonly timeZone: string,
  ) {
    const first = localMidnight(window.start, timeZone);
    this.midnights = Array.from({ length: window.days + 1 }, (_, i) => addDays(first, i).getTime());
    this.firstWeekday = (first.getDay() + 6) % 7;
  }

  get startsAt(): number {
    return this.window.startsAt;
  }

  locate(instant: number): ClockPosition | undefined {
    if (instant < this.window.startsAt || instant >= this.window.endsAt) return undefined;
    let day = Math.min(this.window.days - 1, Math.floor((instant - this.window.startsAt) / 86_400_000));
    while (day > 0 && instant < this.midnights[day]!) day--;
    while (instant >= this.midnights[day + 1]!) day++;
    const regular = this.midnights[day + 1]! - this.midnights[day]! === 86_400_000;
    const hour = regular ? Math.floor((instant - this.midnights[day]!) / 3_600_000) : new TZDate(instant, this.timeZone).getHours();
    return { day, weekday: (this.firstWeekday + day) % 7, hour };
  }

  /** The local date of day `index` of the window. */
  date(index: number): CalendarDate {
    return calendarDate(new TZDate(this.midnights[index]!, this.timeZone));
  }
}
