/** One row of a guard-patrol log → a PatrolRound, or the reason it cannot be used. */
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import type { PatrolRound, Rejection } from '../domain.js';
import type { PatrolField } from './columns.js';
import type { RowReader } from './row.js';
import { parseDate, parseDateTime, parseMinutes, parseTimeOfDay, toInstant, type DateParts } from './times.js';

export const REQUIRED_PATROL_COLUMNS = ['start', ['end', 'duration'], 'area'] as const;

export function toPatrolRound(row: RowReader<PatrolField>, timeZone: string): PatrolRound | Rejection {
  const start = startTime(row, timeZone);
  if (typeof start !== 'number') return start;
  const area = row.get('area');
  if (!area) return row.reject('area', 'area is empty');
  const minutes = roundMinutes(row, start, timeZone);
  if (typeof minutes !== 'number') return minutes;
  return { start, minutes, area, guard: row.optional('guard'), remarks: row.optional('remarks') };
}

/** Start is a full date-time, or a time of day completed by a date column. */
function startTime(row: RowReader<PatrolField>, timeZone: string): number | Rejection {
  const text = row.get('start');
  if (!text) return row.reject('start', 'start time is empty');
  const time = parseTimeOfDay(text);
  if (time.ok && row.has('date')) {
    const date = parseDate(row.get('date'));
    if (!date.ok) return row.reject('date', date.reason);
    return toInstant(date.value, time.value, timeZone);
  }
  const parsed = parseDateTime(text, timeZone);
  return parsed.ok ? parsed.value : row.reject('start', parsed.reason);
}

/** From the end time when there is one, else from the duration column. */
function roundMinutes(row: RowReader<PatrolField>, start: number, timeZone: string): number | Rejection {
  const endText = row.get('end');
  if (endText) {
    const end = endTime(endText, start, timeZone);
    if (!end.ok) return row.reject('end', end.reason);
    if (end.value < start) return row.reject('end', `end time "${endText}" is before the start`);
    return (end.value - start) / 60_000;
  }
  const durationText = row.get('duration');
  if (!durationText) {
    return row.reject(row.has('end') ? 'end' : 'duration', 'neither an end time nor a duration is given');
  }
  const duration = parseMinutes(durationText);
  return duration.ok ? duration.value : row.reject('duration', duration.reason);
}

/** A time of day alone belongs to the start's day, or the next day for a round that passes midnight. */
function endTime(text: string, start: number, timeZone: string): { ok: true; value: number } | { ok: false; reason: string } {
  const time = parseTimeOfDay(text);
  if (!time.ok) return parseDateTime(text, timeZone);
  const startDay = new TZDate(start, timeZone);
  const sameDay = toInstant(dateParts(startDay), time.value, timeZone);
  if (sameDay >= start) return { ok: true, value: sameDay };
  return { ok: true, value: toInstant(dateParts(addDays(startDay, 1)), time.value, timeZone) };
}

function dateParts(d: TZDate): DateParts {
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}
