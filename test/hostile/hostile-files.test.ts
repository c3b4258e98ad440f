/**
 * Hostile and broken exports: every one ends in a clear error naming the file
 * (and line) or in a report whose rows add up — within bounded time and
 * memory, never a crash or a hang. corpus/ keeps the cases found so far, as
 * regression tests; the property tests make new ones.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeModel, type MadeModel } from '../../src/pipeline/make-model.js';
import { configSchema } from '../../src/config/schema.js';
import { InputError } from '../../src/errors.js';
import { reportPeriod } from '../../src/period.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
const CORPUS = new URL('./corpus/', import.meta.url).pathname;
const config = configSchema.parse({});
const period = reportPeriod('2024-04-15', 14, config.timezone, config.period.history);
/** Far more than any of these files needs: a case that takes longer is a hang. */
const BOUND_MS = 10_000;

/** Reads a file as validate does; fails the test on anything but a clear outcome. */
async function outcome(file: string): Promise<{ unusable?: InputError; model?: MadeModel['model'] }> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no outcome after ${BOUND_MS} ms: a hang`)), BOUND_MS)));
  try {
    const collected = await Promise.race([makeModel([{ file, kind: 'incidents' }], period, config, { keepGoing: true }), hang]);
    if (collected.unusable.length > 0) {
      const error = collected.unusable[0]!.error;
      expect(error).toBeInstanceOf(InputError);
      expect(error.position.file).toBe(file);
      expect(error.detail).not.toMatch(/\n|at .*\.js:\d+/); // one line, no stack
      return { unusable: error };
    }
    const [input] = collected.model.inputs;
    // Every data row is exactly one of these.
    expect(input!.inPeriod + input!.inPrevious + input!.outside + input!.rejected + input!.duplicates + input!.skipped).toBe(input!.rows);
    return { model: collected.model };
  } finally {
    clearTimeout(timer);
  }
}

describe('the corpus of hostile files', () => {
  const expected: Record<string, RegExp | 'usable'> = {
    'nul-in-header.csv': /^a NUL byte on this line: not a text export, or UTF-16 without its byte-order mark/,
    'nul-in-row.csv': /^a NUL byte on this line/,
    'utf16-without-bom.csv': 'usable', // recognised by its zero bytes, and said to be a guess
    'mixed-encodings.csv': /^not valid UTF-8 on this line, though the file reads as UTF-8 before it/,
    'truncated-character.csv': /^not valid UTF-8 on this line/,
    'truncated-quote.csv': /^no row can be used: its one row was rejected \(line 2, column 4: Beskrivning: quote never closed\)$/,
    'nested-quotes.csv': 'usable',
    // No row can be used, and the reason for the first quotes a value over two lines: still one line.
    'only-row-rejected-over-two-lines.csv': /^no row can be used: its one row was rejected \(line 2, column 1: Tidpunkt: "2024-04-3x\\nfoo" is not a date and time/,
    'only-quotes.csv': /^not readable as CSV/,
    'only-delimiters.csv': /^missing required column/, // rows of empty cells are blank lines: no header
    'too-many-columns.csv': /^the header has 1503 columns; an export has at most 1000: is this the file that was meant\?/,
    'random-bytes.csv': /./,
    'empty-header.csv': /^missing required column/,
    'header-only.csv': 'usable',
    'bom-only.csv': /./,
    'control-characters.csv': 'usable',
    'handlebars-and-markup.csv': 'usable',
  };

  it('holds every file it has an expectation for', () => {
    expect(readdirSync(CORPUS).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [name, want] of Object.entries(expected)) {
    it(name, async () => {
      const result = await outcome(join(CORPUS, name));
      if (want === 'usable') expect(result.model!.incidents.total + result.model!.rejected.length).toBeGreaterThanOrEqual(name === 'header-only.csv' ? 0 : 1);
      else expect(result.unusable?.detail).toMatch(want);
    });
  }
});

describe('files too large to keep', () => {
  it('a 50 MB line is refused at the first megabyte, in bounded memory', async () => {
    const file = join(tmp.dir, 'long-line.csv');
    writeFileSync(file, `Tidpunkt;Område;Kategori;Beskrivning\n2024-04-16 10:00;Hamnen;hot;${'x'.repeat(50_000_000)}\n`);
    const before = process.memoryUsage().rss;
    const result = await outcome(file);
    expect(result.unusable?.position.line).toBe(2);
    expect(result.unusable?.detail).toMatch(/runs on for more than 1,000,000 characters/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('a header of a million columns is refused', async () => {
    const file = join(tmp.dir, 'wide.csv');
    writeFileSync(file, `${Array.from({ length: 1_000_000 }, (_, i) => `k${i}`).join(';')}\n1;2;3\n`);
    expect((await outcome(file)).unusable?.detail).toMatch(/^not readable as CSV: the row that starts on this line runs on/);
  });

  it('half a million blank lines are read in bounded time, and a row after them keeps its line', async () => {
    const file = join(tmp.dir, 'blank.csv');
    writeFileSync(file, `Tidpunkt;Område;Kategori\n${'\n'.repeat(500_000)}2024-04-16 10:00;Hamnen;hot;extra\n2024-04-16 11:00;Hamnen;hot\n`);
    const { model } = await outcome(file);
    expect(model!.rejected).toEqual([{ file, line: 500_002, column: 4, code: 'row.fieldCount', reason: 'row has 4 fields but the header has 3' }]);
    expect(model!.incidents.total).toBe(1);
  });

  // Each broken line has what follows it read again: the rest of the file each time would take hours.
  for (const [ending, name] of [['\n', 'LF'], ['\r\n', 'CRLF, and CR alone here and there']] as const) {
    it(`a file in which every other line has a quote never closed is read in bounded time, each costing its line (${name})`, async () => {
      const file = join(tmp.dir, `half-broken-${name.length}.csv`);
      const lines = Array.from({ length: 10_000 }, (_, i) => (i % 2 === 0 ? `2024-04-16 10:00;Hamnen;hot;"aldrig stängd ${i}` : `2024-04-16 11:00;Hamnen;hot;"rad ${i}"`));
      const text = `Tidpunkt;Område;Kategori;Beskrivning${ending}${lines.join(ending)}${ending}`;
      writeFileSync(file, ending === '\n' ? text : text.replace(/\r\n(?=2024-04-16 11)/g, '\r'));
      const { model } = await outcome(file);
      expect(model!.inputs[0]).toMatchObject({ rows: 10_000, rejected: 5_000, inPeriod: 5_000 });
      expect(model!.rejected.slice(0, 2)).toEqual([
        { file, line: 2, column: 4, code: 'quote.notClosed', reason: 'Beskrivning: quote never closed' },
        { file, line: 4, column: 4, code: 'quote.notClosed', reason: 'Beskrivning: quote never closed' },
      ]);
    });
  }

  it('a row of a million fields is one rejected row', async () => {
    const file = join(tmp.dir, 'wide-row.csv');
    writeFileSync(file, `Tidpunkt;Område;Kategori\n2024-04-16 10:00;Hamnen;hot${';x'.repeat(300_000)}\n2024-04-16 11:00;Hamnen;hot\n`);
    const { model } = await outcome(file);
    expect(model!.rejected).toEqual([{ file, line: 2, column: 4, code: 'row.fieldCount', reason: 'row has 300003 fields but the header has 3' }]);
    expect(model!.incidents.total).toBe(1);
  });
});

