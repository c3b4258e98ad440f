import { describe, expect, it } from 'vitest';
import type { Incident, PatrolRound, Rejection } from '../../src/domain.js';
import { ReportBuilder, type FileAccount } from '../../src/model/build-report.js';
import { FileTally } from '../../src/model/file-tally.js';
import { reportPeriod } from '../../src/period.js';
import { at } from '../support/time.js';

const TZ = 'Europe/Stockholm';
const period = reportPeriod('2024-04-15', 14, TZ);
const meta = { language: 'sv' as const, municipality: 'Testby kommun', recipient: null, marking: null, timeZone: TZ, generator: 'test' };
const incident = (when: string, area: string, category: string): Incident => ({ at: at(when), area, category });
const round = (when: string, area: string, minutes: number): PatrolRound => ({ start: at(when), area, minutes });
/** The two windows, declared covered: a few rows cannot show that an export covers them. */
const WHOLE = { from: '2024-04-01', to: '2024-04-28' };

/** Rows through a file tally into the builder, as the collect step does. */
function feed(b: ReportBuilder, account: FileAccount, rows: [number, Incident | PatrolRound][]): void {
  const tally = new FileTally(period);
  for (const [line, r] of rows) {
    if ('at' in r) tally.incident(line, r);
    else tally.patrol(line, r);
  }
  b.addTally(account, tally.take());
}

/** Stand-ins for the old row-at-a-time calls, so each test reads as rows arriving. */
const withRows = (b: ReportBuilder) => ({
  addIncident: (f: FileAccount, line: number, i: Incident) => feed(b, f, [[line, i]]),
  addPatrol: (f: FileAccount, line: number, r: PatrolRound) => feed(b, f, [[line, r]]),
  reject: (f: FileAccount, r: Rejection) => {
    const t = new FileTally(period);
    t.reject(r);
    b.addTally(f, t.take());
  },
  skip: (f: FileAccount, line: number, reason: string) => {
    const t = new FileTally(period);
    t.skip(line, reason);
    b.addTally(f, t.take());
  },
});

