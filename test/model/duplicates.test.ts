/**
 * The duplicate rule across overlapping exports, exactly: the same id is the
 * same incident; a row without an id is the same incident as an earlier row of
 * the same content (time, area, category, description), and so is a row with an
 * id as an earlier row without one; two rows with different ids are two
 * incidents however alike. In the older windows of the history the same rule
 * keeps a repeat out of the trends, without listing it.
 */
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/domain.js';
import { ReportBuilder, type FileAccount } from '../../src/model/build-report.js';
import { FileTally } from '../../src/model/file-tally.js';
import { reportPeriod, type ReportPeriod } from '../../src/period.js';
import { at } from '../support/time.js';

const TZ = 'Europe/Stockholm';
const meta = { language: 'sv' as const, municipality: 'Testby kommun', recipient: null, marking: null, timeZone: TZ, generator: 'test' };
const BY_CONTENT = 'same time, area, category and description';

function feed(period: ReportPeriod, b: ReportBuilder, account: FileAccount, rows: [line: number, incident: Incident][]): void {
  const tally = new FileTally(period);
  for (const [line, incident] of rows) tally.incident(line, incident);
  b.addTally(account, tally.take());
}

const row = (when: string, area: string, description: string, id?: string): Incident => ({
  at: at(when),
  area,
  category: 'klotter',
  description,
  ...(id === undefined ? {} : { id }),
});

describe('the duplicate rule', () => {
  it('takes a row with an id for an earlier id-less row of the same content, and the other way round, but never two different ids', () => {
    const period = reportPeriod('2024-04-15', 14, TZ);
    const b = new ReportBuilder(period);
    const kommun = b.addFile('kommun.csv', 'incidents');
    const skolan = b.addFile('skolan.csv', 'incidents');
    feed(period, b, kommun, [
      [2, row('2024-04-16 10:00', 'Norrskolan', 'tag på gaveln')], // no id
      [3, row('2024-04-17 11:00', 'Centrum', 'ruta krossad', 'K-1')],
      [4, row('2024-04-18 12:00', 'Torget', 'klotter på bänk', 'K-2')],
      [5, row('2024-04-19 13:00', 'Hamnen', 'fasad', 'K-3')],
    ]);
    feed(period, b, skolan, [
      [2, row('2024-04-16 10:00', ' Norrskolan ', 'Tag på  gaveln', 'S-1')], // an id now, the same content as kommun:2 (names and text compared loosely)
      [3, row('2024-04-17 11:00', 'Centrum', 'ruta krossad')], // no id, the same content as K-1
      [4, row('2024-04-18 12:00', 'Torget', 'klotter på bänk', 'S-2')], // another id, the same content as K-2: another incident
      [5, row('2024-04-18 12:00', 'Torget', 'klotter på bänk')], // no id: the first of that content, K-2, is the one it repeats
      [6, row('2024-04-20 09:00', 'Hamnen', 'annat', 'k-3 ')], // the same id as K-3, whatever the content
    ]);
    const m = b.build(meta);
    expect(m.duplicates).toEqual([
      { file: 'skolan.csv', line: 2, duplicateOf: { file: 'kommun.csv', line: 2 }, reason: BY_CONTENT },
      { file: 'skolan.csv', line: 3, duplicateOf: { file: 'kommun.csv', line: 3 }, reason: BY_CONTENT },
      { file: 'skolan.csv', line: 5, duplicateOf: { file: 'kommun.csv', line: 4 }, reason: BY_CONTENT },
      { file: 'skolan.csv', line: 6, duplicateOf: { file: 'kommun.csv', line: 5 }, reason: 'same id' },
    ]);
    expect(m.incidents.total).toBe(5);
    expect(m.incidents.byArea.map((a) => [a.name, a.count])).toEqual([['Torget', 2], ['Centrum', 1], ['Hamnen', 1], ['Norrskolan', 1]]);
    expect(m.inputs.map((i) => [i.file, i.inPeriod, i.duplicates])).toEqual([['kommun.csv', 4, 0], ['skolan.csv', 1, 4]]);
  });

  it('keeps the same rule in the older windows of the history, counting a repeat once in the trends without listing it', () => {
    const period = reportPeriod('2024-04-15', 14, TZ, 3);
    const b = new ReportBuilder(period);
    // 18–31 March is the window before the previous one; the exports reach back to its first day, and on to the report window's last.
    const kommun = b.addFile('kommun.csv', 'incidents', { to: '2024-04-28' });
    const skolan = b.addFile('skolan.csv', 'incidents');
    feed(period, b, kommun, [
      [2, row('2024-03-18 10:00', 'Torget', 'a')], // no id
      [3, row('2024-03-21 10:00', 'Torget', 'b', 'K-1')],
      [4, row('2024-03-22 10:00', 'Torget', 'c', 'K-2')],
      [5, row('2024-04-16 10:00', 'Torget', 'nu', 'K-9')],
    ]);
    feed(period, b, skolan, [
      [2, row('2024-03-18 10:00', 'Torget', 'a', 'S-1')], // an id now: the same as kommun:2
      [3, row('2024-03-21 10:00', 'Torget', 'b')], // no id: the same as K-1
      [4, row('2024-03-22 10:00', 'Torget', 'c', 'S-2')], // another id: another incident
      [5, row('2024-03-25 10:00', 'Torget', 'd', 'k-1')], // the same id as K-1
    ]);
    const m = b.build(meta);
    expect(m.duplicates).toEqual([]);
    expect(m.hotspots.areas.map((a) => [a.name, a.history])).toEqual([['Torget', [1, 0, 4]]]);
    expect(m.inputs.map((i) => [i.outside, i.duplicates])).toEqual([[3, 0], [4, 0]]);
  });
});
