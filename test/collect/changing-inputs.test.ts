/**
 * An export that changes while it is read — a system still writing it, or
 * rewriting it — is never taken for a complete one: the read stops with the
 * file named and what changed, and nothing is made of it.
 */
import { appendFileSync, renameSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { InputError } from '../../src/errors.js';
import { reportPeriod } from '../../src/period.js';
import { makeModel, type MakeModelOptions } from '../../src/pipeline/make-model.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
const config = configSchema.parse({});
const period = reportPeriod('2024-04-15', 14, config.timezone, config.period.history);
const AREAS = ['Inre hamnen', 'Centrum', 'Stationsområdet', 'Norrskolan'];
const HEADER = 'Ärendenummer;Datum;Tid;Område;Kategori;Beskrivning\n';
const row = (i: number) => `K-${i};2024-04-${String(15 + (i % 14)).padStart(2, '0')};${String(i % 24).padStart(2, '0')}:00;${AREAS[i % 4]};klotter;tagg nummer ${i} på kajen\n`;
/** About `mb` MB of rows: read in chunks of 256 KB, so the read passes many moments between chunks. */
const exportOf = (mb: number) => HEADER + Array.from({ length: Math.ceil((mb * 1024 * 1024) / row(0).length) }, (_, i) => row(i)).join('');
const BIG = exportOf(4);
const BIG_BYTES = Buffer.byteLength(BIG);

/** Reads the file; `during` runs once, at the first chunk read (the progress callback: a moment inside the read). */
async function readWhile(file: string, during: () => void, options: MakeModelOptions = {}) {
  let chunks = 0;
  const onProgress = () => {
    if (chunks++ === 0) during();
  };
  const read = makeModel([{ file, kind: 'incidents' }], period, config, { threads: 1, ...options, onProgress });
  const error = await read.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error: error as InputError | undefined, chunks };
}

describe('an export that changes while it is read', () => {
  it('stops when rows are appended, naming the file and both sizes, at the next chunk and not at the end', async () => {
    const file = tmp.write('growing.csv', BIG);
    const { error, chunks } = await readWhile(file, () => appendFileSync(file, row(99999).repeat(100)));
    expect(error).toBeInstanceOf(InputError);
    expect(error!.exitCode).toBe(2);
    const grown = BIG_BYTES + Buffer.byteLength(row(99999)) * 100;
    expect(error!.message).toBe(
      `${file}: changed while being read (size ${BIG_BYTES.toLocaleString('en')} → ${grown.toLocaleString('en')} bytes); nothing was written — run again when the export is complete`,
    );
    // 16 chunks of 256 KB in the file: the read gave up after a few.
    expect(chunks).toBeLessThan(4);
  });

  it('stops when it is cut short, as an export being written anew is', async () => {
    const file = tmp.write('cut.csv', BIG);
    const { error } = await readWhile(file, () => truncateSync(file, 1000));
    expect(error?.message).toMatch(new RegExp(`cut\\.csv: changed while being read \\(size ${BIG_BYTES.toLocaleString('en')} → 1,000 bytes\\)`));
  });

  it('stops when it is rewritten in place with as many bytes', async () => {
    const file = tmp.write('rewritten.csv', BIG);
    const { error } = await readWhile(file, () => {
      writeFileSync(file, BIG.replaceAll('klotter', 'brand!!'));
      const later = new Date(Date.now() + 5000);
      utimesSync(file, later, later); // a clock that moves on, even on a file system of coarse times
    });
    expect(error?.message).toMatch(/rewritten\.csv: changed while being read \(rewritten, size unchanged at [\d,]+ bytes\)/);
  });

  it('stops when a small file changes after its only chunk: checked again when the read ends', async () => {
    const small = HEADER + row(1) + row(2);
    const file = tmp.write('small.csv', small);
    const { error, chunks } = await readWhile(file, () => appendFileSync(file, row(3)));
    expect(chunks).toBe(1);
    expect(error?.message).toMatch(/small\.csv: changed while being read \(size 1\d\d → 2\d\d bytes\)/);
  });

  it('stops when it changes while its parts are read on worker threads', async () => {
    const file = tmp.write('parallel.csv', BIG);
    const { error } = await readWhile(file, () => appendFileSync(file, row(7)), { threads: 3, splitFrom: 0 });
    expect(error?.message).toMatch(/parallel\.csv: changed while being read \(size [\d,]+ → [\d,]+ bytes\)/);
  });

  it('is, for validate, a file that cannot be used beside the others that can', async () => {
    const changing = tmp.write('v-changing.csv', BIG);
    const steady = tmp.write('v-steady.csv', HEADER + row(1));
    let chunks = 0;
    const made = await makeModel(
      [
        { file: steady, kind: 'incidents' },
        { file: changing, kind: 'incidents' },
      ],
      period,
      config,
      { keepGoing: true, threads: 1, onProgress: () => void (chunks++ === 1 && appendFileSync(changing, row(2))) },
    );
    expect(made.unusable.map((u) => [u.file, u.error.detail.split(' (')[0]])).toEqual([[changing, 'changed while being read']]);
    expect(made.model.inputs.find((i) => i.file === steady)?.rows).toBe(1);
  });

  it('reads the file it opened, whole, when a new export is renamed over it meanwhile', async () => {
    const model = (await makeModel([{ file: tmp.write('as-opened.csv', BIG), kind: 'incidents' }], period, config, { threads: 1 })).model;
    let chunks = 0;
    const file = tmp.write('replaced.csv', BIG);
    const during = (await makeModel([{ file, kind: 'incidents' }], period, config, {
      threads: 1,
      onProgress: () => void (chunks++ === 0 && renameSync(tmp.write('new.csv', HEADER + row(1)), file)),
    })).model;
    expect(during.incidents).toEqual(model.incidents);
    expect(during.inputs[0]!.rows).toBe(model.inputs[0]!.rows);
  });

  it('reads a file that stays as it was to the end', async () => {
    const file = tmp.write('steady.csv', BIG);
    const { error, chunks } = await readWhile(file, () => undefined);
    expect(error).toBeUndefined();
    expect(chunks).toBe(Math.ceil(BIG_BYTES / (256 * 1024)));
  });
});