describe('building the report model', () => {
  it('accounts for every row: in the period, in the previous one, outside both, or rejected', () => {
    const b = new ReportBuilder(period);
    const f = b.addFile('a.csv', 'incidents');
    withRows(b).addIncident(f, 0, incident('2024-04-15 00:00', 'Centrum', 'stöld'));
    withRows(b).addIncident(f, 0, incident('2024-04-28 23:59', 'Centrum', 'stöld'));
    withRows(b).addIncident(f, 0, incident('2024-04-14 23:59', 'Centrum', 'stöld'));
    withRows(b).addIncident(f, 0, incident('2024-04-01 00:00', 'Centrum', 'stöld'));
    withRows(b).addIncident(f, 0, incident('2024-03-31 23:59', 'Centrum', 'stöld'));
    withRows(b).addIncident(f, 0, incident('2024-04-29 00:00', 'Centrum', 'stöld'));
    withRows(b).reject(f, { line: 8, column: 2, code: 'date.invalid', params: { value: 'bad', column: 'Datum' } });
    const m = b.build(meta);
    expect(m.inputs).toMatchObject([{ file: 'a.csv', kind: 'incidents', rows: 7, inPeriod: 2, inPrevious: 2, outside: 2, rejected: 1, duplicates: 0, skipped: 0 }]);
    expect(m.inputs[0]!.span).toEqual({ first: '2024-03-31', last: '2024-04-29' });
    expect(m.rejected).toEqual([{ file: 'a.csv', line: 8, column: 2, code: 'date.invalid', reason: 'Datum: "bad" is not a date (expected e.g. 2024-04-29)' }]);
    expect(Object.keys(m.rejected[0]!)).toEqual(['file', 'line', 'column', 'code', 'reason']);
    expect(m.incidents.total).toBe(2);
    expect(m.incidents.previousTotal).toBe(2);
  });

  it('groups names that differ in case and spacing, shown as most often spelled', () => {
    const b = new ReportBuilder(period);
    const f = b.addFile('a.csv', 'incidents');
    ['Inre hamnen', 'inre  hamnen', ' Inre hamnen ', 'INRE HAMNEN', 'Centrum'].forEach((area, i) => withRows(b).addIncident(f, i, incident(`2024-04-16 1${i}:00`, area, 'Brand')));
    withRows(b).addIncident(f, 0, incident('2024-04-16 10:00', 'Centrum', ' brand'));
    const m = b.build(meta);
    expect(m.incidents.byArea.map((a) => [a.name, a.count])).toEqual([['Inre hamnen', 4], ['Centrum', 2]]);
    expect(m.incidents.byCategory.map((c) => [c.name, c.count])).toEqual([['Brand', 6]]);
  });

  it('breaks a tie between spellings the same way whatever the row order', () => {
    const names = (order: string[]) => {
      const b = new ReportBuilder(period);
      const f = b.addFile('a.csv', 'incidents');
      for (const area of order) withRows(b).addIncident(f, 0, incident('2024-04-16 10:00', area, 'stöld'));
      return b.build(meta).incidents.byArea[0]!.name;
    };
    expect(names(['centrum', 'Centrum'])).toBe('Centrum');
    expect(names(['Centrum', 'centrum'])).toBe('Centrum');
  });

  it('merges and renames through config aliases, and keeps unknown categories', () => {
    const b = new ReportBuilder(period, { areas: { 'inre hamn': 'Inre hamnen', centrum: 'Centrum (city)' } });
    const f = b.addFile('a.csv', 'incidents');
    withRows(b).addIncident(f, 0, incident('2024-04-16 10:00', 'Inre hamn', 'brand'));
    withRows(b).addIncident(f, 0, incident('2024-04-16 11:00', 'inre hamnen', 'brand'));
    withRows(b).addIncident(f, 0, incident('2024-04-16 12:00', 'Centrum', 'något helt nytt'));
    const m = b.build(meta);
    expect(m.incidents.byArea.map((a) => [a.name, a.count])).toEqual([['Inre hamnen', 2], ['Centrum (city)', 1]]);
    expect(m.incidents.byCategory.map((c) => c.name)).toContain('något helt nytt');
  });

  it('gives the change in count and percent, with no percent when there was nothing before', () => {
    const b = new ReportBuilder(period);
    const f = b.addFile('a.csv', 'incidents', WHOLE);
    withRows(b).addIncident(f, 0, incident('2024-04-16 10:00', 'Centrum', 'stöld'));
    withRows(b).addIncident(f, 0, incident('2024-04-17 10:00', 'Centrum', 'stöld'));
    withRows(b).addIncident(f, 0, incident('2024-04-17 11:00', 'Centrum', 'stöld'));
    withRows(b).addIncident(f, 0, incident('2024-04-02 10:00', 'Centrum', 'stöld'));
    withRows(b).addIncident(f, 0, incident('2024-04-16 10:00', 'Solbacken', 'brand'));
    const m = b.build(meta);
    expect(m.incidents.byArea).toEqual([
      // The export covers the two windows only: a baseline of the previous window alone, no last year, no signal.
      { name: 'Centrum', count: 3, previous: 1, change: 2, changePercent: 200, lastYear: null, baseline: { windows: 1, mean: 1, sd: null }, signal: null },
      { name: 'Solbacken', count: 1, previous: 0, change: 1, changePercent: null, lastYear: null, baseline: { windows: 1, mean: 0, sd: null }, signal: null },
    ]);
    expect(m.incidents.byAreaCategory).toContainEqual({ area: 'Solbacken', category: 'brand', count: 1, previous: 0, change: 1, changePercent: null, lastYear: null, baseline: { windows: 1, mean: 0, sd: null }, signal: null });
    expect(m.incidents.matrix.categories).toEqual(['stöld', 'brand']);
    expect(m.incidents.matrix.rows.map((r) => [r.area, r.cells.map((c) => c.count)])).toEqual([['Centrum', [3, 0]], ['Solbacken', [0, 1]]]);
    expect(m.incidents.matrix.total).toMatchObject({ count: 4, previous: 1 });
  });

  it('counts patrol rounds in the window they start in, with their minutes, under the same area names as incidents', () => {
    const b = new ReportBuilder(period);
    const i = b.addFile('i.csv', 'incidents', WHOLE);
    withRows(b).addIncident(i, 0, incident('2024-04-16 10:00', 'Inre hamnen', 'brand'));
    withRows(b).addIncident(i, 0, incident('2024-04-16 11:00', 'Inre hamnen', 'brand'));
    const p = b.addFile('p.csv', 'patrols', WHOLE);
    withRows(b).addPatrol(p, 0, round('2024-04-28 23:30', 'INRE HAMNEN', 45)); // ends after the window: still counts
    withRows(b).addPatrol(p, 0, round('2024-04-14 23:40', 'Inre hamnen', 30)); // previous window
    withRows(b).addPatrol(p, 0, round('2024-04-20 22:00', 'Stationen', 20.5));
    const m = b.build(meta);
    expect(m.patrols).toEqual({
      total: 2,
      minutes: 66,
      previousTotal: 1,
      previousMinutes: 30,
      byArea: [
        { name: 'Inre hamnen', rounds: 1, minutes: 45, previousRounds: 1, previousMinutes: 30 },
        { name: 'Stationen', rounds: 1, minutes: 21, previousRounds: 0, previousMinutes: 0 },
      ],
    });
    expect(m.inputs[1]).toMatchObject({ file: 'p.csv', kind: 'patrols', rows: 3, inPeriod: 2, inPrevious: 1, outside: 0, rejected: 0 });
  });

  it('counts the same incident in two overlapping exports once, naming both places', () => {
    const b = new ReportBuilder(period);
    const kommun = b.addFile('kommun.csv', 'incidents');
    const skolan = b.addFile('skolan.csv', 'incidents');
    const withId = (id: string, when: string): Incident => ({ ...incident(when, 'Norrskolan', 'klotter'), id });
    withRows(b).addIncident(kommun, 2, withId('K-1', '2024-04-16 10:00'));
    withRows(b).addIncident(kommun, 3, { ...incident('2024-04-16 12:00', 'Norrskolan', 'klotter'), description: 'Tag på gaveln' });
    withRows(b).addIncident(skolan, 5, withId('k-1 ', '2024-04-16 10:05')); // same id, other export's clock
    withRows(b).addIncident(skolan, 6, { ...incident('2024-04-16 12:00', 'NORRSKOLAN', 'Klotter'), description: 'tag på gaveln' }); // no id, same content
    withRows(b).addIncident(skolan, 7, withId('K-2', '2024-04-16 10:00')); // other id: another incident, though alike
    withRows(b).addIncident(skolan, 8, withId('K-1', '2024-03-01 10:00')); // outside both windows: not looked at
    const m = b.build(meta);
    expect(m.incidents.total).toBe(3);
    expect(m.duplicates).toEqual([
      { file: 'skolan.csv', line: 5, duplicateOf: { file: 'kommun.csv', line: 2 }, reason: 'same id' },
      { file: 'skolan.csv', line: 6, duplicateOf: { file: 'kommun.csv', line: 3 }, reason: 'same time, area, category and description' },
    ]);
    expect(m.inputs.map((i) => [i.rows, i.inPeriod, i.duplicates, i.outside])).toEqual([[2, 2, 0, 0], [4, 1, 2, 1]]);
  });

  it('skips totals rows, counting them apart', () => {
    const b = new ReportBuilder(period);
    const f = b.addFile('a.csv', 'incidents');
    withRows(b).addIncident(f, 2, incident('2024-04-16 10:00', 'Centrum', 'stöld'));
    withRows(b).skip(f, 3, 'totals row ("Summa")');
    const m = b.build(meta);
    expect(m.inputs[0]).toMatchObject({ rows: 2, inPeriod: 1, skipped: 1 });
    expect(m.skipped).toEqual([{ file: 'a.csv', line: 3, reason: 'totals row ("Summa")' }]);
  });

  it('points out names that look like another, with the config entry that merges them', () => {
    const b = new ReportBuilder(period);
    const f = b.addFile('a.csv', 'incidents');
    for (let i = 0; i < 5; i++) withRows(b).addIncident(f, i, incident(`2024-04-16 1${i}:00`, 'Inre hamnen', 'skadegörelse'));
    withRows(b).addIncident(f, 9, incident('2024-04-17 10:00', 'Inre hamn', 'skadegorelse'));
    withRows(b).addIncident(f, 10, incident('2024-04-17 11:00', 'Centrum', 'stöld'));
    const m = b.build(meta);
    expect(m.suggestions).toEqual([
      { kind: 'area', name: 'Inre hamn', count: 1, like: 'Inre hamnen', likeCount: 5, config: '"areaAliases": { "Inre hamn": "Inre hamnen" }', why: 'looks like', nameIn: ['incidents'], likeIn: ['incidents'], candidates: ['Inre hamnen'] },
      { kind: 'category', name: 'skadegorelse', count: 1, like: 'skadegörelse', likeCount: 5, config: '"categoryAliases": { "skadegorelse": "skadegörelse" }', why: 'looks like', nameIn: ['incidents'], likeIn: ['incidents'], candidates: ['skadegörelse'] },
    ]);
  });

  it('states the period with its ISO weeks', () => {
    const m = new ReportBuilder(period).build(meta);
    expect(m.period).toEqual({
      start: '2024-04-15', end: '2024-04-28', previousStart: '2024-04-01', previousEnd: '2024-04-14', days: 14, weeks: [16, 17], previousWeeks: [14, 15],
      // No export at all: nothing is missing.
      coverage: [
        { start: '2024-04-15', end: '2024-04-28', complete: true, missing: [] },
        { start: '2024-04-01', end: '2024-04-14', complete: true, missing: [] },
      ],
      tallied: period.tallied.map(({ start, end }) => ({ start, end, complete: true })),
      lastYear: { start: '2023-04-17', end: '2023-04-30', complete: true },
    });
    expect(m.period.tallied).toHaveLength(27);
    expect(m.period.tallied[26]).toEqual({ start: '2023-04-17', end: '2023-04-30', complete: true });
  });
});