describe('made-up hostile files', () => {
  let n = 0;
  const write = (bytes: Uint8Array) => {
    const file = join(tmp.dir, `fuzz-${n++}.csv`);
    writeFileSync(file, bytes);
    return file;
  };

  it('random bytes, after a real header or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.uint8Array({ maxLength: 3000 }), async (header, bytes) => {
        const head = header ? Buffer.from('Tidpunkt;Område;Kategori;Beskrivning\n') : Buffer.alloc(0);
        await outcome(write(Buffer.concat([head, bytes])));
      }),
      { numRuns: 150 },
    );
  });

  it('rows made of the pieces that break CSV: quotes, delimiters, line breaks, NUL, BOMs, Windows-1252, totals', async () => {
    const piece = fc.constantFrom('"', '""', ';', ',', '\t', '\n', '\r\n', '\r', '\0', '\uFEFF', 'Summa', '2024-04-16', '10:00', '2024-04-16 10:00', 'Hamnen', 'hot', 'å', '{{x}}', ' ');
    const row = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 30 }), fc.constantFrom('utf-8', 'windows-1252', 'mixed'), async (rows, encoding) => {
        const text = `Tidpunkt;Område;Kategori\n${rows.join('\n')}`;
        const bytes =
          encoding === 'utf-8'
            ? Buffer.from(text)
            : encoding === 'windows-1252'
              ? Buffer.from(text.replace(/[^\x00-\xff]/g, '?'), 'latin1')
              : Buffer.concat([Buffer.from(text.slice(0, text.length >> 1)), Buffer.from(text.slice(text.length >> 1).replace(/[^\x00-\xff]/g, '?'), 'latin1')]);
        await outcome(write(bytes));
      }),
      { numRuns: 200 },
    );
  });

  it('a real export cut off anywhere', async () => {
    const real = readFileSync(new URL('../../fixtures/incidents-kommun.csv', import.meta.url));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: real.length }), async (end) => {
        const result = await outcome(write(real.subarray(0, end)));
        // Cut inside a character, a quote or the header, it is an error; cut anywhere else, the rows before the cut count.
        if (result.model) expect(result.model.inputs[0]!.rows).toBeLessThanOrEqual(110);
      }),
      { numRuns: 100 },
    );
  });
});
