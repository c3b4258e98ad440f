import { describe, expect, it } from 'vitest';
import { parseDuration, TimeReader } from '../../src/ingest/times.js';
import type { Reason } from '../../src/reasons.js';
import { reasonText } from '../../src/texts/reasons.js';

const TZ = 'Europe/Stockholm';
const iso = (text: string, reader = new TimeReader(TZ)) => {
  const r = reader.dateTime(text);
  return r.ok ? new Date(r.value).toISOString() : r.pending ? 'pending' : reasonText('en', r);
};

describe('dates and times as Swedish exports write them', () => {
  it('reads local Swedish time in the space, T, dot and "kl." forms', () => {
    for (const text of ['2024-04-29 13:58', '2024-04-29T13:58:00', '2024-04-29 13.58', '2024-04-29 kl. 13:58', '2024-04-29 kl 13.58', '2024-04-29, 13:58']) {
      expect(iso(text), text).toBe('2024-04-29T11:58:00.000Z'); // CEST, UTC+2
    }
    expect(iso('2024-01-15 08:05')).toBe('2024-01-15T07:05:00.000Z'); // CET, UTC+1
  });

  it('reads day-first and compact dates, a date alone being 00:00 local', () => {
    for (const text of ['2024-04-29', '29.04.2024', '29.4.2024', '20240429', '2024/04/29', '29-04-2024']) {
      expect(iso(text), text).toBe('2024-04-28T22:00:00.000Z');
    }
  });

  it('honours an explicit offset or Z instead of the local zone', () => {
    expect(iso('2024-04-29T13:58:00Z')).toBe('2024-04-29T13:58:00.000Z');
    expect(iso('2024-04-29T13:58:00+01:00')).toBe('2024-04-29T12:58:00.000Z');
    expect(iso('2024-04-29T13:58:00.123-0500')).toBe('2024-04-29T18:58:00.000Z');
  });

  it('takes 24:00 as the end of the day', () => {
    expect(iso('2024-04-29 24:00')).toBe('2024-04-29T22:00:00.000Z');
    expect(iso('2024-04-29 24:01')).toBe('"24:01" is not a valid time of day');
  });

  it('uses the configured zone', () => {
    expect(iso('2024-04-29 13:58', new TimeReader('Europe/Helsinki'))).toBe('2024-04-29T10:58:00.000Z');
  });

  it('says why a value is not a time', () => {
    expect(iso('igår')).toBe('"igår" is not a date and time (expected e.g. 2024-04-29 13:58)');
    expect(iso('2024-02-30 10:00')).toBe('"2024-02-30 10:00" is not a real date');
    expect(iso('2024-04-29 25:61')).toBe('"25:61" is not a valid time of day');
    expect(iso('0024-04-16')).toBe('"0024-04-16" is not a real date'); // not 1924, as JavaScript dates would have it
  });

  it('learns day/month order of slashed dates from the file, never guessing', () => {
    const reader = new TimeReader(TZ);
    expect(reader.dateTime('04/05/2024')).toMatchObject({ ok: false, pending: true });
    expect(iso('29/4/2024 13:58', reader)).toBe('2024-04-29T11:58:00.000Z');
    expect(reader.order).toBe('dmy');
    expect(iso('04/05/2024', reader)).toBe('2024-05-03T22:00:00.000Z');
    expect(iso('04/13/2024', reader)).toBe('"04/13/2024" is not a real date in the file\'s D/M/YYYY order');
    const us = new TimeReader(TZ);
    expect(iso('4/29/2024', us)).toBe('2024-04-28T22:00:00.000Z');
    expect(us.order).toBe('mdy');
    expect(iso('04/05/2024', new TimeReader(TZ, 'mdy'))).toBe('2024-04-04T22:00:00.000Z');
  });

  it('combines separate date and time columns, an empty time meaning midnight', () => {
    const reader = new TimeReader(TZ);
    const r = reader.dateAndTime('2024-04-29', '13:58');
    expect(r.ok && new Date(r.value).toISOString()).toBe('2024-04-29T11:58:00.000Z');
    const midnight = reader.dateAndTime('29.04.2024', '');
    expect(midnight.ok && new Date(midnight.value).toISOString()).toBe('2024-04-28T22:00:00.000Z');
    expect(reader.dateAndTime('2024-04-3x', '10:00')).toMatchObject({ ok: false, field: 'date' });
    expect(reader.dateAndTime('2024-04-03', '10')).toMatchObject({ ok: false, field: 'time' });
    expect([...reader.formats].sort()).toEqual(['D.M.YYYY', 'YYYY-MM-DD + HH:MM']);
  });

  it('is right across the summer-time changes, cache or not', () => {
    const reader = new TimeReader(TZ);
    const minutes = (a: string, b: string) => {
      const [x, y] = [reader.dateTime(a), reader.dateTime(b)];
      return x.ok && y.ok ? (y.value - x.value) / 60_000 : NaN;
    };
    expect(minutes('2024-03-31 01:30', '2024-03-31 03:30')).toBe(60);
    expect(minutes('2024-10-27 01:30', '2024-10-27 03:30')).toBe(180);
    expect(minutes('2024-10-27 01:45', '2024-10-27 01:50')).toBe(5);
  });

  it('reads durations as minutes, h:mm, or hours with a decimal comma', () => {
    expect(parseDuration('45')).toEqual({ ok: true, value: 45 });
    expect(parseDuration('45 min')).toEqual({ ok: true, value: 45 });
    expect(parseDuration('12,5')).toEqual({ ok: true, value: 12.5 });
    expect(parseDuration('1:30')).toEqual({ ok: true, value: 90 });
    expect(parseDuration('1,5 h')).toEqual({ ok: true, value: 90 });
    expect(parseDuration('2 tim')).toEqual({ ok: true, value: 120 });
    expect(parseDuration('1 h 15 min')).toEqual({ ok: true, value: 75 });
    expect(parseDuration('-15')).toEqual({ ok: false, code: 'duration.negative', params: { value: '-15' } });
    expect(parseDuration('ca en timme')).toEqual({ ok: false, code: 'duration.invalid', params: { value: 'ca en timme' } });
    expect(reasonText('en', parseDuration('ca en timme') as Reason)).toBe('duration "ca en timme" is not a length of time (expected minutes, 1:30 or 1,5 h)');
  });
});
