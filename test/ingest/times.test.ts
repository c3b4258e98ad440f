import { describe, expect, it } from 'vitest';
import { parseDateAndTime, parseDateTime, parseMinutes, parseTimeOfDay } from '../../src/ingest/times.js';

const TZ = 'Europe/Stockholm';
const iso = (text: string, tz = TZ) => {
  const r = parseDateTime(text, tz);
  return r.ok ? new Date(r.value).toISOString() : r.reason;
};

describe('dates and times in exports', () => {
  it('reads local Swedish time in both the space and the T form', () => {
    expect(iso('2024-04-29 13:58')).toBe('2024-04-29T11:58:00.000Z'); // CEST, UTC+2
    expect(iso('2024-04-29T13:58:00')).toBe('2024-04-29T11:58:00.000Z');
    expect(iso('2024-01-15 08:05')).toBe('2024-01-15T07:05:00.000Z'); // CET, UTC+1
  });

  it('takes a date alone as 00:00 local', () => {
    expect(iso('2024-04-29')).toBe('2024-04-28T22:00:00.000Z');
  });

  it('honours an explicit offset or Z instead of the local zone', () => {
    expect(iso('2024-04-29T13:58:00Z')).toBe('2024-04-29T13:58:00.000Z');
    expect(iso('2024-04-29T13:58:00+01:00')).toBe('2024-04-29T12:58:00.000Z');
  });

  it('uses the configured zone', () => {
    expect(iso('2024-04-29 13:58', 'Europe/Helsinki')).toBe('2024-04-29T10:58:00.000Z');
  });

  it('says why a value is not a time', () => {
    expect(iso('igår')).toBe('"igår" is not a date and time (expected YYYY-MM-DD HH:MM)');
    expect(iso('2024-02-30 10:00')).toBe('"2024-02-30" is not a real date');
    expect(iso('2024-04-29 25:61')).toBe('"25:61" is not a valid time of day');
  });

  it('combines separate date and time columns, an empty time meaning midnight', () => {
    const r = parseDateAndTime('2024-04-29', '13:58', TZ);
    expect(r.ok && new Date(r.value).toISOString()).toBe('2024-04-29T11:58:00.000Z');
    const midnight = parseDateAndTime('2024-04-29', '', TZ);
    expect(midnight.ok && new Date(midnight.value).toISOString()).toBe('2024-04-28T22:00:00.000Z');
    expect(parseDateAndTime('2024-04-3x', '10:00', TZ)).toMatchObject({ ok: false, field: 'date' });
    expect(parseDateAndTime('2024-04-03', '10', TZ)).toMatchObject({ ok: false, field: 'time' });
  });

  it('reads times of day and minutes', () => {
    expect(parseTimeOfDay('7:05')).toEqual({ ok: true, value: { hour: 7, minute: 5, second: 0 } });
    expect(parseTimeOfDay('24:00').ok).toBe(false);
    expect(parseMinutes('45')).toEqual({ ok: true, value: 45 });
    expect(parseMinutes('12,5')).toEqual({ ok: true, value: 12.5 });
    expect(parseMinutes('-15')).toEqual({ ok: false, reason: 'duration "-15" is negative' });
    expect(parseMinutes('ca en timme')).toEqual({ ok: false, reason: 'duration "ca en timme" is not a number of minutes' });
  });
});
