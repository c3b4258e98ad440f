/** Aoristic counting with known answers: an incident spread evenly over the hours of its from/to span, the accounting unchanged. */
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/domain.js';
import { hoursOf } from '../../src/model/aoristic.js';
import { ReportBuilder } from '../../src/model/build-report.js';
import { FileTally } from '../../src/model/file-tally.js';
import { reportPeriod } from '../../src/period.js';
import { at } from '../support/time.js';

const TZ = 'Europe/Stockholm';
const meta = { language: 'sv' as const, municipality: 'Testby kommun', recipient: null, marking: null, timeZone: TZ, generator: 'test' };

function build(rows: Incident[]) {
  const period = reportPeriod('2024-04-15', 14, TZ, 2);
  const b = new ReportBuilder(period);
  const tally = new FileTally(period);
  const file = b.addFile('i.csv', 'incidents', { from: '2024-04-01', to: '2024-04-28' });
  rows.forEach((r, i) => tally.incident(i + 2, r));
  b.addTally(file, tally.take());
  return b.build(meta);
}

const sum = (grid: number[][]) => grid.flat().reduce((a, b) => a + b, 0);

describe('the hours of a span', () => {
  it('are the clock hours it touches, a span of no length its own hour', () => {
    expect(hoursOf([at('2024-04-15 22:00'), at('2024-04-16 06:00')], TZ)).toHaveLength(8);
    expect(hoursOf([at('2024-04-15 22:30'), at('2024-04-16 06:10')], TZ).map((h) => h.hour)).toEqual([22, 23, 0, 1, 2, 3, 4, 5, 6]);
    expect(hoursOf([at('2024-04-18 10:20'), at('2024-04-18 10:20')], TZ)).toEqual([{ weekday: 3, hour: 10 }]);
  });

  it('follow the clock over a daylight-saving change: the night of 31 March 2024 has no 02', () => {
    const hours = hoursOf([at('2024-03-30 22:00'), at('2024-03-31 06:00')], TZ);
    expect(hours.map((h) => h.hour)).toEqual([22, 23, 0, 1, 3, 4, 5]);
    expect(hours.map((h) => h.weekday)).toEqual([5, 5, 6, 6, 6, 6, 6]);
    // And 27 October has two.
    expect(hoursOf([at('2024-10-26 22:00'), at('2024-10-27 06:00')], TZ).map((h) => h.hour)).toEqual([22, 23, 0, 1, 2, 2, 3, 4, 5]);
  });
});

describe('time patterns with from/to spans', () => {
  it('give 22:00–06:00 1/8 to each of its 8 hours over two weekdays', () => {
    const m = build([{ at: at('2024-04-16 07:10'), area: 'Skolan', category: 'inbrott', span: [at('2024-04-15 22:00'), at('2024-04-16 06:00')] }]);
    const { weekdayHour } = m.timePatterns;
    const shares = weekdayHour.flatMap((hours, weekday) => hours.flatMap((count, hour) => (count > 0 ? [[weekday, hour, count]] : [])));
    expect(shares).toEqual([
      [0, 22, 0.125], [0, 23, 0.125],
      [1, 0, 0.125], [1, 1, 0.125], [1, 2, 0.125], [1, 3, 0.125], [1, 4, 0.125], [1, 5, 0.125],
    ]);
    expect(weekdayHour[1]![7]).toBe(0); // not at the hour it was reported
    expect(m.timePatterns).toMatchObject({ spread: 1, reportTimeOnly: 0, withoutTime: 0, spanWarnings: [] });
    expect(m.timePatterns.byDay[1]).toEqual({ date: '2024-04-16', count: 1 }); // the day, like the window, is the report's
  });

  it('keep the accounting: the shares add up to the incidents with a time, the window and the totals unchanged', () => {
    const spans: [string, string][] = [['2024-04-15 22:00', '2024-04-16 06:00'], ['2024-04-17 23:15', '2024-04-18 01:45'], ['2024-04-19 10:00', '2024-04-19 10:40'], ['2024-04-20 00:00', '2024-04-22 00:00'], ['2024-04-24 18:00', '2024-04-25 04:00']];
    const rows: Incident[] = [
      ...spans.map(([from, to], i) => ({ at: at(`2024-04-${String(16 + i * 2).padStart(2, '0')} 07:00`), area: 'A', category: 'inbrott', span: [at(from), at(to)] as [number, number] })),
      { at: at('2024-04-21 14:00'), area: 'B', category: 'stöld' },
      { at: at('2024-04-22 09:30'), area: 'B', category: 'stöld' },
      { at: at('2024-04-23 00:00'), area: 'B', category: 'klotter', dateOnly: true },
      { at: at('2024-04-14 23:00'), area: 'A', category: 'inbrott', span: [at('2024-04-14 20:00'), at('2024-04-14 22:00')] }, // the window before
    ];
    const m = build(rows);
    expect(m.incidents.total).toBe(8);
    expect(m.incidents.previousTotal).toBe(1);
    expect(m.timePatterns).toMatchObject({ spread: 5, reportTimeOnly: 2, withoutTime: 1 });
    expect(sum(m.timePatterns.weekdayHour)).toBeCloseTo(7, 9);
    expect(m.timePatterns.byDay.reduce((n, d) => n + d.count!, 0)).toBe(8);
    // Wednesday to Thursday: 23:15–01:45 touches 23, 00 and 01, a third each; 18:00–04:00 a tenth of each of its ten.
    expect(m.timePatterns.weekdayHour[2]![20]).toBeCloseTo(1 / 10, 9);
    expect(m.timePatterns.weekdayHour[2]![23]).toBeCloseTo(1 / 3 + 1 / 10, 9);
    expect(m.timePatterns.weekdayHour[3]![1]).toBeCloseTo(1 / 3 + 1 / 10, 9);
    expect(m.timePatterns.weekdayHour[3]![2]).toBeCloseTo(1 / 10, 9);
  });

  it('count an incident whose span could not be used at its report time, and list it with file, line and column', () => {
    const problem = { line: 7, column: 5, code: 'span.endBeforeStart' as const, params: { value: '2024-04-15 22:00', column: 'Till' } };
    const m = build([{ at: at('2024-04-16 07:10'), area: 'Skolan', category: 'inbrott', spanProblem: problem }]);
    expect(m.timePatterns.weekdayHour[1]![7]).toBe(1);
    expect(m.timePatterns).toMatchObject({ spread: 0, reportTimeOnly: 1 });
    expect(m.timePatterns.spanWarnings).toEqual([{ file: 'i.csv', line: 7, column: 5, code: 'span.endBeforeStart', reason: 'Till: end "2024-04-15 22:00" is before the start; counted at its report time' }]);
  });
});
