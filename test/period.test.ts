import { describe, expect, it } from 'vitest';
import { addCalendarDays, contains, isoWeeks, lastCompleteWindowStart, reportPeriod, windowFrom } from '../src/period.js';
import { at } from './support/time.js';

const TZ = 'Europe/Stockholm';
const HOUR = 3_600_000;

describe('report windows', () => {
  it('covers 14 whole local days from 00:00 on the first to the end of the last', () => {
    const w = windowFrom('2024-04-15', 14, TZ);
    expect(w.start).toBe('2024-04-15');
    expect(w.end).toBe('2024-04-28');
    expect(contains(w, at('2024-04-15 00:00'))).toBe(true);
    expect(contains(w, at('2024-04-14 23:59:59'))).toBe(false);
    expect(contains(w, at('2024-04-28 23:59:59'))).toBe(true);
    expect(contains(w, at('2024-04-29 00:00'))).toBe(false);
    expect(w.endsAt - w.startsAt).toBe(14 * 24 * HOUR);
  });

  it('is one hour short when summer time starts inside it, and still ends at local midnight', () => {
    const w = windowFrom('2024-03-25', 14, TZ); // clocks go forward 2024-03-31 02:00
    expect(w.endsAt - w.startsAt).toBe(14 * 24 * HOUR - HOUR);
    expect(contains(w, at('2024-04-07 23:30'))).toBe(true);
    expect(contains(w, at('2024-04-08 00:00'))).toBe(false);
    expect(w.endsAt).toBe(at('2024-04-08 00:00'));
  });

  it('is one hour long when summer time ends inside it', () => {
    const w = windowFrom('2024-10-21', 14, TZ); // clocks go back 2024-10-27 03:00
    expect(w.endsAt - w.startsAt).toBe(14 * 24 * HOUR + HOUR);
    expect(w.end).toBe('2024-11-03');
  });

  it('compares with the 14 days just before', () => {
    const p = reportPeriod('2024-04-15', 14, TZ);
    expect(p.previous.start).toBe('2024-04-01');
    expect(p.previous.end).toBe('2024-04-14');
    expect(p.previous.endsAt).toBe(p.current.startsAt);
  });

  it('chooses the last complete fortnight on the anchor cadence, so consecutive runs never overlap', () => {
    const anchor = '2024-01-01';
    // Windows start 2024-01-01 + 14k: …, 2024-04-08, 2024-04-22, 2024-05-06, …
    expect(lastCompleteWindowStart('2024-04-22', anchor, 14, TZ)).toBe('2024-04-08'); // first day after a window
    expect(lastCompleteWindowStart('2024-05-05', anchor, 14, TZ)).toBe('2024-04-08'); // last day of the next one
    expect(lastCompleteWindowStart('2024-05-06', anchor, 14, TZ)).toBe('2024-04-22');
    expect(lastCompleteWindowStart('2024-01-10', anchor, 14, TZ)).toBe('2023-12-18'); // before the anchor's first window ends
    // Run every day for a year: each window starts the day after the previous one ended.
    let previous: string | undefined;
    for (let day = 0; day < 366; day++) {
      const today = new Date(Date.UTC(2024, 0, 15 + day)).toISOString().slice(0, 10);
      const start = lastCompleteWindowStart(today, anchor, 14, TZ);
      const window = reportPeriod(start, 14, TZ).current;
      expect(window.end < today).toBe(true);
      if (previous !== undefined && start !== previous) expect(start).toBe(addCalendarDays(previous, 14, TZ));
      previous = start;
    }
  });

  it('names the ISO weeks it covers, across a new year too', () => {
    expect(isoWeeks(windowFrom('2024-04-15', 14, TZ), TZ)).toEqual([16, 17]);
    expect(isoWeeks(windowFrom('2024-12-23', 14, TZ), TZ)).toEqual([52, 1]);
    expect(isoWeeks(windowFrom('2024-04-17', 14, TZ), TZ)).toEqual([16, 17, 18]);
  });
});

describe('the clock inside a window', () => {
  it('gives local day, weekday and hour, right on the days the clocks change', async () => {
    const { WindowClock } = await import('../src/period.js');
    const clock = new WindowClock(windowFrom('2024-03-25', 14, TZ), TZ); // Monday; summer time from 31 March 02:00
    expect(clock.locate(at('2024-03-25 00:00'))).toEqual({ day: 0, weekday: 0, hour: 0 });
    expect(clock.locate(at('2024-03-31 01:59'))).toEqual({ day: 6, weekday: 6, hour: 1 });
    expect(clock.locate(at('2024-03-31 03:00'))).toEqual({ day: 6, weekday: 6, hour: 3 });
    expect(clock.locate(at('2024-03-31 23:30'))).toEqual({ day: 6, weekday: 6, hour: 23 });
    expect(clock.locate(at('2024-04-01 00:10'))).toEqual({ day: 7, weekday: 0, hour: 0 });
    expect(clock.locate(at('2024-04-07 23:59'))).toEqual({ day: 13, weekday: 6, hour: 23 });
    expect(clock.locate(at('2024-04-08 00:00'))).toBeUndefined();
    expect(clock.date(6)).toBe('2024-03-31');
  });

  it('keeps a history of windows back to back, newest first', async () => {
    const { historyIndex } = await import('../src/period.js');
    const p = reportPeriod('2024-04-15', 14, TZ, 4);
    expect(p.history.map((w) => w.start)).toEqual(['2024-04-15', '2024-04-01', '2024-03-18', '2024-03-04']);
    expect(historyIndex(p, at('2024-04-28 23:59'))).toBe(0);
    expect(historyIndex(p, at('2024-03-31 12:00'))).toBe(2);
    expect(historyIndex(p, at('2024-03-03 23:59'))).toBeUndefined();
    expect(historyIndex(p, at('2024-04-29 00:00'))).toBeUndefined();
  });
});
