/**
 * Runs of plain lines are split without csv-parse. Whatever the text — quotes
 * closed or not, line breaks inside fields, blank lines, a BOM, any delimiter and
 * line ending — and however it arrives in chunks, the records and their line
 * numbers are the ones csv-parse gives when it reads the whole text alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecords, type RecordShape } from '../../src/ingest/csv/records.js';

type Read = { fields: string[]; line: number }[] | { error: string; line: number };

async function read(text: string, shape: RecordShape, cuts: number[], plainRuns: boolean): Promise<Read> {
  const bytes = Buffer.from(text, 'utf8');
  const got: { fields: string[]; line: number }[] = [];
  const records = new CsvRecords(shape, 1, (fields, line) => void got.push({ fields, line }), { plainRuns });
  try {
    let start = 0;
    for (const cut of [...cuts.map((c) => Math.floor(c * bytes.length)).sort((a, b) => a - b), bytes.length]) {
      if (cut <= start) continue;
      await records.write(bytes.subarray(start, cut));
      start = cut;
    }
    await records.end();
    return got;
  } catch (error) {
    return { error: (error as { code?: string }).code ?? String(error), line: records.nextLine };
  }
}

const CHUNKS = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });

/** Fields as exports write them, with the odd ones people type. */
const field = (delimiter: string, newline: string) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('Inre hamnen', 'skadegörelse', '2024-04-29 13:58', '', ' ', 'K-17', 'åäö ÅÄÖ') },
    { weight: 2, arbitrary: fc.constantFrom(`"a${delimiter}b"`, '"han sa ""hej"""', `"två${newline}rader"`, '"ett\nLF"', '"ett\r\nCRLF"', '""') },
    { weight: 1, arbitrary: fc.constantFrom('5" skärm', 'Han sa "hej"', '"öppen', 'x\ry', 'x\ny', '"a"x', ' "a"', '"""', '""""', '"a"""', '"a""', '""a"') },
  );

const document = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    newline: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    final: fc.boolean(),
  })
  .chain((s) =>
    fc.record({
      shape: fc.constant(s),
      lines: fc.array(
        fc.oneof({ weight: 8, arbitrary: fc.array(field(s.delimiter, s.newline), { minLength: 1, maxLength: 5 }) }, { weight: 1, arbitrary: fc.constant([] as string[]) }),
        { maxLength: 40 },
      ),
    }),
  )
  .map(({ shape, lines }) => {
    const body = lines.map((fields) => fields.join(shape.delimiter)).join(shape.newline);
    return { shape, text: (shape.bom ? '\uFEFF' : '') + body + (shape.final ? shape.newline : '') };
  });

describe('records from runs of plain lines', () => {
  it('are the ones csv-parse gives for the whole text, however it is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(document, CHUNKS, async ({ shape, text }, cuts) => {
        const recordShape = { delimiter: shape.delimiter, lineEndings: [shape.newline] };
        const expected = await read(text, recordShape, [], false);
        const got = await read(text, recordShape, cuts, true);
        if (Array.isArray(expected)) expect(got).toEqual(expected);
        else {
          // csv-parse alone says an error is in the record after the last one it gave, counting blank lines
          // before the record as its start; a split past those blank lines names the record's own line.
          expect(got).toMatchObject({ error: expected.error });
          expect((got as { line: number }).line).toBeGreaterThanOrEqual(expected.line);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('are split without csv-parse only when the run is plain, and still agree when the file mixes line endings', async () => {
    const mixed = { delimiter: ';', lineEndings: ['\r\n', '\n', '\r'] };
    const text = 'a;b\r\nc;d\ne;f\rg;"h\r\ni"\n';
    expect(await read(text, mixed, [0.3, 0.6], true)).toEqual(await read(text, mixed, [], false));
    expect(await read(text, mixed, [], true)).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['c', 'd'], line: 2 },
      { fields: ['e', 'f'], line: 3 },
      { fields: ['g', 'h\r\ni'], line: 4 },
    ]);
  });

  it('numbers lines past blank ones and quoted line breaks, in chunks of a few bytes', async () => {
    const shape = { delimiter: ';', lineEndings: ['\r\n'] };
    const text = '\uFEFFid;text\r\n\r\n1;"två\r\nrader"\r\n  \r\n2;sista';
    const cuts = Array.from({ length: 20 }, (_, i) => i / 20);
    expect(await read(text, shape, cuts, true)).toEqual([
      { fields: ['id', 'text'], line: 1 },
      { fields: ['1', 'två\r\nrader'], line: 3 },
      { fields: ['2', 'sista'], line: 6 },
    ]);
  });
});
