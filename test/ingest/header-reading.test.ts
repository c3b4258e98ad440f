import { describe, expect, it } from 'vitest';
import type { Incident, PatrolRound } from '../../src/domain.js';
import { inspectInput, readRows } from '../../src/ingest/read-input.js';
import { opened, tempDir } from '../support/tmp.js';

const TZ = 'Europe/Stockholm';
const tmp = tempDir();

async function read(name: string, content: string, kind: 'incidents' | 'patrols' = 'incidents') {
  const shape = await inspectInput(await opened(tmp.write(name, content)), kind, { timeZone: TZ });
  const rows: (Incident | PatrolRound)[] = [];
  await readRows(shape, { timeZone: TZ }, { incident: (_, i) => rows.push(i), patrol: (_, r) => rows.push(r), activity() {}, reject() {}, skip() {} });
  return { shape, rows };
}

describe('a file\'s header read by words and by what the columns hold', () => {
  it('reads the columns it took by their content with the parsers the rows use', async () => {
    const csv = 'Ärende;Inträffade;Plats/Område;Typ av händelse;Handläggare\nK-1;2024-04-16 10:00;Centrum;stöld;Anna\nK-2;17.04.2024 kl. 22.15;Hamnen;klotter;Bo\n';
    const { shape, rows } = await read('logg.csv', csv);
    expect(shape.columns).toEqual({ id: 0, area: 2, category: 3, datetime: 1 });
    expect(shape.reading.matches.filter((m) => m.by !== 'alias').map((m) => [m.field, m.header, m.by, m.why])).toEqual([
      ['area', 'Plats/Område', 'parts', '"plats" and "område" name area'],
      ['category', 'Typ av händelse', 'parts', '"typ" names category'],
      ['datetime', 'Inträffade', 'content', 'every value is a date and time'],
    ]);
    expect(shape.reading.ignored).toEqual([{ column: 4, header: 'Handläggare', why: null }]);
    expect(rows.map((r) => new Date((r as Incident).at).toISOString())).toEqual(['2024-04-16T08:00:00.000Z', '2024-04-17T20:15:00.000Z']);
  });

  it('reads minutes from a column of lengths of time', async () => {
    const { rows } = await read('ronder.csv', 'Starttid;Åtgång;Objekt\n2024-04-16 22:00;45 min;Torget\n2024-04-16 23:00;1,5 h;Hamnen\n', 'patrols');
    expect(rows.map((r) => (r as PatrolRound).minutes)).toEqual([45, 90]);
  });

  it('looks only at the first rows, as the sniffer does, and leaves the rest to the read', async () => {
    const row = (i: number) => `2024-04-16 ${String(i % 24).padStart(2, '0')}:00;Centrum;stöld;${'x'.repeat(200)}\n`;
    const csv = 'När;Plats;Typ;Text\n' + Array.from({ length: 2000 }, (_, i) => row(i)).join('') + 'igår;Centrum;stöld;x\n';
    const { shape, rows } = await read('lang.csv', csv);
    expect(shape.columns).toMatchObject({ datetime: 0 });
    expect(rows).toHaveLength(2000);
  });

  it('says when the date read by a header\'s words may not be when the incidents happened', async () => {
    const csv = 'Datum (rapport);Inträffade;Plats;Typ\n2024-04-17;2024-04-16 22:00;Centrum;stöld\n';
    const { shape } = await read('tvivel.csv', csv);
    expect(shape.columns).toEqual({ date: 0, area: 2, category: 3 });
    expect(shape.reading.ignored).toEqual([{ column: 1, header: 'Inträffade', why: 'it holds dates and times' }]);
    expect(shape.reading.doubts).toEqual([
      'the date is read from "Datum (rapport)" by its words, but "Inträffade", which is not read, holds dates and times: ' +
        'if it tells when the incidents happened, add to the config: { "columns": { "incidents": { "datetime": "Inträffade" } } }',
    ]);
  });

  it('reads no rows when the headers name every field content could fill', async () => {
    // Had the rows been looked at, "Notering" would be said to hold dates.
    const { shape } = await read('hel.csv', 'Tidpunkt;Plats;Typ;Notering\n2024-04-16 10:00;Centrum;stöld;2024-04-17\n');
    expect(shape.reading).toEqual({
      matches: [
        { field: 'datetime', column: 0, header: 'Tidpunkt', by: 'alias', why: '"tidpunkt" is a header for date and time' },
        { field: 'area', column: 1, header: 'Plats', by: 'alias', why: '"plats" is a header for area' },
        { field: 'category', column: 2, header: 'Typ', by: 'alias', why: '"typ" is a header for category' },
      ],
      ignored: [{ column: 3, header: 'Notering', why: null }],
      doubts: [],
    });
  });
});
