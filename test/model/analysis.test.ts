/**
 * The analyst's sections with known answers: what rose most, hot-spot classes
 * over a history of windows, when in the week, patrols against incidents and
 * the hours left uncovered, and the notable incidents.
 */
import { describe, expect, it } from 'vitest';
import type { Incident, PatrolRound } from '../../src/domain.js';
import { ReportBuilder } from '../../src/model/build-report.js';
import { FileTally } from '../../src/model/file-tally.js';
import { hotspots } from '../../src/model/sections/hotspots.js';
import { addCalendarDays, reportPeriod } from '../../src/period.js';
import { at } from '../support/time.js';

const TZ = 'Europe/Stockholm';
const meta = { language: 'sv' as const, municipality: 'Testby kommun', recipient: null, marking: null, timeZone: TZ, generator: 'test' };

/** The export is taken to cover the whole history (`from` its first day), as a few rows cannot show it. */
/** `serious`: the config's list; null for the default rules. */
function build(rows: (Incident | PatrolRound)[], history = 6, serious: string[] | null = ['hot', 'våld', 'brand'], from?: string) {
  const period = reportPeriod('2024-04-15', 14, TZ, history);
  const b = new ReportBuilder(period, { seriousCategories: serious ?? undefined });
  const tally = new FileTally(period);
  const incidents = b.addFile('i.csv', 'incidents', { from: from ?? period.history[period.history.length - 1]!.start, to: period.current.end });
  rows.forEach((r, i) => ('at' in r ? tally.incident(i + 2, r) : tally.patrol(i + 2, r)));
  b.addTally(incidents, tally.take());
  return b.build(meta);
}

/** n incidents in an area, spread over the window that starts `weeksBack` fortnights before 15 April. */
function many(n: number, area: string, fortnightsBack = 0, category = 'skadegörelse'): Incident[] {
  const start = addCalendarDays('2024-04-15', -14 * fortnightsBack, TZ);
  return Array.from({ length: n }, (_, i) => ({ at: at(`${addCalendarDays(start, i % 14, TZ)} ${String(8 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`), area, category }));
}

describe('what rose most', () => {
  it('names up to three areas and categories with the largest rise, none that fell', () => {
    const m = build([...many(6, 'A'), ...many(1, 'A', 1), ...many(4, 'B'), ...many(2, 'B', 1), ...many(1, 'C'), ...many(5, 'C', 1), ...many(3, 'D'), ...many(2, 'E')]);
    expect(m.summary.risingAreas.map((a) => [a.name, a.change])).toEqual([['A', 5], ['D', 3], ['B', 2]]);
  });
});

describe('hot-spots', () => {
  it('ranks areas with their cumulative share, marking the few that hold 80 %', () => {
    const m = build([...many(50, 'Hamnen'), ...many(30, 'Centrum'), ...many(15, 'Skolan'), ...many(5, 'Parken')]);
    expect(m.hotspots.areas.map((a) => [a.name, a.share, a.cumulativeShare, a.core])).toEqual([
      ['Hamnen', 50, 50, true],
      ['Centrum', 30, 80, true],
      ['Skolan', 15, 95, false],
      ['Parken', 5, 100, false],
    ]);
  });

  it('classes areas over the history as new, persistent, rising, falling or former', () => {
    // Earlier windows: Torget 15, Hamnen and Stationen 10 in all five, Parken 10 in three: all hot then.
    // Now: Stationen 30 (rising beyond chance), Hamnen 13 (persistent: within chance), Skolan 10 (new),
    // Torget 4 (falling beyond chance), Parken 1 (former), and twelve streets with one each, which keep
    // Torget among the areas that hold 80 % of the window's incidents.
    const earlier = [1, 2, 3, 4, 5].flatMap((k) => [...many(15, 'Torget', k), ...many(10, 'Hamnen', k), ...many(10, 'Stationen', k), ...(k <= 3 ? many(10, 'Parken', k) : [])]);
    const streets = Array.from({ length: 12 }, (_, i) => many(1, `Gata ${i + 1}`)).flat();
    const rows = [...earlier, ...many(30, 'Stationen'), ...many(13, 'Hamnen'), ...many(10, 'Skolan'), ...many(4, 'Torget'), ...many(1, 'Parken'), ...streets];
    const m = build(rows);
    expect(m.hotspots).toMatchObject({ windows: 6, windowsWithData: 6, enoughHistory: true });
    expect(Object.fromEntries(m.hotspots.areas.filter((a) => !a.name.startsWith('Gata')).map((a) => [a.name, a.class]))).toEqual({
      Hamnen: 'persistent', Skolan: 'new', Stationen: 'rising', Torget: 'falling', Parken: 'former',
    });
    expect(m.hotspots.areas.find((a) => a.name === 'Stationen')!.history).toEqual([30, 10, 10, 10, 10, 10]);
    // The classes follow the areas' signals: Skolan, new, rose beyond chance too.
    const areaSignals = m.signals.filter((s) => s.area !== null && s.category === null).map((s) => [s.area, s.direction]);
    expect(areaSignals.sort()).toEqual([['Skolan', 'rise'], ['Stationen', 'rise'], ['Torget', 'fall']]);
  });

  it('says when the exports do not reach back over the whole history', () => {
    const m = build([...many(10, 'Hamnen'), ...many(8, 'Hamnen', 1)], 6, undefined, '2024-04-01');
    expect(m.hotspots).toMatchObject({ windows: 6, windowsWithData: 2, enoughHistory: false, noClassReason: null });
    expect(m.hotspots.areas[0]!.history).toEqual([10, 8, null, null, null, null]);
    const short = hotspots([{ name: 'Hamnen', history: [5] }], [true, false, false, false, false, false]);
    expect(short.areas[0]!.class).toBeNull();
    expect(short.noClassReason).toBe('no earlier window complete');
  });
});

