/** One row of a guard-patrol log → a PatrolRound, or the reason it cannot be used (yet). */
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import type { PatrolRound, Rejection } from '../domain.js';
import type { PatrolField } from './columns.js';
import type { Deferred, RowReader } from './row.js';
import { parseDuration, type DateParts, type TimeReader, type TimeResult } from './times.js';

export const REQUIRED_PATROL_COLUMNS = ['start', ['end', 'duration'], 'area'] as const;

/** Longer than this, a round is a typing error in the log, not a round. */
const MAX_ROUND_MINUTES = 24 * 60;
/** An end given as a time of day that wraps past midnight to make a round longer than this is more likely a typing error. */
const MAX_WRAPPED_MINUTES = 12 * 60;

export function toPatrolRound(row: RowReader<PatrolField>, times: TimeReader): PatrolRound | Rejection | Deferred {
  const start = startTime(row, times);
  if (typeof start !== 'number') return start;
  const area = row.get('area');
  if (!area) return row.reject('area', 'area.empty');
  const minutes = roundMinutes(row, start, times);
  if (typeof minutes !== 'number') return minutes;
  return { start, minutes, area, guard: row.optional('guard'), remarks: row.optional('remarks') };
}

/** Start is a full date-time, or a time of day completed by a date column. */
function startTime(row: RowReader<PatrolField>, times: TimeReader): number | Rejection | Deferred {
  const text = row.get('start');
  if (!text) return row.reject('start', 'start.empty');
  if (row.has('date') && times.timeOfDay(text).ok) {
    const parsed = times.dateAndTime(row.get('date'), text);
    return parsed.ok ? parsed.value : row.fail(parsed.field === 'date' ? 'date' : 'start', parsed);
  }
  const parsed = times.dateTime(text);
  return parsed.ok ? parsed.value : row.fail('start', parsed);
}

/** From the end time when there is one, else from the duration column. */
function roundMinutes(row: RowReader<PatrolField>, start: number, times: TimeReader): number | Rejection | Deferred {
  const endText = row.get('end');
  if (endText) {
    const end = endTime(endText, start, times);
    if (!end.ok) return row.fail('end', end);
    if (end.value < start) return row.reject('end', 'round.endBeforeStart', { value: endText });
    const minutes = (end.value - start) / 60_000;
    if (end.wrapped && minutes > MAX_WRAPPED_MINUTES) {
      return row.reject('end', 'round.overMidnight', { value: endText, ...hours(minutes) });
    }
    return minutes <= MAX_ROUND_MINUTES ? minutes : row.reject('end', 'round.tooLong', hours(minutes));
  }
  const durationText = row.get('duration');
  if (!durationText) {
    return row.reject(row.has('end') ? 'end' : 'duration', 'round.noEnd');
  }
  const duration = parseDuration(durationText);
  if (!duration.ok) return row.because('duration', duration);
  return duration.value <= MAX_ROUND_MINUTES ? duration.value : row.reject('duration', 'duration.tooLong', { value: durationText });
}

/** A length in whole hours and minutes, as the reasons give it: "23 h 55 min". */
function hours(minutes: number): { hours: number; minutes: number } {
  return { hours: Math.floor(minutes / 60), minutes: Math.round(minutes % 60) };
}

/** A time of day alone belongs to the start's day, or the next day for a round that passes midnight. */
function endTime(text: string, start: number, times: TimeReader): TimeResult & { wrapped?: boolean } {
  const time = times.timeOfDay(text);
  if (!time.ok) return times.dateTime(text);
  const startDay = new TZDate(start, times.timeZone);
  const sameDay = times.instant(dateParts(startDay), time.value);
  if (sameDay >= start) return { ok: true, value: sameDay };
  return { ok: true, value: times.instant(dateParts(addDays(startDay, 1)), time.value), wrapped: true };
}

function dateParts(d: TZDate): DateParts {
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}
