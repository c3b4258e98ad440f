/**
 * Runs of plain lines are split without csv-parse. Whatever the text — quotes
 * closed or not, line breaks inside fields, blank lines, a BOM, any delimiter and
 * line ending — and however it arrives in chunks, the records and their line
 * numbers are the ones csv-parse gives when it reads the whole text alone.
 * A line with a quote never closed is passed by: put into any export, it costs
 * that line and no other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecords, type RecordShape } from '../../src/ingest/csv/records.js';

type Got = { fields: string[]; line: number } | { broken: number; column?: number };
type Read = Got[] | { error: string; line: number };

async function read(text: string, shape: RecordShape, cuts: number[], plainRuns: boolean): Promise<Read> {
  const bytes = Buffer.from(text, 'utf8');
  const got: Got[] = [];
  const records = new CsvRecords(shape, 1, (fields, line) => void got.push({ fields, line }), {
    plainRuns,
    onBroken: ({ line, column }) => void got.push({ broken: line, column }),
  });
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

/** How an export is laid out: its delimiter, line ending, BOM, and whether its last line ends. */
const exportShape = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  newline: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  final: fc.boolean(),
});

/** Lines of one to five fields, now and then an empty one. */
const linesOf = (fields: fc.Arbitrary<string>, maxLength: number) =>
  fc.array(fc.oneof({ weight: 8, arbitrary: fc.array(fields, { minLength: 1, maxLength: 5 }) }, { weight: 1, arbitrary: fc.constant([] as string[]) }), { maxLength });

const document = exportShape.chain((s) =>
    fc.record({
      shape: fc.constant(s),
      lines: linesOf(field(s.delimiter, s.newline), 40),
    }),
  )
  .map(({ shape, lines }) => {
    const body = lines.map((fields) => fields.join(shape.delimiter)).join(shape.newline);
    return { shape, text: (shape.bom ? '\uFEFF' : '') + body + (shape.final ? shape.newline : '') };
  });

/** Fields of a sound export: closed quotes, line breaks inside them, and quotes inside unquoted text (as Excel reads them). */
const soundField = (delimiter: string, newline: string, lineBreaks: boolean) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('Inre hamnen', 'skadegörelse', '2024-04-29 13:58', '', ' ', 'K-17', 'åäö ÅÄÖ') },
    {
      weight: 2,
      arbitrary: fc.constantFrom(`"a${delimiter}b"`, '"han sa ""hej"""', '""', ...(lineBreaks ? [`"två${newline}rader"`, '"ett\nLF"', '"ett\r\nCRLF"'] : [])),
    },
    { weight: 1, arbitrary: fc.constantFrom('5" skärm', 'Han sa "hej"') },
  );