describe('time patterns', () => {
  it('counts incidents by local weekday and hour, and per day', () => {
    const m = build([
      { at: at('2024-04-15 22:30'), area: 'A', category: 'x' }, // Monday
      { at: at('2024-04-22 22:05'), area: 'A', category: 'x' }, // Monday again
      { at: at('2024-04-20 03:15'), area: 'A', category: 'x' }, // Saturday
    ]);
    expect(m.timePatterns.weekdayHour[0]![22]).toBe(2);
    expect(m.timePatterns.weekdayHour[5]![3]).toBe(1);
    expect(m.timePatterns.busiest[0]).toEqual({ weekday: 0, hour: 22, count: 2 });
    expect(m.timePatterns.byDay.map((d) => d.count)).toEqual([1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(m.timePatterns.byDay[0]).toEqual({ date: '2024-04-15', count: 1 });
  });
});

describe('patrols against incidents', () => {
  it('gives incidents per patrol hour and remarks, and the hours with incidents but no patrol', () => {
    const m = build([
      { at: at('2024-04-16 23:10'), area: 'Hamnen', category: 'brand' },
      { at: at('2024-04-23 23:40'), area: 'Hamnen', category: 'stöld' }, // Tuesdays 23–24: two, no patrol then
      { at: at('2024-04-17 21:10'), area: 'Hamnen', category: 'stöld' },
      { at: at('2024-04-24 21:50'), area: 'Hamnen', category: 'stöld' }, // Wednesdays 21–22: two, but patrolled
      { start: at('2024-04-17 20:30'), minutes: 60, area: 'Hamnen', remarks: 'Grupp vid kajen' },
      { start: at('2024-04-18 20:00'), minutes: 60, area: 'Hamnen' },
      { at: at('2024-04-18 12:00'), area: 'Skolan', category: 'klotter' },
    ]);
    expect(m.coverage.byArea).toEqual([
      { name: 'Hamnen', incidents: 4, rounds: 2, minutes: 120, incidentsPerPatrolHour: 2, remarks: 1, matched: true, maybe: [] },
      { name: 'Skolan', incidents: 1, rounds: 0, minutes: 0, incidentsPerPatrolHour: null, remarks: 0, matched: true, maybe: [] },
    ]);
    expect(m.coverage.unmatched).toEqual([]);
    expect(m.coverage.gaps).toEqual([{ area: 'Hamnen', weekday: 1, hour: 23, incidents: 2, maybe: [] }]);
  });

  it('marks a place patrolled under another name, and the patrolled places that no incident names', () => {
    const m = build([
      { at: at('2024-04-16 23:10'), area: 'Centrum', category: 'brand' },
      { at: at('2024-04-23 23:40'), area: 'Centrum', category: 'stöld' },
      { at: at('2024-04-18 12:00'), area: 'Skolan', category: 'klotter' },
      { start: at('2024-04-17 20:30'), minutes: 60, area: 'Centrum/Torget' },
      { start: at('2024-04-18 20:00'), minutes: 30, area: 'Kommunhuset' },
    ]);
    expect(m.coverage.byArea).toEqual([
      { name: 'Centrum', incidents: 2, rounds: 0, minutes: 0, incidentsPerPatrolHour: null, remarks: 0, matched: true, maybe: ['Centrum/Torget'] },
      { name: 'Skolan', incidents: 1, rounds: 0, minutes: 0, incidentsPerPatrolHour: null, remarks: 0, matched: true, maybe: [] },
      { name: 'Kommunhuset', incidents: 0, rounds: 1, minutes: 30, incidentsPerPatrolHour: null, remarks: 0, matched: false, maybe: [] },
      { name: 'Centrum/Torget', incidents: 0, rounds: 1, minutes: 60, incidentsPerPatrolHour: null, remarks: 0, matched: false, maybe: ['Centrum'] },
    ]);
    expect(m.coverage.unmatched).toEqual(['Kommunhuset', 'Centrum/Torget']);
    // Its Tuesday nights may well have been patrolled, as Centrum/Torget.
    expect(m.coverage.gaps).toEqual([{ area: 'Centrum', weekday: 1, hour: 23, incidents: 2, maybe: ['Centrum/Torget'] }]);
  });
});

describe('notable incidents', () => {
  it('lists serious categories and flagged incidents in time order, with local date and time and the source the export names', () => {
    const m = build([
      { at: at('2024-04-20 01:05'), area: 'Skolan', category: 'Brand', description: 'Brand i papperskorg', source: ' Skolan ' },
      { at: at('2024-04-16 14:00'), area: 'Centrum', category: 'stöld', flagged: true },
      { at: at('2024-04-17 10:00'), area: 'Centrum', category: 'klotter' },
      { at: at('2024-04-02 10:00'), area: 'Centrum', category: 'hot' }, // previous window: not listed
    ]);
    expect(m.notable).toEqual({
      total: 2,
      shown: 2,
      serious: 1,
      flagged: 1,
      categories: ['Brand'], // as the data spells them, and only those of the window
      rules: ['hot', 'våld', 'brand'],
      rulesFrom: 'config',
      items: [
        { date: '2024-04-16', time: '14:00', area: 'Centrum', category: 'stöld', description: null, reason: 'flagged', source: null },
        { date: '2024-04-20', time: '01:05', area: 'Skolan', category: 'Brand', description: 'Brand i papperskorg', reason: 'serious category', source: 'Skolan' },
      ],
    });
  });
});

describe('serious incidents by default', () => {
  it('lists what exports call serious, says which categories it took, and how many of how many it shows', () => {
    const rows: Incident[] = [
      ...many(30, 'Centrum', 0, 'Misshandel, grov'),
      ...many(20, 'Hamnen', 0, 'Rån mot person'),
      ...many(24, 'Skolan', 0, 'Brand i byggnad'),
      ...many(9, 'Skolan', 0, 'Brandlarm, obefogat'),
      ...many(5, 'Centrum', 0, 'Hotell'),
      ...many(3, 'Centrum', 1, 'Skottlossning'), // the window before: not listed
    ];
    const m = build(rows, 6, null);
    expect(m.notable).toMatchObject({
      total: 74,
      shown: 40,
      serious: 74,
      flagged: 0,
      categories: ['Misshandel, grov', 'Brand i byggnad', 'Rån mot person'],
      rulesFrom: 'default',
    });
    expect(m.notable.rules).toEqual(expect.arrayContaining(['misshandel', 'rån', 'skottlossning', 'explosion', 'hot', 'våld', 'mord/dråp', 'våldtäkt', 'brand']));
    expect(m.notable.items).toHaveLength(40);
    expect(m.notable.items.map((i) => i.date)).toEqual([...m.notable.items.map((i) => i.date)].sort());
  });
});

describe('medborgarlöften', () => {
  it('counts what is done this year against the target and says whether the pace will reach it', async () => {
    const { followUp } = await import('../../src/model/sections/commitments.js');
    const day = (d: string) => at(d);
    const activities = [
      { on: day('2024-02-10'), name: 'Narkotikainsats', party: 'polis' },
      { on: day('2024-03-05'), name: 'hundsök i skola', party: 'Polisen' },
      { on: day('2024-03-22'), name: 'Narkotikainsats' },
      { on: day('2024-02-07'), name: 'Trafikkontroll', party: 'kommunen' }, // the police promised this one
      { on: day('2024-04-16'), name: 'Trafikkontroll vid skola', party: 'polis' },
      { on: day('2024-03-12'), name: 'Grannsamverkansmöte' },
    ];
    const result = followUp(
      [
        { name: 'Narkotika', party: 'båda', target: 4, activities: ['narkotikainsats'], quotas: [{ name: 'hundsök i skola', target: 2, activities: ['Hundsök i skola'] }] },
        { name: 'Trafik', party: 'polis', target: 12, activities: ['trafikkontroll'], quotas: [{ name: 'nära skolor', target: 4, activities: ['trafikkontroll vid skola'] }] },
      ],
      activities,
      { year: 2024, asOf: '2024-04-28', daysGone: 119, daysInYear: 366 }, // 32.5 % of the year
    );
    expect(result.shareOfYear).toBe(32.5);
    expect(result.items.map((i) => [i.name, i.done, i.expected, i.projected, i.status])).toEqual([
      ['Narkotika', 3, 1.3, 9, 'on track'],
      ['Trafik', 1, 3.9, 3, 'behind'],
    ]);
    expect(result.items[0]!.quotas.map((q) => [q.name, q.done, q.status])).toEqual([['hundsök i skola', 1, 'on track']]);
    expect(result.unmatched).toEqual([{ name: 'Grannsamverkansmöte', count: 1 }]); // the kommun's traffic check is named, only not the police's
  });
});

describe('found in review', () => {
  it('counts the same incident in two overlapping exports once in the older windows too', () => {
    const period = reportPeriod('2024-04-15', 14, TZ, 3);
    const b = new ReportBuilder(period);
    const rows = [...many(4, 'A'), ...many(4, 'A', 1), ...many(4, 'A', 2)].map((r, i) => ({ ...r, id: `K-${i}` }));
    for (const file of ['export-1.csv', 'export-2.csv']) {
      const tally = new FileTally(period);
      rows.forEach((r, i) => tally.incident(i + 2, r));
      b.addTally(b.addFile(file, 'incidents', { from: '2024-03-18', to: '2024-04-28' }), tally.take());
    }
    const m = b.build(meta);
    expect(m.hotspots.areas[0]!.history).toEqual([4, 4, 4]);
    expect(m.duplicates).toHaveLength(8); // the two windows of the report; older repeats are only left out
  });

  it('leaves incidents without a time of day out of the hours, keeping them in their day', () => {
    const m = build([
      { at: at('2024-04-15 00:00'), area: 'Z', category: 'klotter', dateOnly: true },
      { at: at('2024-04-22 00:00'), area: 'Z', category: 'klotter', dateOnly: true },
      { at: at('2024-04-15 00:00'), area: 'Z', category: 'brand', dateOnly: true },
    ]);
    expect(m.timePatterns.weekdayHour.flat().reduce((a, b) => a + b, 0)).toBe(0);
    expect(m.timePatterns.withoutTime).toBe(3);
    expect(m.timePatterns.byDay[0]!.count).toBe(2);
    expect(m.coverage.gaps).toEqual([]);
    expect(m.notable.items[0]!.time).toBeNull();
  });

  it('lets a round from the evening before the window cover its first hour', () => {
    const m = build([
      { at: at('2024-04-15 00:10'), area: 'Y', category: 'stöld' },
      { at: at('2024-04-22 00:20'), area: 'Y', category: 'stöld' },
      { start: at('2024-04-14 23:30'), minutes: 70, area: 'Y' },
    ]);
    expect(m.coverage.gaps).toEqual([]);
  });

  it('counts for a police promise no activity of another party', async () => {
    const { followUp } = await import('../../src/model/sections/commitments.js');
    const r = followUp(
      [{ name: 'Narkotika', party: 'polis', target: 4, activities: ['narkotikainsats'] }],
      [
        { on: at('2024-01-10'), name: 'Narkotikainsats', party: 'polis' },
        { on: at('2024-03-01'), name: 'Narkotikainsats', party: 'Räddningstjänsten' },
        { on: at('2024-03-02'), name: 'Narkotikainsats', party: 'kommunen' },
        { on: at('2024-03-03'), name: 'Narkotikainsats', party: 'gemensam' },
        { on: at('2024-03-04'), name: 'Narkotikainsats' },
      ],
      { year: 2024, asOf: '2024-04-28', daysGone: 119, daysInYear: 366 },
    );
    expect(r.items[0]).toMatchObject({ done: 3, projected: 9, status: 'on track' });
    expect(r.unmatched).toEqual([]);
  });
});