describe('config aliases', () => {
  const names = (aliases: Record<string, string>, spellings: string[]) => {
    const b = new ReportBuilder(period, { areas: aliases });
    const f = b.addFile('a.csv', 'incidents');
    spellings.forEach((area, i) => withRows(b).addIncident(f, i, incident(`2024-04-16 ${10 + i}:00`, area, 'stöld')));
    return b.build(meta).incidents.byArea.map((a) => [a.name, a.count]);
  };

  it('follows chains to their end', () => {
    expect(names({ a: 'b', b: 'c' }, ['a', 'b', 'c', 'B'])).toEqual([['c', 4]]);
    expect(names({ a: 'b', b: 'B' }, ['a', 'b'])).toEqual([['B', 2]]);
  });

  it('refuses a circle or two spellings of one name pointing apart, naming the config key', () => {
    expect(() => names({ a: 'b', b: 'a' }, [])).toThrow('areaAliases: "a" leads round in a circle');
    expect(() => names({ 'Inre hamn': 'Inre hamnen', 'inre  HAMN': 'Hamnen' }, [])).toThrow(
      'areaAliases: "Inre hamn" and "inre  HAMN" are the same name but point to "Inre hamnen" and "Hamnen"',
    );
  });
});

describe('look-alike names', () => {
  it('never takes numbered places for one another', async () => {
    const { looksAlike } = await import('../../src/model/similar-names.js');
    expect(looksAlike('område 21', 'område 28')).toBe(false);
    expect(looksAlike('skola 1', 'skola')).toBe(false);
    expect(looksAlike('stationsomradet', 'stationsområdet')).toBe(true);
    expect(looksAlike('inre hamn', 'inre hamnen')).toBe(true);
    expect(looksAlike('centrum', 'solbacken')).toBe(false);
  });
});

describe('merge suggestions', () => {
  const suggest = (spellings: string[]) => {
    const b = new ReportBuilder(period);
    const f = b.addFile('a.csv', 'incidents');
    spellings.forEach((area, i) => withRows(b).addIncident(f, i, incident(`2024-04-16 ${10 + (i % 12)}:${String(i).padStart(2, '0')}`, area, 'stöld')));
    return b.build(meta).suggestions.map((s) => `${s.name} → ${s.like}`);
  };

  it('on a tie points the misspelling at the properly spelt name', () => {
    expect(suggest(['Inre hamn', 'Inre hamnen'])).toEqual(['Inre hamn → Inre hamnen']);
    expect(suggest(['Ostra torget', 'Östra torget'])).toEqual(['Ostra torget → Östra torget']);
  });

  it('points every misspelling at the common name, never at one another', () => {
    expect(suggest(['Östra torget', 'Östra torget', 'Ostra torget', 'Oestra torget'])).toEqual(['Oestra torget → Östra torget', 'Ostra torget → Östra torget']);
  });
});
