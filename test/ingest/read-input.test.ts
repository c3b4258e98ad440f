import { describe, expect, it } from 'vitest';
import { inspectInput, readRows } from '../../src/ingest/read-input.js';
import type { Incident, PatrolRound, Rejection } from '../../src/domain.js';

type IngestEvent =
  | { type: 'incident'; line: number; incident: Incident }
  | { type: 'patrol'; line: number; round: PatrolRound }
  | { type: 'rejected'; rejection: Rejection }
  | { type: 'skipped'; line: number; reason: string };
import { sniffDelimiter } from '../../src/ingest/csv/sniff.js';
import { reasonText } from '../../src/texts/reasons.js';
import { opened, tempDir } from '../support/tmp.js';

const TZ = 'Europe/Stockholm';
const tmp = tempDir();

async function events(name: string, content: string | Uint8Array, kind: 'incidents' | 'patrols' = 'incidents') {
  const input = await inspectInput(await opened(tmp.write(name, content)), kind, { timeZone: TZ });
  const out: IngestEvent[] = [];
  await readRows(input, { timeZone: TZ }, {
    incident: (line, incident) => out.push({ type: 'incident', line, incident }),
    patrol: (line, round) => out.push({ type: 'patrol', line, round }),
    activity: () => undefined,
    reject: (rejection) => out.push({ type: 'rejected', rejection }),
    skip: (line, reason) => out.push({ type: 'skipped', line, reason }),
  });
  return { input, out };
}

const read = async (file: string) => {
  const input = await inspectInput(await opened(file), 'incidents', { timeZone: TZ });
  await readRows(input, { timeZone: TZ }, { incident() {}, patrol() {}, activity() {}, reject() {}, skip() {} });
};

describe('reading an export', () => {
  it('reads Swedish Excel output: semicolons, a BOM, CRLF, quoted delimiters, doubled quotes', async () => {
    const csv = '\uFEFFÄrendenummer;Datum;Tid;Område;Kategori;Beskrivning\r\n' +
      'K-1;2024-04-15;22:10;Inre hamnen;brand;"Brand i container; släckt"\r\n' +
      'K-2;2024-04-16;01:05;Centrum;klotter;"Texten ""ACAB"" på fasad"\r\n';
    const { input, out } = await events('excel.csv', csv);
    expect(input.layout).toMatchObject({ source: 'csv', delimiter: ';' });
    expect(input.headers[0]).toBe('Ärendenummer');
    expect(out).toEqual([
      { type: 'incident', line: 2, incident: expect.objectContaining({ id: 'K-1', area: 'Inre hamnen', description: 'Brand i container; släckt' }) },
      { type: 'incident', line: 3, incident: expect.objectContaining({ id: 'K-2', description: 'Texten "ACAB" på fasad' }) },
    ]);
  });

  it('keeps physical line numbers past multi-line fields and blank lines', async () => {
    const csv = 'Tidpunkt,Plats,Typ,Beskrivning\r\n' +
      '2024-04-15 10:00,Centrum,stöld,"rad ett\r\nrad två"\r\n' +
      '\r\n' +
      'inte ett datum,Centrum,stöld,x\r\n';
    const { out } = await events('multiline.csv', csv);
    expect(out[0]).toMatchObject({ type: 'incident', line: 2 });
    expect(out[1]).toEqual({ type: 'rejected', rejection: { line: 5, column: 1, code: 'dateTime.invalid', params: { value: 'inte ett datum', column: 'Tidpunkt' } } });
    expect(reasonText('en', (out[1] as { rejection: Rejection }).rejection)).toBe('Tidpunkt: "inte ett datum" is not a date and time (expected e.g. 2024-04-29 13:58)');
  });

  it('rejects a row with more filled fields than the header, but not trailing empty ones', async () => {
    const csv = 'Tidpunkt,Plats,Typ\n2024-04-15 10:00,Centrum,stöld,,\n2024-04-15 11:00,Centrum,stöld,extra\n';
    const { out } = await events('extra.csv', csv);
    expect(out[0]).toMatchObject({ type: 'incident', line: 2 });
    expect(out[1]).toEqual({ type: 'rejected', rejection: { line: 3, column: 4, code: 'row.fieldCount', params: { fields: 4, headers: 3 } } });
    expect(reasonText('en', (out[1] as { rejection: Rejection }).rejection)).toBe('row has 4 fields but the header has 3');
  });

  it('counts real elapsed minutes of a round across the night summer time ends', async () => {
    const csv = 'Starttid;Sluttid;Område\n2024-10-27 01:30;2024-10-27 03:30;Centrum\n2024-03-31 01:30;2024-03-31 03:30;Centrum\n';
    const { out } = await events('dst.csv', csv, 'patrols');
    expect(out.map((e) => e.type === 'patrol' && e.round.minutes)).toEqual([180, 60]);
  });

  it('reads a round ending after midnight given as a time of day, and one with a duration', async () => {
    const csv = 'Datum,Starttid,Sluttid,Varaktighet (min),Plats\n2024-04-20,23:40,00:25,,Inre hamnen\n2024-04-21,21:00,,45,Centrum\n';
    const { out } = await events('night.csv', csv, 'patrols');
    expect(out.map((e) => e.type === 'patrol' && [new Date(e.round.start).toISOString(), e.round.minutes])).toEqual([
      ['2024-04-20T21:40:00.000Z', 45],
      ['2024-04-21T19:00:00.000Z', 45],
    ]);
  });

  it('fails the whole file, naming it, when a required column is missing, the header is broken, or there is no file', async () => {
    await expect(read(tmp.write('nocat.csv', 'Datum;Område\n2024-04-15;Centrum\n'))).rejects.toThrow(/nocat\.csv:1: missing required column: category/);
    await expect(read(tmp.write('broken-header.csv', 'Tidpunkt,"Plats,Typ\n2024-04-15,Centrum,stöld\n'))).rejects.toThrow(
      /broken-header\.csv:1:2: not readable as CSV: a quoted field that starts on this line is never closed/,
    );
    await expect(read(tmp.dir + '/nope.csv')).rejects.toThrow(/nope\.csv: no such file/);
    await expect(read(tmp.write('empty.csv', ''))).rejects.toThrow(/empty\.csv: the file is empty/);
  });

  it('rejects the line a quote never closed opened on, at the column of the quote, and reads the next line as a row', async () => {
    const { out } = await events('broken.csv', 'Tidpunkt,Plats,Typ\n2024-04-15 10:00,"Centrum,stöld\n2024-04-15 11:00,Hamnen,brand\n');
    expect(out.map((e) => (e.type === 'rejected' ? [e.rejection.line, e.rejection.column, reasonText('en', e.rejection)] : e.type === 'incident' ? [e.line, e.incident.area] : e.type))).toEqual([
      [2, 2, 'Plats: quote never closed'],
      [3, 'Hamnen'],
    ]);
  });

  it('sniffs the delimiter from the header, ignoring quoted ones', () => {
    expect(sniffDelimiter('Datum;Tid;"Plats, ort";Typ')).toBe(';');
    expect(sniffDelimiter('Datum,Tid,Plats')).toBe(',');
    expect(sniffDelimiter('Datum\tTid\tPlats')).toBe('\t');
    expect(sniffDelimiter('Datum')).toBe(',');
  });
});
