/**
 * Fokus kommande period: the ranking on known cases, the `when` rule on known
 * grids (across midnight too), and the model's focus list and sources from rows.
 */
import { describe, expect, it } from 'vitest';
import type { Incident, PatrolRound } from '../../src/domain.js';
import { ReportBuilder } from '../../src/model/build-report.js';
import { FileTally } from '../../src/model/file-tally.js';
import { rankFocus, type FocusCandidate } from '../../src/model/focus-rank.js';
import { whenOf } from '../../src/model/focus-when.js';
import { addCalendarDays, reportPeriod } from '../../src/period.js';
import { at } from '../support/time.js';

const TZ = 'Europe/Stockholm';

/** A 7 × 24 grid with the given cells: [weekday, hour, count]. */
function grid(cells: [number, number, number][]): number[][] {
  const g = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const [d, h, n] of cells) g[d]![h]! += n;
  return g;
}

describe('when a place’s incidents cluster', () => {
  it('finds the weekdays and the shortest run of hours that hold most of them', () => {
    // Tuesday to Thursday 18–23: 4 + 4 + 4 incidents; one stray on Monday morning.
    const g = grid([[1, 18, 1], [1, 20, 2], [1, 22, 1], [2, 19, 2], [2, 21, 2], [3, 18, 1], [3, 22, 3], [0, 9, 1]]);
    expect(whenOf(g)).toEqual([{ weekdays: [1, 2, 3], hours: [18, 23], incidents: 12, share: 92 }]);
  });

  it('runs a range of hours across midnight, the early hours counted with the evening they began', () => {
    // Friday and Saturday nights 22–02: the hours after midnight fall on Saturday and Sunday.
    const g = grid([[4, 22, 2], [4, 23, 1], [5, 0, 2], [5, 1, 1], [5, 22, 1], [5, 23, 2], [6, 0, 1], [6, 1, 2]]);
    expect(whenOf(g)).toEqual([{ weekdays: [4, 5], hours: [22, 2], incidents: 12, share: 100 }]);
  });

  it('gives no when for too few incidents with a time: no pattern is made of three points', () => {
    expect(whenOf(grid([[4, 22, 1], [4, 23, 1], [5, 0, 1]]))).toEqual([]);
  });

  it('gives no when for incidents spread over every day and hour', () => {
    const even = grid(Array.from({ length: 7 * 24 }, (_, s) => [Math.floor(s / 24), s % 24, 1] as [number, number, number]));
    expect(whenOf(even)).toEqual([]);
  });

  it('gives two peaks of hours far apart as two clusters, the larger first', () => {
    // Friday 01–03 (6) and Tuesday afternoons 14–16 (4): no run of 8 hours holds 80 %.
    const g = grid([[4, 1, 3], [4, 2, 3], [1, 14, 2], [1, 15, 2]]);
    expect(whenOf(g)).toEqual([
      { weekdays: [4], hours: [1, 3], incidents: 6, share: 60 },
      { weekdays: [1], hours: [14, 16], incidents: 4, share: 40 },
    ]);
  });
});

describe('the focus ranking', () => {
  const place = (area: string, incidents: number, rise = false, rounds = 0, minutes = 0): FocusCandidate => ({ area, incidents, rise, rounds, minutes });
  const patrols = { logs: true, perPatrolHour: 1 };

  it('puts a place with many incidents, a real rise and no rounds first', () => {
    const ranked = rankFocus([place('Centrum', 14, false, 10, 900), place('Inre hamnen', 10, true, 0, 0), place('Stadsparken', 12, false, 6, 900)], patrols, 5);
    expect(ranked.map((r) => [r.rank, r.candidate.area, r.score, r.fewRounds])).toEqual([
      [1, 'Inre hamnen', 30, true],
      [2, 'Centrum', 14, false],
      [3, 'Stadsparken', 12, false],
    ]);
  });

  it('weighs few rounds by incidents per patrol hour against the municipality’s', () => {
    // 8 incidents in 2 patrol hours is 4 an hour, above the municipality's 1: half again.
    const ranked = rankFocus([place('Torget', 10, false, 20, 1200), place('Skolan', 8, false, 2, 120)], patrols, 5);
    expect(ranked.map((r) => [r.candidate.area, r.score])).toEqual([['Skolan', 12], ['Torget', 10]]);
  });

  it('takes no place with one or two incidents, however unpatrolled', () => {
    expect(rankFocus([place('Ödegärdet', 1), place('Bron', 2, true), place('Torget', 3)], patrols, 5).map((r) => r.candidate.area)).toEqual(['Torget']);
  });

  it('breaks ties by incidents, then fewer patrol minutes, then the name in Swedish order', () => {
    const ranked = rankFocus(
      [place('Östra', 6, false, 5, 600), place('Ängen', 6, false, 5, 600), place('Åsen', 6, false, 5, 600), place('Berga', 6, false, 1, 300), place('Norr', 4, false, 0, 0)],
      { logs: true, perPatrolHour: 2 },
      5,
    );
    // Norr: 4 × 1.5 = 6 as well, but fewer incidents; Berga: fewer minutes; Å, Ä, Ö in Swedish order.
    expect(ranked.map((r) => r.candidate.area)).toEqual(['Berga', 'Åsen', 'Ängen', 'Östra', 'Norr']);
  });

  it('gives the same order whatever order the places come in, and only as many as asked', () => {
    const places = [place('A', 5), place('B', 9, true), place('C', 7, false, 3, 400), place('D', 3)];
    const once = rankFocus(places, patrols, 2).map((r) => r.candidate.area);
    expect(rankFocus([...places].reverse(), patrols, 2).map((r) => r.candidate.area)).toEqual(once);
    // C: 7 incidents in 6⅔ patrol hours is above 1 an hour: 7 × 1.5 beats A's 5 × 1.5.
    expect(once).toEqual(['B', 'C']);
  });

  it('without patrol logs calls no place unpatrolled', () => {
    const ranked = rankFocus([place('A', 5), place('B', 6)], { logs: false, perPatrolHour: null }, 5);
    expect(ranked.map((r) => [r.candidate.area, r.score, r.fewRounds])).toEqual([['B', 6, false], ['A', 5, false]]);
  });
});