/** A sound export, and a line with a quote it never closes: fields before it, then the quote and text with no quote in it. */
const withBrokenLine = exportShape.chain((s) =>
    fc.record({
      shape: fc.constant(s),
      lines: linesOf(soundField(s.delimiter, s.newline, true), 30),
      before: fc.array(soundField(s.delimiter, s.newline, false), { maxLength: 4 }),
      rest: fc.constantFrom('', 'öppen', `Han sprang${s.delimiter}K-18`, 'åäö '),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  );

const breaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

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

  it('cost the line of a quote never closed and no other, wherever that line is put into a sound export', async () => {
    await fc.assert(
      fc.asyncProperty(withBrokenLine, CHUNKS, async ({ shape, lines, before, rest, at }, cuts) => {
        const recordShape = { delimiter: shape.delimiter, lineEndings: [shape.newline] };
        const rows = lines.map((fields) => fields.join(shape.delimiter));
        const j = Math.floor(at * (rows.length + 1));
        const broken = [...before, `"${rest}`].join(shape.delimiter);
        const text = (body: string[]) => (shape.bom ? '\uFEFF' : '') + body.join(shape.newline) + (shape.final ? shape.newline : '');
        const sound = (await read(text(rows), recordShape, [], false)) as Got[];
        const brokenLine = 1 + breaks(rows.slice(0, j).map((r) => r + shape.newline).join(''));
        // The sound export's records, those after the broken line one line further down, and the broken line where it was put.
        const moved = sound.map((r) => ('line' in r && r.line >= brokenLine ? { ...r, line: r.line + 1 } : r));
        const after = moved.findIndex((r) => 'line' in r && r.line > brokenLine);
        const expected = [...moved.slice(0, after < 0 ? moved.length : after), { broken: brokenLine, column: before.length + 1 }, ...(after < 0 ? [] : moved.slice(after))];
        const withBroken = text([...rows.slice(0, j), broken, ...rows.slice(j)]);
        expect(await read(withBroken, recordShape, cuts, true)).toEqual(expected);
        expect(await read(withBroken, recordShape, [], false)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('cost each line of several quotes never closed and no other, read with one kind of line ending or all three', async () => {
    const several = withBrokenLine.chain((x) =>
      fc.record({
        x: fc.constant(x),
        mixed: fc.boolean(),
        more: fc.array(
          fc.record({
            before: fc.array(soundField(x.shape.delimiter, x.shape.newline, false), { maxLength: 3 }),
            // Text after the quote: a quote alone at the end of a line would end the field of a broken line before it.
            rest: fc.constantFrom('öppen', 'åäö '),
            at: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(several, CHUNKS, async ({ x: { shape, lines, before, rest, at }, mixed, more }, cuts) => {
        const recordShape = { delimiter: shape.delimiter, lineEndings: mixed ? ['\r\n', '\n', '\r'] : [shape.newline] };
        const items: { text: string; column?: number }[] = lines.map((fields) => ({ text: fields.join(shape.delimiter) }));
        for (const b of [{ before, rest: rest || 'öppen', at }, ...more]) {
          items.splice(Math.floor(b.at * (items.length + 1)), 0, { text: [...b.before, `"${b.rest}`].join(shape.delimiter), column: b.before.length + 1 });
        }
        const text = (body: typeof items) => (shape.bom ? '\uFEFF' : '') + body.map((i) => i.text).join(shape.newline) + (shape.final ? shape.newline : '');
        const sound = (await read(text(items.filter((i) => i.column === undefined)), recordShape, [], false)) as { fields: string[]; line: number }[];
        // Each sound row starts a record on its first line, if it is not blank: there, moved down by the broken lines put before it.
        const soundAt = new Map(sound.map((r) => [r.line, r]));
        const expected: Got[] = [];
        let [line, soundLine] = [1, 1];
        for (const item of items) {
          if (item.column !== undefined) expected.push({ broken: line, column: item.column });
          else {
            const record = soundAt.get(soundLine);
            if (record) expected.push({ ...record, line });
            soundLine += breaks(item.text) + 1;
          }
          line += breaks(item.text) + 1;
        }
        expect(expected.filter((e) => 'fields' in e)).toHaveLength(sound.length);
        const withBroken = text(items);
        expect(await read(withBroken, recordShape, cuts, true)).toEqual(expected);
        expect(await read(withBroken, recordShape, [], false)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('pass by a quote never closed that a later row closes with its own quoted field, and read that row as a row', async () => {
    const shape = { delimiter: ';', lineEndings: ['\n'] };
    const text = 'id;text\n1;"öppen\n2;vanlig\n3;"två\nrader"\n4;"sista"\n';
    const expected = [
      { fields: ['id', 'text'], line: 1 },
      { broken: 2, column: 2 },
      { fields: ['2', 'vanlig'], line: 3 },
      { fields: ['3', 'två\nrader'], line: 4 },
      { fields: ['4', 'sista'], line: 6 },
    ];
    expect(await read(text, shape, [], true)).toEqual(expected);
    expect(await read(text, shape, [0.2, 0.5, 0.7], true)).toEqual(expected);
  });

  // 20,000 rows of 80 characters: the quote's field passes a million before the quote that could end it.
  it('pass by a quote that runs on for more than a row can hold, even where a quote far on could end its field', async () => {
    const shape = { delimiter: ';', lineEndings: ['\n'] };
    const row = (i: number) => `${i};2024-04-29 13:58;Inre hamnen;skadegörelse;${'x'.repeat(40)}`;
    const text = `id;tid;plats;typ;text\n1;"öppen\n${Array.from({ length: 20_000 }, (_, i) => row(i + 2)).join('\n')}\n20002;2024-04-29 14:00;Centrum;stöld;Skärm 24"\n`;
    const got = (await read(text, shape, Array.from({ length: 40 }, (_, i) => i / 40), true)) as Got[];
    expect(got.length).toBe(1 + 1 + 20_001);
    expect(got[1]).toEqual({ broken: 2, column: 2 });
    expect(got[2]).toEqual({ fields: row(2).split(';'), line: 3 });
    expect(got.at(-1)).toEqual({ fields: ['20002', '2024-04-29 14:00', 'Centrum', 'stöld', 'Skärm 24"'], line: 20_003 });
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
