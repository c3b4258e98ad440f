/**
 * Dates and times as Swedish exports write them. A time without an offset is
 * local time in the configured zone; one with `Z` or `+02:00` is an instant.
 * Day/month order of slashed dates is learnt per file from its rows; it is
 * never guessed.
 */
import { TZDate } from '@date-fns/tz';
import { isRealDate } from '../period.js';
import { reason, type ParamsArg, type Reason, type ReasonCode } from '../reasons.js';

/** Why a text could not be read: a reason (see reasons.ts). */
export type Failure<C extends ReasonCode = ReasonCode> = { ok: false; pending?: false } & Reason<C>;
export type Parsed<T> = { ok: true; value: T } | Failure;
/** A slashed date such as 04/05/2024 before the file has shown its day/month order: no reason yet. */
export interface Pending {
  ok: false;
  pending: true;
}
/** An instant; `dateOnly` when the export gave a date and no time of day (the instant is then 00:00). */
export type TimeResult = { ok: true; value: number; dateOnly?: boolean } | Failure | Pending;

export type DateOrder = 'dmy' | 'mdy';

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

const MIDNIGHT: TimeParts = { hour: 0, minute: 0, second: 0 };
const HOUR = 3_600_000;
const MIDNIGHT_SUFFIX = /[T ]0?0[:.]00(?:[:.]00)?$/;