describe('the focus list of the model', () => {
  const period = reportPeriod('2024-04-15', 14, TZ, 6);
  const meta = { language: 'sv' as const, municipality: 'Testby kommun', recipient: null, marking: null, timeZone: TZ, generator: 'test' };
  const day = (i: number) => addCalendarDays('2024-04-15', i, TZ);
  let serial = 0;
  const incident = (date: string, time: string, area: string, source?: string): Incident => ({ id: `f${++serial}`, at: at(`${date} ${time}`), area, category: 'skadegörelse', ...(source ? { source } : {}) });

  function build(incidents: Incident[], rounds: PatrolRound[], options: { places?: number } = {}) {
    const b = new ReportBuilder(period, { focus: options });
    const t = new FileTally(period);
    incidents.forEach((r, i) => t.incident(i + 2, r));
    b.addTally(b.addFile('i.csv', 'incidents', { from: '2024-04-01', to: '2024-04-28' }), t.take());
    const p = new FileTally(period);
    rounds.forEach((r, i) => p.patrol(i + 2, r));
    b.addTally(b.addFile('p.csv', 'patrols', { from: '2024-04-01', to: '2024-04-28' }), p.take());
    return b.build(meta);
  }

  // Hamnen: 8 incidents on Friday and Saturday evenings (19 and 20 April, 26 and 27 April), no round;
  // Centrum: 9 incidents at midday through the week, 20 rounds of an hour; Parken: 1 incident.
  const hamnen = [day(4), day(5), day(11), day(12)].flatMap((d, i) => [incident(d, '21:10', 'Hamnen', i % 2 ? 'Medborgare' : 'kommunen'), incident(d, '22:40', 'Hamnen', 'Kommunen ')]);
  const centrum = Array.from({ length: 9 }, (_, i) => incident(day(i), '12:15', 'Centrum', 'Väktare'));
  const parken = [incident(day(2), '03:00', 'Parken')];
  const rounds: PatrolRound[] = Array.from({ length: 20 }, (_, i) => ({ start: at(`${day(i % 14)} ${i < 14 ? '12:00' : '15:00'}`), minutes: 60, area: 'Centrum' }));

  it('ranks the unpatrolled place first, with when, why and what the patrols did', () => {
    const m = build([...hamnen, ...centrum, ...parken], rounds);
    expect(m.focus.map((f) => [f.rank, f.area, f.incidents, f.rounds, f.minutes])).toEqual([
      [1, 'Hamnen', 8, 0, 0],
      [2, 'Centrum', 9, 20, 1200],
    ]);
    const [hamn, centr] = m.focus;
    expect(hamn!.when).toEqual([{ weekdays: [4, 5], hours: [21, 23], incidents: 8, share: 100 }]);
    // None in the previous window: a rise against it, and a new hot spot.
    expect(hamn!.why).toEqual([
      { code: 'incidents', count: 8, share: 44.4 },
      { code: 'rise', count: 8, expected: 0, against: 'previous' },
      { code: 'hotspot', class: 'new' },
      { code: 'noRounds' },
      { code: 'uncovered', hours: 4 },
    ]);
    expect(hamn!.score).toBe(8 * 2 * 1.5);
    expect(hamn!.uncoveredHours).toBe(4);
    expect(hamn!.sources).toEqual([{ source: 'kommunen', count: 6 }, { source: 'Medborgare', count: 2 }]);
    expect(centr!.why).toContainEqual({ code: 'perPatrolHour', value: 0.45, municipality: 0.9 });
    expect(centr!.fewRounds).toBe(false);
    expect(hamn!.weekdayHour[4]![21]).toBe(2);
  });

  it('counts incidents by source, adding up to the total, unknown as null', () => {
    const m = build([...hamnen, ...centrum, ...parken], rounds);
    // "kommunen" and "Kommunen " are one source, as first spelt; the row with none is unknown.
    expect(m.incidents.bySource).toEqual([{ source: 'Väktare', count: 9 }, { source: 'kommunen', count: 6 }, { source: 'Medborgare', count: 2 }, { source: null, count: 1 }]);
    expect(m.incidents.bySource.reduce((n, s) => n + s.count, 0)).toBe(m.incidents.total);
  });

  it('lists as many places as the config asks, and none for 0', () => {
    expect(build([...hamnen, ...centrum], rounds, { places: 1 }).focus.map((f) => f.area)).toEqual(['Hamnen']);
    expect(build([...hamnen, ...centrum], rounds, { places: 0 }).focus).toEqual([]);
  });

  it('says so when a place has too few incidents with a time to show when', () => {
    const few = [day(1), day(3), day(6)].map((d) => incident(d, '10:00', 'Torget'));
    const [torget] = build(few, []).focus;
    expect(torget!.when).toEqual([]);
    expect(torget!.why).toContainEqual({ code: 'fewTimes', timed: 3, needed: 4 });
    expect(torget!.patrolLogs).toBe(false);
    expect(torget!.why.some((w) => w.code === 'noRounds' || w.code === 'uncovered')).toBe(false);
  });
});
