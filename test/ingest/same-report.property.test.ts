/**
 * However the exports are written — rows in any order, split over any number
 * of files, any delimiter, encoding, line ending, header spelling or date form —
 * the report is the same.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { collector, counts, type TestFile } from '../support/collect.js';

const collect = collector();

const AREAS = ['Inre hamnen', 'inre hamnen', 'Stationsområdet', 'Norrskolan', 'Solbacken'];
const CATEGORIES = ['skadegörelse', 'Skadegörelse', 'klotter', 'brand', 'hot', 'våld'];
const WORDS = ['ruta', 'kajen', 'grupp', 'brand', 'cykel', 'övergiven', 'väska', 'på', 'i', '"citat"', 'a;b', 'c,d', 'e|f'];

interface Row {
  day: number; // 0 = 2024-03-25 … 41 = 2024-05-05
  hour: number;
  minute: number;
  area: string;
  category: string;
  description: string;
}

const row: fc.Arbitrary<Row> = fc.record({
  day: fc.integer({ min: 0, max: 41 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
  area: fc.constantFrom(...AREAS),
  category: fc.constantFrom(...CATEGORIES),
  description: fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }).map((w) => w.join(' ')),
});

interface Shape {
  delimiter: string;
  encoding: 'utf8' | 'utf8bom' | 'utf16' | 'windows-1252';
  newline: string;
  headers: [string, string, string, string];
  dateForm: 'iso' | 'isoT' | 'dotted';
}

const shape: fc.Arbitrary<Shape> = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  encoding: fc.constantFrom('utf8' as const, 'utf8bom' as const, 'utf16' as const, 'windows-1252' as const),
  newline: fc.constantFrom('\n', '\r\n'),
  headers: fc.constantFrom<[string, string, string, string]>(
    ['Tidpunkt', 'Område', 'Kategori', 'Beskrivning'],
    ['Datum och tid', 'Plats', 'Händelsetyp', 'Beskrivning'],
    ['date and time', 'AREA', 'Category', 'Description'],
  ),
  dateForm: fc.constantFrom('iso' as const, 'isoT' as const, 'dotted' as const),
});

const pad = (n: number) => String(n).padStart(2, '0');

function when(r: Row, form: Shape['dateForm']): string {
  const d = new Date(Date.UTC(2024, 2, 25 + r.day));
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const time = `${pad(r.hour)}:${pad(r.minute)}`;
  if (form === 'dotted') return `${day}.${pad(m)}.${y} kl. ${time}`;
  return `${y}-${pad(m)}-${pad(day)}${form === 'isoT' ? 'T' : ' '}${time}`;
}

function write(rows: Row[], s: Shape, name: string): TestFile {
  const quote = (f: string) => (f.includes(s.delimiter) || /["\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  const lines = [s.headers, ...rows.map((r) => [when(r, s.dateForm), r.area, r.category, r.description])].map((l) => l.map(quote).join(s.delimiter));
  const text = lines.join(s.newline) + s.newline;
  const content =
    s.encoding === 'utf8' ? text
    : s.encoding === 'utf8bom' ? '\uFEFF' + text
    : s.encoding === 'utf16' ? iconv.encode(text, 'utf-16le', { addBOM: true })
    : iconv.encode(text, 'windows-1252');
  // Every part is of one export, covering all its days: how the rows were dealt out must not make a window incomplete.
  return { name, content, declared: { from: '2024-03-25', to: '2024-05-05' } };
}

let run = 0;

describe('the report does not depend on how the exports are written', () => {
  it('is the same for any order, split, delimiter, encoding, line ending, header and date form', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), shape), { minLength: 1, maxLength: 4 }),
        fc.infiniteStream(fc.nat()),
        async (rows, parts, order) => {
          run++;
          const plain: Shape = { delimiter: ',', encoding: 'utf8', newline: '\n', headers: ['Tidpunkt', 'Område', 'Kategori', 'Beskrivning'], dateForm: 'iso' };
          const reference = await collect([write(rows, plain, `ref-${run}.csv`)]);
          // Shuffle, then deal the rows out to the parts.
          const shuffled = rows.map((r) => [order.next().value, r] as const).sort((a, b) => a[0] - b[0]).map(([, r]) => r);
          const files = parts.map(([, s], i) => ({ s, rows: [] as Row[], name: `part-${run}-${i}.csv` }));
          shuffled.forEach((r, i) => files[(parts[i % parts.length]![0] + i) % files.length]!.rows.push(r));
          const variant = await collect(files.map((f) => write(f.rows, f.s, f.name)));
          expect(counts(variant)).toEqual(counts(reference));
          const total = (c: typeof reference) => c.model.inputs.reduce((n, i) => n + i.inPeriod + i.inPrevious + i.outside + i.duplicates, 0);
          expect(total(variant)).toBe(rows.length);
          expect(variant.model.rejected).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