const TIME = /^(?:kl\.?\s*)?(\d{1,2})([:.])(\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?$/i;
/** A date, then optionally a time (after a space, a T, a comma or "kl."), then optionally an offset. */
const DATE_TIME =
  /^([\d./-]+?)(?:(?:T|\s*,\s*|\s+)(?:kl\.?\s*)?(\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

interface DateShape {
  pattern: RegExp;
  label: string;
  /** Indexes of year, month, day in the match; null for the slashed form whose order is learnt. */
  ymd: [number, number, number] | null;
}
const DATE_SHAPES: DateShape[] = [
  { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, label: 'YYYY-MM-DD', ymd: [1, 2, 3] },
  { pattern: /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, label: 'YYYY/MM/DD', ymd: [1, 2, 3] },
  { pattern: /^(\d{4})(\d{2})(\d{2})$/, label: 'YYYYMMDD', ymd: [1, 2, 3] },
  { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, label: 'D.M.YYYY', ymd: [3, 2, 1] },
  { pattern: /^(\d{1,2})-(\d{1,2})-(\d{4})$/, label: 'D-M-YYYY', ymd: [3, 2, 1] },
  { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, label: 'slash', ymd: null },
];

const ORDER_LABEL: Record<DateOrder, string> = { dmy: 'D/M/YYYY', mdy: 'M/D/YYYY' };

/**
 * Reads the times of one file. It remembers the day/month order once a row
 * shows it, and the formats it has seen (for `validate`).
 */
export class TimeReader {
  readonly formats = new Set<string>();
  private readonly days = new Map<number, { midnight: number; hours: number[] | undefined }>();
  /** Exports repeat a few hundred dates and times a million times: each is parsed once. */
  private readonly dates = new Map<string, DateResult>();
  private readonly timesOfDay = new Map<string, TimeOfDayResult>();

  constructor(
    readonly timeZone: string,
    public order: DateOrder | undefined = undefined,
  ) {}

  /** One field holding a date, and perhaps a time and an offset. A date alone is 00:00. */
  dateTime(text: string): TimeResult {
    // "2024-04-15 13:58", as most exports write it: the date and the time apart, without the pattern.
    if (text.length === 16 && text.charCodeAt(10) === 0x20 && text.charCodeAt(4) === 0x2d && text.charCodeAt(13) === 0x3a) {
      const date = this.date(text.slice(0, 10));
      const time = date.ok ? this.timeOfDay(text.slice(11)) : undefined;
      if (date.ok && time?.ok) {
        this.seeFormat(date.label, time.label, ' ');
        return ok(this.instant(date.value, time.value));
      }
    }
    const m = DATE_TIME.exec(text.trim());
    if (!m) return fail('dateTime.invalid', { value: text });
    const date = this.date(m[1]!);
    // The reason quotes the whole field, not only its date.
    if (!date.ok) return date.pending ? date : ({ ...date, params: { ...date.params, value: text } } as Failure);
    if (m[2] === undefined) {
      this.formats.add(date.label);
      return { ok: true, value: this.instant(date.value, MIDNIGHT), dateOnly: true };
    }
    const time = this.timeOfDay(m[2]);
    if (!time.ok) return time;
    const offset = m[3];
    this.formats.add(`${date.label} ${time.label}${offset === undefined ? '' : ' ±HH:MM'}`);
    if (offset === undefined) return ok(this.instant(date.value, time.value));
    const { year, month, day } = date.value;
    const { hour, minute, second } = time.value;
    return ok(Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes(offset) * 60_000);
  }

  /** A date field and a time-of-day field; an empty time means 00:00. */
  dateAndTime(dateText: string, timeText: string): TimeResult & { field?: 'date' | 'time' } {
    // Excel writes a date cell as "2024-04-16 00:00:00" beside the time column.
    const date = this.date(dateText.length > 10 ? dateText.trim().replace(MIDNIGHT_SUFFIX, '') : dateText);
    if (!date.ok) return { ...date, field: 'date' };
    if (timeText === '') {
      this.formats.add(date.label);
      return { ok: true, value: this.instant(date.value, MIDNIGHT), dateOnly: true };
    }
    const time = this.timeOfDay(timeText);
    if (!time.ok) return { ...time, field: 'time' };
    this.seeFormat(date.label, time.label, ' + ');
    return ok(this.instant(date.value, time.value));
  }

  private lastFormat: [string, string, string] = ['', '', ''];
  /** Notes the format of a date and a time, in one field (`between` a space) or two (" + "); the same row after row is noted once, without building a string. */
  private seeFormat(date: string, time: string, between: ' ' | ' + '): void {
    if (this.lastFormat[0] === date && this.lastFormat[1] === time && this.lastFormat[2] === between) return;
    this.lastFormat = [date, time, between];
    this.formats.add(`${date}${between}${time}`);
  }

  /** `13:58`, `13.58`, `kl. 13:58`, `13:58:30`; `24:00` is the end of the day. */
  timeOfDay(text: string): TimeOfDayResult {
    let result = this.timesOfDay.get(text);
    if (result === undefined) {
      result = parseTimeOfDay(text);
      if (this.timesOfDay.size < CACHE_LIMIT) this.timesOfDay.set(text, result);
    }
    return result;
  }

  /**
   * Local wall-clock time → instant; hour 24 is 00:00 the next day. Zone arithmetic is
   * costly, so it is done once per day: on a day without a clock change an hour is
   * 3,600,000 ms after midnight; on the two days with one, each hour is asked for.
   */
  instant(date: DateParts, time: TimeParts): number {
    const key = (date.year * 13 + date.month) * 32 + date.day;
    let day = this.days.get(key);
    if (day === undefined) {
      const midnight = this.wallClock(date, 0);
      const changes = this.wallClock(date, 24) - midnight !== 24 * HOUR;
      day = { midnight, hours: changes ? [] : undefined };
      this.days.set(key, day);
    }
    let hourStart: number;
    if (day.hours === undefined) hourStart = day.midnight + time.hour * HOUR;
    else hourStart = day.hours[time.hour] ??= this.wallClock(date, time.hour);
    return hourStart + time.minute * 60_000 + time.second * 1000;
  }

  private wallClock(date: DateParts, hour: number): number {
    return new TZDate(date.year, date.month - 1, date.day, hour, 0, 0, this.timeZone).getTime();
  }

  private date(text: string): DateResult | Pending {
    const known = this.dates.get(text);
    if (known !== undefined) return known;
    for (const shape of DATE_SHAPES) {
      const m = shape.pattern.exec(text);
      if (!m) continue;
      // Slashed dates depend on the order the file has shown so far: not cached.
      if (shape.ymd === null) return this.slashed(text, Number(m[1]), Number(m[2]), Number(m[3]));
      const [year, month, day] = shape.ymd.map((i) => Number(m[i]));
      const result: DateResult = isRealDate(year!, month!, day!)
        ? { ok: true, value: { year: year!, month: month!, day: day! }, label: shape.label }
        : fail('date.notReal', { value: text });
      return this.remember(text, result);
    }
    return this.remember(text, fail('date.invalid', { value: text }));
  }

  private remember(text: string, result: DateResult): DateResult {
    if (this.dates.size < CACHE_LIMIT) this.dates.set(text, result);
    return result;
  }

  /** a/b/yyyy: day/month or month/day, as the file's rows show. */
  private slashed(text: string, a: number, b: number, year: number): DateResult | Pending {
    if (this.order === undefined) {
      if (a > 12 && b <= 12) this.order = 'dmy';
      else if (b > 12 && a <= 12) this.order = 'mdy';
      else if (a <= 12 && b <= 12) return { ok: false, pending: true };
      else return fail('date.notReal', { value: text });
    }
    const [day, month] = this.order === 'dmy' ? [a, b] : [b, a];
    if (!isRealDate(year, month, day)) return fail(this.order === 'dmy' ? 'date.notRealDayMonth' : 'date.notRealMonthDay', { value: text });
    return { ok: true, value: { year, month, day }, label: ORDER_LABEL[this.order] };
  }
}

type DateResult = { ok: true; value: DateParts; label: string } | Failure<'date.invalid' | 'date.notReal' | 'date.notRealDayMonth' | 'date.notRealMonthDay'>;
type TimeOfDayResult = { ok: true; value: TimeParts; label: string } | Failure<'time.invalid' | 'time.notReal'>;
const CACHE_LIMIT = 50_000;

/** `13:58`, `13.58`, `kl. 13:58`, `13:58:30`; `24:00` is the end of the day. */
function parseTimeOfDay(text: string): TimeOfDayResult {
  const m = TIME.exec(text.trim());
  if (!m) return fail('time.invalid', { value: text });
  const [hour, minute, second] = [Number(m[1]), Number(m[3]), Number(m[4] ?? 0)];
  const endOfDay = hour === 24 && minute === 0 && second === 0;
  if ((hour > 23 && !endOfDay) || minute > 59 || second > 59) return fail('time.notReal', { value: text });
  const label = `HH${m[2]}MM${m[4] === undefined ? '' : `${m[2]}SS`}`;
  return { ok: true, value: { hour, minute, second }, label };
}

const ok = (value: number): Parsed<number> => ({ ok: true, value });
const fail = <C extends ReasonCode>(code: C, ...params: ParamsArg<C>): Failure<C> => ({ ok: false, ...reason(code, ...params) }) as Failure<C>;

function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

/**
 * A round's length: minutes (`45`, `45 min`, `12,5`), hours and minutes (`1:30`),
 * or hours with a decimal comma (`1,5 h`, `2 tim`).
 */
export function parseDuration(text: string): Parsed<number> {
  const t = text.trim().toLowerCase();
  if (/^-\s*\d/.test(t)) return fail('duration.negative', { value: text });
  let m = /^(\d+(?:[.,]\d+)?)\s*(?:min|minuter|m)?$/.exec(t);
  if (m) return { ok: true, value: decimal(m[1]!) };
  m = /^(\d+):([0-5]\d)$/.exec(t);
  if (m) return { ok: true, value: Number(m[1]) * 60 + Number(m[2]) };
  m = /^(\d+(?:[.,]\d+)?)\s*(?:h|tim|timmar|timme|t)$/.exec(t);
  if (m) return { ok: true, value: Math.round(decimal(m[1]!) * 60 * 100) / 100 };
  m = /^(\d+)\s*(?:h|tim)\s*(\d+)\s*(?:min|m)?$/.exec(t);
  if (m) return { ok: true, value: Number(m[1]) * 60 + Number(m[2]) };
  return fail('duration.invalid', { value: text });
}

const decimal = (s: string) => Number(s.replace(',', '.'));
