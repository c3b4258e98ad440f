/** The windows of the history by name, as the file tallies hand them over, across threads too. */
import { describe, expect, it } from 'vitest';
import { FileTally } from '../../src/model/file-tally.js';
import { CURRENT, history, isCurrent, isOlder, isPrevious, LAST_YEAR, PREVIOUS, windowAt, windowIndex } from '../../src/model/windows.js';
import { reportPeriod } from '../../src/period.js';
import { at } from '../support/time.js';

const period = reportPeriod('2024-04-15', 14, 'Europe/Stockholm', 4);

describe('named windows', () => {
  it('names the window an instant falls in: current, previous, history(n), or none', () => {
    expect(windowAt(period, at('2024-04-28 23:59'))).toEqual({ kind: 'current' });
    expect(windowAt(period, at('2024-04-01 00:00'))).toEqual({ kind: 'previous' });
    expect(windowAt(period, at('2024-03-31 12:00'))).toEqual({ kind: 'history', n: 2 });
    expect(windowAt(period, at('2024-03-04 00:00'))).toEqual(history(3));
    expect(windowAt(period, at('2024-04-29 00:00'))).toBeUndefined();
    expect([CURRENT, PREVIOUS, history(2), history(3), LAST_YEAR].map(windowIndex)).toEqual([0, 1, 2, 3, undefined]);
    expect(() => history(1)).toThrow(RangeError);
  });

  it('reach back over the tallied windows when they go further than the history, and to last year\'s', () => {
    // 4 windows of history, 26 of baseline: the oldest tallied window starts 26 fortnights before the report window.
    expect(windowAt(period, at('2024-03-03 23:59'))).toEqual(history(4));
    expect(windowAt(period, at('2023-04-17 00:00'))).toEqual(history(26));
    expect(windowAt(period, at('2023-04-16 23:59'))).toBeUndefined();
    // Weekly windows: 27 weeks back, and the same weeks last year apart from them.
    const weekly = reportPeriod('2024-04-15', 7, 'Europe/Stockholm', 4);
    expect(weekly.lastYear).toMatchObject({ start: '2023-04-17', end: '2023-04-23' });
    expect(windowAt(weekly, at('2023-04-17 00:00'))).toEqual(LAST_YEAR);
    expect(windowAt(weekly, at('2023-04-24 00:00'))).toBeUndefined();
    expect(isOlder(LAST_YEAR)).toBe(true);
    // With a baseline of 2 windows the history reaches furthest.
    const short = reportPeriod('2024-04-15', 14, 'Europe/Stockholm', 4, 2);
    expect(short.tallied.map((w) => w.start)).toEqual(['2024-04-15', '2024-04-01', '2024-03-18']);
    expect(windowAt(short, at('2024-03-04 00:00'))).toEqual(history(3));
    expect(windowAt(short, at('2024-03-03 23:59'))).toBeUndefined();
  });

  it('are plain data: a tally cloned for another thread keeps its rows’ windows', () => {
    const tally = new FileTally(period);
    tally.incident(2, { at: at('2024-04-16 10:00'), area: 'A', category: 'x' });
    tally.incident(3, { at: at('2024-04-02 10:00'), area: 'A', category: 'x' });
    tally.incident(4, { at: at('2024-03-20 10:00'), area: 'A', category: 'x' });
    tally.patrol(5, { start: at('2024-03-20 10:00'), area: 'A', minutes: 30 }); // rounds of older windows are not kept
    const rows = structuredClone(tally.take()).windowRows;
    expect(rows.map((r) => [r.line, r.window])).toEqual([[2, CURRENT], [3, PREVIOUS], [4, history(2)]]);
    expect(rows.map((r) => [isCurrent(r.window), isPrevious(r.window), isOlder(r.window)])).toEqual([[true, false, false], [false, true, false], [false, false, true]]);
  });
});
