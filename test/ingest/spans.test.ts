/** An incident export's from/to columns: recognised by their headers, read into a span, and a bad span costing no row. */
import { describe, expect, it } from 'vitest';
import type { Incident, Rejection } from '../../src/domain.js';
import { mapColumns } from '../../src/ingest/columns.js';
import { inspectInput, readRows } from '../../src/ingest/read-input.js';
import { reasonText } from '../../src/texts/reasons.js';
import { at } from '../support/time.js';
import { opened, tempDir } from '../support/tmp.js';

const TZ = 'Europe/Stockholm';
const tmp = tempDir();

async function read(name: string, content: string) {
  const input = await inspectInput(await opened(tmp.write(name, content)), 'incidents', { timeZone: TZ });
  const incidents: Incident[] = [];
  const rejected: Rejection[] = [];
  await readRows(input, { timeZone: TZ }, { incident: (_, i) => incidents.push(i), patrol() {}, activity() {}, reject: (r) => rejected.push(r), skip() {} });
  return { input, incidents, rejected };
}

describe('from/to columns of an incident export', () => {
  it('are recognised by Swedish and English headers', () => {
    const cases: [string[], string, string][] = [
      [['Datum', 'Tid', 'Område', 'Kategori', 'Från', 'Till'], 'Från', 'Till'],
      [['Händelsetid', 'Område', 'Kategori', 'Händelsetid från', 'Händelsetid till'], 'Händelsetid från', 'Händelsetid till'],
      [['Anmäld', 'Plats', 'Typ', 'Tidpunkt från', 'Tidpunkt till'], 'Tidpunkt från', 'Tidpunkt till'],
      [['Tidpunkt', 'Plats', 'Typ', 'Starttid', 'Sluttid'], 'Starttid', 'Sluttid'],
      [['Date and time', 'Area', 'Category', 'From', 'To'], 'From', 'To'],
      [['Timestamp', 'Area', 'Category', 'Start', 'End'], 'Start', 'End'],
    ];
    for (const [headers, from, to] of cases) {
      const map = mapColumns('incidents', headers);
      expect([headers[map.from!], headers[map.to!]], headers.join(';')).toEqual([from, to]);
    }
    // The report time is still what it was: "Händelsetid från" is no "Händelsetid".
    expect(mapColumns('incidents', ['Händelsetid', 'Område', 'Kategori', 'Händelsetid från', 'Händelsetid till']).datetime).toBe(0);
  });

  it('give a span of dates and times, or of times of day on the incident date, over midnight', async () => {
    const { incidents, rejected } = await read(
      'spans.csv',
      'Datum;Tid;Område;Kategori;Från;Till\n' +
        '2024-04-16;07:10;Skolan;inbrott;22:00;06:00\n' + // found in the morning: the night before
        '2024-04-16;07:10;Skolan;inbrott;2024-04-15 22:00;2024-04-16 06:00\n' +
        '2024-04-17;;Torget;skadegörelse;2024-04-13;2024-04-14\n' + // two whole days
        '2024-04-18;12:00;Torget;stöld;;\n' + // no span: the report time only
        '2024-04-18;12:00;Torget;stöld;10:00;11:30\n',
    );
    expect(rejected).toEqual([]);
    expect(incidents.map((i) => i.span)).toEqual([
      [at('2024-04-15 22:00'), at('2024-04-16 06:00')],
      [at('2024-04-15 22:00'), at('2024-04-16 06:00')],
      [at('2024-04-13 00:00'), at('2024-04-15 00:00')],
      undefined,
      [at('2024-04-18 10:00'), at('2024-04-18 11:30')],
    ]);
    expect(incidents.map((i) => i.at)).toEqual([at('2024-04-16 07:10'), at('2024-04-16 07:10'), at('2024-04-17 00:00'), at('2024-04-18 12:00'), at('2024-04-18 12:00')]);
  });

  it('take the report time as the start when there is only a "till" column', async () => {
    const { incidents } = await read('till.csv', 'Datum;Tid;Område;Kategori;Till\n2024-04-16;22:00;Skolan;brand;06:00\n');
    expect(incidents[0]!.span).toEqual([at('2024-04-16 22:00'), at('2024-04-17 06:00')]);
  });

  it('count a span that ends before it starts, is too long or cannot be read at the report time, with file, line and column', async () => {
    const { incidents, rejected } = await read(
      'bad.csv',
      'Tidpunkt;Område;Kategori;Från;Till\n' +
        '2024-04-16 07:10;Skolan;inbrott;2024-04-16 06:00;2024-04-15 22:00\n' +
        '2024-04-16 07:10;Skolan;inbrott;2024-04-01 00:00;2024-04-16 06:00\n' +
        '2024-04-16 07:10;Skolan;inbrott;i natt;2024-04-16 06:00\n',
    );
    expect(rejected).toEqual([]);
    expect(incidents).toHaveLength(3);
    expect(incidents.map((i) => i.span)).toEqual([undefined, undefined, undefined]);
    expect(incidents.map((i) => [i.spanProblem!.line, i.spanProblem!.column, i.spanProblem!.code])).toEqual([
      [2, 5, 'span.endBeforeStart'],
      [3, 5, 'span.tooLong'],
      [4, 4, 'dateTime.invalid'],
    ]);
    expect(reasonText('en', incidents[1]!.spanProblem!)).toBe('Till: the span to "2024-04-16 06:00" is longer than 7 days; counted at its report time');
  });

  it('leave an export without them as it was', async () => {
    const { incidents } = await read('plain.csv', 'Datum;Tid;Område;Kategori\n2024-04-16;07:10;Skolan;inbrott\n');
    expect(incidents[0]).not.toHaveProperty('span', expect.anything());
    expect(incidents[0]!.spanProblem).toBeUndefined();
  });
});
