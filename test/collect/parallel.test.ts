/**
 * A file read in parts on several worker threads gives the report one thread
 * gives: the same counts, lines, duplicates, rejections and formats.
 */
import { describe, expect, it } from 'vitest';
import { collector } from '../support/collect.js';

const collect = collector();
const both = async (name: string, content: string, config = {}) => {
  const files = [{ name, content }];
  const one = await collect(files, config, { threads: 1 });
  const many = await collect(files, config, { threads: 3, splitFrom: 0 });
  const strip = (c: typeof one) => JSON.parse(JSON.stringify(c.model).replaceAll(/"file":"[^"]*"/g, '"file":"-"'));
  return { one: strip(one), many: strip(many) };
};

const AREAS = ['Inre hamnen', 'Centrum', 'Stationsområdet', 'Norrskolan'];
function rows(n: number, line: (i: number) => string): string {
  return Array.from({ length: n }, (_, i) => line(i)).join('\r\n') + '\r\n';
}

describe('reading a file on several threads', () => {
  it('gives the same report, across multi-line fields, rejections, totals and duplicates at the cuts', async () => {
    const content =
      'Ärendenummer;Datum;Tid;Område;Kategori;Beskrivning\r\n' +
      rows(3000, (i) => {
        const day = 1 + (i % 28);
        if (i % 97 === 0) return `K-${i};2024-04-3x;10:00;Centrum;stöld;felaktigt datum`;
        if (i % 50 === 0) return `K-${i - 1};2024-04-${String(1 + ((i - 1) % 28)).padStart(2, '0')};${String(i % 24).padStart(2, '0')}:00;${AREAS[i % 4]};brand;"två\r\nrader; med ""citat"""`;
        return `K-${i};2024-04-${String(day).padStart(2, '0')};${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')};${AREAS[i % 4]};stöld;"rad ${i}\r\nfortsätter"`;
      }) +
      'Summa;;;;;3000\r\n';
    const { one, many } = await both('big.csv', content);
    expect(one.incidents.total).toBeGreaterThan(0);
    expect(one.duplicates.length).toBeGreaterThan(0);
    expect(many).toEqual(one);
  });

  it('learns the day/month order from the first part that shows it, as one thread does', async () => {
    const content = 'Datum;Område;Kategori\n' + rows(2000, (i) => `${i < 1500 ? '05/04/2024' : '16/04/2024'};${AREAS[i % 4]};klotter`);
    const { one, many } = await both('slashed.csv', content);
    expect(one.inputs[0].format.dateFormats).toEqual(['D/M/YYYY']);
    expect(many).toEqual(one);
  });

  it('falls back to one thread when a lone quote inside a field hides where records end', async () => {
    const content = 'Tidpunkt;Område;Kategori;Beskrivning\n' + rows(2000, (i) => `2024-04-16 10:${String(i % 60).padStart(2, '0')};${AREAS[i % 4]};hot;${i === 10 ? 'en 12" skärm' : `rad ${i}`}`);
    const { one, many } = await both('lone-quote.csv', content);
    expect(one.inputs[0].rows).toBe(2000);
    expect(many).toEqual(one);
  });

  // Descriptions hold a line that looks like a row with a date in the other order: a part read from a wrong start sees it as one.
  const slashed = (lone: number, mdy?: number) =>
    'Datum;Område;Kategori;Beskrivning\n' +
    rows(2400, (i) => `${i === mdy ? '04/16/2024' : '05/04/2024'};${AREAS[i % 4]};hot;${i === lone ? 'en 12" skärm' : `"rad ${i}\n16/04/2024;Centrum;hot"`}`);

  it('takes no day/month order from parts read from a wrong start, when the first part reads on', async () => {
    const files = [{ name: 'ambiguous.csv', content: slashed(10) }];
    const message = /ambiguous\.csv.*dates such as 04\/05\/2024 can be read as day\/month or as month\/day/;
    await expect(collect(files, {}, { threads: 1 })).rejects.toThrow(message);
    await expect(collect(files, {}, { threads: 3, splitFrom: 0 })).rejects.toThrow(message);
  });

  it('learns the order where one thread would, when a later part was cut inside a quoted field', async () => {
    const { one, many } = await both('mdy.csv', slashed(1000, 1100));
    expect(one.inputs[0].format.dateFormats).toEqual(['M/D/YYYY']);
    expect(one.rejected).toEqual([]);
    expect(many).toEqual(one);
  });

  // After a lone quote the scan for cuts takes every quoted line break for a record's end, so the cuts fall inside quoted fields.
  for (const [where, at] of [
    ['the first part, which reads on', 10],
    ['a later part, read again from its start', 1000],
  ] as const) {
    it(`gives one thread's report when a cut falls inside a quoted field in ${where}`, async () => {
      const content =
        'Tidpunkt;Område;Kategori;Beskrivning\n' +
        rows(2400, (i) => `2024-04-16 10:${String(i % 60).padStart(2, '0')};${AREAS[i % 4]};hot;${i === at ? 'en 12" skärm' : `"rad ${i}\nfortsätter"`}`);
      const { one, many } = await both('cut-in-quotes.csv', content);
      expect(one.inputs[0].rows).toBe(2400);
      expect(one.rejected).toEqual([]);
      expect(many).toEqual(one);
    });
  }
});

// A quote never closed turns the scan for cuts inside out from its line on: it then cuts inside quoted fields, or not at all.
describe('reading a file with a quote never closed on several threads', () => {
  const broken = (i: number) => `2024-04-16 10:00;${AREAS[i % 4]};hot;"aldrig stängd`;
  const plain = (i: number) => `2024-04-16 10:${String(i % 60).padStart(2, '0')};${AREAS[i % 4]};hot;rad ${i}`;
  const quoted = (i: number) => `2024-04-16 10:${String(i % 60).padStart(2, '0')};${AREAS[i % 4]};hot;"rad ${i}\nfortsätter"`;
  const cases: [string, number, (i: number) => string][] = [
    ['in the first part, which reads on', 10, quoted],
    ['in a later part, read again from its start', 1000, quoted],
    ['before the cuts, with no quote after it until far past them', 500, (i) => (i < 1900 ? plain(i) : quoted(i))],
    ['in a later part, with no quote after it until past the next cut', 1200, (i) => (i < 2100 ? plain(i) : quoted(i))],
    ['in the last part, with no quote after it to the end', 1000, plain],
    ['on the last line', 2399, quoted],
  ];
  for (const [where, at, row] of cases) {
    it(`costs that line and no other: ${where}`, async () => {
      const content = 'Tidpunkt;Område;Kategori;Beskrivning\n' + rows(2400, (i) => (i === at ? broken(i) : row(i))).replaceAll('\r\n', '\n');
      const { one, many } = await both('broken-quote.csv', content);
      // The header is line 1; a row over two lines moves the rows after it down by one.
      const line = 2 + at + Array.from({ length: at }, (_, i) => (row(i).includes('\n') ? 1 : 0)).reduce((a: number, b: number) => a + b, 0);
      expect(one.rejected).toEqual([{ file: '-', line, column: 4, code: 'quote.notClosed', reason: 'Beskrivning: quote never closed' }]);
      expect(one.inputs[0]).toMatchObject({ rows: 2400, inPeriod: 2399, rejected: 1 });
      expect(many).toEqual(one);
    });
  }
});

describe('reading a file with many broken lines on several threads', () => {
  it('rejects each of them, and each row of the wrong width, alone, as one thread does', async () => {
    const block = (n: number) => [
      `K-${n}-1;2024-04-16;10:00;Centrum;stöld;"Han sprang`,
      `K-${n}-2;2024-04-16;11:00;Centrum;stöld;vanlig`,
      `K-${n}-3;2024-04-17;12:00;Inre hamnen;brand;"två\r\nrader; med ""citat"""`,
      `K-${n}-4;2024-04-18;14:00;Norrskolan;"klotter`,
      `K-${n}-5;2024-04-18;15:00;Norrskolan;klotter;sjätte;för många`,
      `K-${n}-6;2024-04-19`,
      `K-${n}-7;2024-04-19;16:00;Norrskolan;klotter;"sista"`,
    ];
    const content = 'Ärendenummer;Datum;Tid;Område;Kategori;Beskrivning\r\n' + rows(400, (n) => block(n).join('\r\n'));
    const { one, many } = await both('many-broken.csv', content);
    // Each block is 8 lines: the broken ones are its first and fourth.
    expect(one.rejected.filter((r: { code: string }) => r.code === 'quote.notClosed').map((r: { line: number }) => r.line)).toEqual(
      Array.from({ length: 400 }, (_, n) => [2 + 8 * n, 6 + 8 * n]).flat(),
    );
    expect(one.inputs[0]).toMatchObject({ rows: 2800, inPeriod: 1200, rejected: 1600 });
    expect(many).toEqual(one);
  });
});
