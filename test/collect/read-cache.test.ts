/**
 * A batch reads each export once for all its reports: every report is still the
 * one it would be on its own, and a file that changed is read again.
 */
import { appendFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectReport } from '../../src/collect/index.js';
import { makeModel } from '../../src/pipeline/make-model.js';
import { ReadCache } from '../../src/collect/read-cache.js';
import { configSchema } from '../../src/config/schema.js';
import { FileTally } from '../../src/model/file-tally.js';
import { reportPeriod } from '../../src/period.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
const config = configSchema.parse({});
const period = reportPeriod('2024-04-15', 14, config.timezone, config.period.history);
const INCIDENTS =
  'Ärendenummer;Datum;Tid;Område;Kategori;Beskrivning\n' +
  'K-1;2024-04-16;10:00;Centrum;hot;Anmälaren ringde från 070-123 45 67\n' +
  'K-2;2024-04-17;11:00;Inre hamnen;klotter;tagg på kajen\n' +
  'K-2;2024-04-17;11:00;Inre hamnen;klotter;tagg på kajen\n' +
  'K-3;2024-04-3x;12:00;Centrum;stöld;fel datum\n' +
  'K-4;2024-04-05;13:00;Centrum;brand;förra perioden\n';
const PATROLS = 'Starttid;Sluttid;Område\n2024-04-16 21:00;2024-04-16 22:00;Centrum\n';

describe('reading the exports once for a batch', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives each report what reading the files anew gives, masking counts and all, however often it is asked', async () => {
    const inputs = [
      { file: tmp.write('incidents.csv', INCIDENTS), kind: 'incidents' as const },
      { file: tmp.write('patrols.csv', PATROLS), kind: 'patrols' as const },
    ];
    const alone = (await makeModel(inputs, period, config)).model;
    const cache = new ReadCache();
    const batch = [];
    for (let i = 0; i < 3; i++) batch.push((await makeModel(inputs, period, config, { cache })).model);
    expect(alone.redaction.counts).toEqual({ telefonnummer: 1 });
    expect(alone.duplicates).toHaveLength(1);
    expect(alone.rejected).toHaveLength(1);
    for (const model of batch) expect(model).toEqual(alone);
  });

  it('reads each file for the first report only: the others take what it read', async () => {
    const inputs = [
      { file: tmp.write('once-incidents.csv', INCIDENTS), kind: 'incidents' as const },
      { file: tmp.write('once-patrols.csv', PATROLS), kind: 'patrols' as const },
    ];
    // Every usable row read is tallied once: 4 incidents (one rejected) and 1 patrol round per reading of the files.
    const incidents = vi.spyOn(FileTally.prototype, 'incident');
    const rounds = vi.spyOn(FileTally.prototype, 'patrol');
    const cache = new ReadCache();
    const first = (await collectReport(inputs, period, config, { cache })).model;
    expect([incidents.mock.calls.length, rounds.mock.calls.length]).toEqual([4, 1]);
    for (let i = 0; i < 3; i++) expect((await collectReport(inputs, period, config, { cache })).model).toEqual(first);
    expect([incidents.mock.calls.length, rounds.mock.calls.length]).toEqual([4, 1]);
    // Without the cache each report reads the files anew.
    await collectReport(inputs, period, config);
    expect([incidents.mock.calls.length, rounds.mock.calls.length]).toEqual([8, 2]);
  });

  it('reads a file again when it changed between two reports', async () => {
    const file = tmp.write('growing.csv', INCIDENTS);
    const cache = new ReadCache();
    const before = (await makeModel([{ file, kind: 'incidents' }], period, config, { cache })).model;
    appendFileSync(file, 'K-9;2024-04-18;09:00;Centrum;stöld;ny rad\n');
    const after = (await makeModel([{ file, kind: 'incidents' }], period, config, { cache })).model;
    expect(after.incidents.total).toBe(before.incidents.total + 1);
  });
});
