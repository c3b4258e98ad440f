/**
 * When an incident happened, from an export's from/to columns: a break-in
 * found at 07:10 happened between 22:00 and 06:00. Each may be a date and
 * time, a date alone (the whole day) or a time of day on the incident's date.
 * Without a from column the report time is the start ("Tid 22:00, Till
 * 06:00"). A span that cannot be used is a problem, not a rejection: the
 * incident counts at its report time, as without the columns.
 */
import { TZDate } from '@date-fns/tz';
import type { Rejection } from '../domain.js';
import type { IncidentField } from './columns.js';
import { isRejection, type Deferred, type RowReader } from './row.js';
import type { TimeReader } from './times.js';

/** A span longer than this is taken for a typing error: "between 1 and 30 April" says nothing of the hour. */
export const MAX_SPAN_DAYS = 7;
const DAY = 86_400_000;

export type SpanResult = { span: [number, number] } | { problem: Rejection } | Deferred | undefined;

/** `at`: the report time the row counts by; `dateOnly` when it has no time of day. */
export function incidentSpan(row: RowReader<IncidentField>, times: TimeReader, at: number, dateOnly: boolean): SpanResult {
  const toText = row.get('to');
  if (toText === '') return undefined;
  const fromText = row.get('from');
  if (row.has('from') && fromText === '') return undefined;
  if (!row.has('from') && dateOnly) return undefined; // a date and a "till" time: no start to it
  let start: number;
  if (row.has('from')) {
    const from = bound(row, times, 'from', fromText, at, 'start');
    if (typeof from !== 'number') return from;
    // A time of day after the report on its date was the evening before: found at 07:10, "från 22:00".
    start = from > at && !dateOnly && isTimeOfDay(times, fromText) ? dayBefore(from, times.timeZone) : from;
  } else start = at;
  const to = bound(row, times, 'to', toText, start, 'end');
  if (typeof to !== 'number') return to;
  // A time of day no later than the start is on the next day: "22:00–06:00".
  const end = to <= start && isTimeOfDay(times, toText) && to !== start ? dayAfter(to, times.timeZone) : to;
  if (end < start) return { problem: row.reject('to', 'span.endBeforeStart', { value: toText }) };
  if (end - start > MAX_SPAN_DAYS * DAY) return { problem: row.reject('to', 'span.tooLong', { value: toText, days: MAX_SPAN_DAYS }) };
  return { span: [start, end] };
}

/** One end of the span as an instant; a date alone is the day's start, or as an end the next day's. */
function bound(row: RowReader<IncidentField>, times: TimeReader, field: 'from' | 'to', text: string, anchor: number, side: 'start' | 'end'): number | { problem: Rejection } | Deferred {
  const time = times.timeOfDay(text);
  if (time.ok) {
    const local = new TZDate(anchor, times.timeZone);
    return times.instant({ year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() }, time.value);
  }
  const parsed = times.dateTime(text);
  if (!parsed.ok) {
    const failed = row.fail(field, parsed);
    return isRejection(failed) ? { problem: failed } : failed;
  }
  return parsed.dateOnly && side === 'end' ? dayAfter(parsed.value, times.timeZone) : parsed.value;
}

function isTimeOfDay(times: TimeReader, text: string): boolean {
  return times.timeOfDay(text).ok;
}

/** The same wall-clock time a day later or earlier, across a daylight-saving change too. */
function dayAfter(instant: number, timeZone: string, days = 1): number {
  const local = new TZDate(instant, timeZone);
  local.setDate(local.getDate() + days);
  return local.getTime();
}

const dayBefore = (instant: number, timeZone: string) => dayAfter(instant, timeZone, -1);
