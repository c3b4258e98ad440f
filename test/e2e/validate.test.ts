import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_ARGS, NO_CONFIG, runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
const INPUT_ARGS = FIXTURE_ARGS.slice(1); // without the command

describe('lagesbild validate', async () => {
  const text = await runCli(['validate', ...INPUT_ARGS]);
  const json = await runCli(['validate', ...INPUT_ARGS, '--format', 'json']);
  const generated = await runCli(['generate', ...INPUT_ARGS, '--format', 'json', '--output', '-', '--quiet']);

  it('tells per file how it was read and where every row went, exit 1 when rows were rejected', () => {
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      [
        'fixtures/incidents-kommun.csv (incidents)',
        '  encoding   UTF-8 with BOM',
        '  delimiter  ;',
        '  dates      YYYY-MM-DD + HH:MM',
        '  columns    date ← "Datum", time ← "Tid", area ← "Område", category ← "Kategori", id ← "Ärendenummer", description ← "Beskrivning", source ← "Källa", northing ← "Nordkoordinat", easting ← "Östkoordinat"',
        '  rows       101 read: 91 usable (54 in the window, 37 in the previous one), 7 outside both, 3 rejected, 0 duplicates, 0 skipped',
      ].join('\n'),
    );
    expect(text.stdout).toContain('fixtures/incidents-kommun.csv:19:2: Datum: "2024-04-3x" is not a date (expected e.g. 2024-04-29)\n');
    expect(text.stdout).toContain('11 rows rejected; the rest can be used.');
    expect(text.stdout.match(/^fixtures\/\S+:\d+:\d+: /gm)).toHaveLength(11);
  });

  it('agrees with generate on every count', () => {
    const report = JSON.parse(json.stdout);
    const model = JSON.parse(generated.stdout);
    expect(json.code).toBe(1);
    // Beside the model's account of a file, validate says how each column was found and which it ignored.
    const account = ({ usable, error, columnsRead, ignoredColumns, columnDoubts, ...rest }: Record<string, unknown>) => rest;
    expect(report.files.map(account)).toEqual(model.inputs);
    expect(report.problems).toEqual(model.rejected.map((r: { file: string; line: number; column: number; reason: string }) => ({ file: r.file, line: r.line, column: r.column, message: r.reason })));
  });

  it('is clean, exit 0, on a clean file', async () => {
    const file = tmp.write('ren.csv', 'Tidpunkt;Område;Kategori\n2024-04-16 10:00;Centrum;stöld\n');
    const r = await runCli(['validate', '--incidents', file, '--from', '2024-04-15']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('All rows can be used.');
  });

  it('goes on past a file it cannot use, then exits 2', async () => {
    const missingColumn = tmp.write('utan-omrade.csv', 'Tidpunkt;Omrde;Kategori\n2024-04-16 10:00;Centrum;stöld\n');
    const r = await runCli(['validate', '--incidents', missingColumn, 'fixtures/incidents-medborgare.csv', '--from', '2024-04-15', '--format', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { usable: boolean }) => f.usable)).toEqual([false, true]);
    expect(report.files[0].error).toMatch(/^line 1: missing required column: area .* "Omrde" is close to "område": a typing error\?/);
    expect(report.files[1]).toMatchObject({ rows: 42, inPeriod: 21 });
  });

  it('points out names that look alike, with the config line that merges them', async () => {
    const file = tmp.write('namn.csv', 'Tidpunkt;Område;Kategori\n2024-04-16 10:00;Inre hamnen;stöld\n2024-04-16 11:00;Inre hamnen;stöld\n2024-04-17 10:00;Inre hamn;stöld\n');
    const r = await runCli(['validate', '--incidents', file, '--from', '2024-04-15']);
    expect(r.stdout).toContain('area "Inre hamn" (1 row) looks like "Inre hamnen" (2); to count them as one, add to the config: "areaAliases": { "Inre hamn": "Inre hamnen" }');
  });

  it('says when the encoding of a file is a guess, in validate and as a warning of generate', async () => {
    // UTF-16 without its byte-order mark can only be guessed at.
    const file = tmp.write('utf16.csv', Buffer.from('Datum;Tid;Område;Kategori\n2024-04-16;10:00;Centrum;stöld\n', 'utf16le'));
    const checked = await runCli(['validate', '--incidents', file, '--from', '2024-04-15']);
    expect(checked.stdout).toContain('\n  encoding   UTF-16LE (guessed) — unsure: check åäö, or give --encoding\n  delimiter  ;\n');
    const made = await runCli(['generate', '--incidents', file, '--from', '2024-04-15', '--format', 'json', '-o', '-']);
    expect(made.stderr).toContain(`warning: ${file}: encoding UTF-16LE (guessed); if åäö look wrong in the report, give --encoding\n`);
    expect(JSON.parse(made.stdout).inputs[0].format).toEqual({
      encoding: 'UTF-16LE (guessed)', encodingUnsure: true, delimiter: ';', dateFormats: ['YYYY-MM-DD + HH:MM'], columns: { date: 'Datum', time: 'Tid', area: 'Område', category: 'Kategori' },
    });
  });

  it('warns of two columns with the same header, in validate and in generate, saying which one is read', async () => {
    const file = tmp.write('dubbel.csv', 'Tidpunkt;Område;Kategori;område \n2024-04-16 10:00;Centrum;stöld;Norr\n');
    const warning = 'columns 2 and 4 have the same header "Område": area is read from column 2, column 4 is not read; if that is the one, rename the headers in the export so that they differ';
    const checked = await runCli(['validate', '--incidents', file, '--from', '2024-04-15']);
    expect(checked.stdout).toContain(`\n  check      ${warning}\n  ignored    "område" (area is read from column 2, of the same header)\n`);
    const json = JSON.parse((await runCli(['validate', '--incidents', file, '--from', '2024-04-15', '--format', 'json'])).stdout);
    expect(json.files[0].columnDoubts).toEqual([warning]);
    const generated = await runCli(['generate', '--incidents', file, '--from', '2024-04-15', '--format', 'json', '--output', '-']);
    expect(generated.stderr).toContain(`warning: ${file}: ${warning}\n`);
    // Read as before: the first column's area.
    expect(JSON.parse(generated.stdout).incidents.byArea.map((a: { name: string }) => a.name)).toEqual(['Centrum']);
  });

  it('says which column was read for what and why, and lists the columns it ignored', async () => {
    const file = tmp.write('ny-logg.csv', 'Ärende;Inträffade;Plats/Område;Typ av händelse;Handläggare;;Notering;;\nK-1;2024-04-16 10:00;Centrum;stöld;Anna;x;;\nK-2;2024-04-17 22:15;Hamnen;klotter;Bo;;ring;\n');
    const r = await runCli(['validate', '--incidents', file, '--from', '2024-04-15']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      [
        '  columns    id ← "Ärende", area ← "Plats/Område", category ← "Typ av händelse", datetime ← "Inträffade"',
        '             "Plats/Område" read as area: "plats" and "område" name area',
        '             "Typ av händelse" read as category: "typ" names category',
        '             "Inträffade" read as date and time: every value is a date and time',
        '  ignored    "Handläggare", column 6 (no header), "Notering"',
        '  rows       2 read: 2 usable (2 in the window, 0 in the previous one), 0 outside both, 0 rejected, 0 duplicates, 0 skipped',
      ].join('\n'),
    );
    const json = JSON.parse((await runCli(['validate', '--incidents', file, '--from', '2024-04-15', '--format', 'json'])).stdout);
    expect(json.files[0].format.columns).toEqual({ id: 'Ärende', area: 'Plats/Område', category: 'Typ av händelse', datetime: 'Inträffade' });
    expect(json.files[0].columnsRead).toEqual([
      { field: 'id', header: 'Ärende', column: 1, by: 'alias', why: '"ärende" is a header for id' },
      { field: 'area', header: 'Plats/Område', column: 3, by: 'parts', why: '"plats" and "område" name area' },
      { field: 'category', header: 'Typ av händelse', column: 4, by: 'parts', why: '"typ" names category' },
      { field: 'datetime', header: 'Inträffade', column: 2, by: 'content', why: 'every value is a date and time' },
    ]);
    expect(json.files[0].ignoredColumns).toEqual([
      { header: 'Handläggare', column: 5, why: null },
      { header: '', column: 6, why: null },
      { header: 'Notering', column: 7, why: null },
    ]);
    expect(json.files[0].columnDoubts).toEqual([]);
  });

  it('says why a column that names a field was not read, and what an ignored one holds', async () => {
    const file = tmp.write('tva-datum.csv', 'Datum (rapport);Inträffade;Plats;Område (stadsdel);Typ\n2024-04-17;2024-04-16 22:00;Torget;Centrum;stöld\n');
    const r = await runCli(['validate', '--incidents', file, '--from', '2024-04-15']);
    expect(r.stdout).toContain(
      [
        '  columns    area ← "Plats", category ← "Typ", date ← "Datum (rapport)"',
        '             "Datum (rapport)" read as date: "datum" names date',
        '  check      the date is read from "Datum (rapport)" by its words, but "Inträffade", which is not read, holds dates and times: if it tells when the incidents happened, add to the config: { "columns": { "incidents": { "datetime": "Inträffade" } } }',
        '  ignored    "Inträffade" (it holds dates and times), "Område (stadsdel)" (area is read from "Plats")',
      ].join('\n'),
    );
    const made = await runCli(['generate', '--incidents', file, '--from', '2024-04-15', '--format', 'json', '-o', '-']);
    expect(made.stderr).toContain(`warning: ${file}: the date is read from "Datum (rapport)" by its words, but "Inträffade", which is not read, holds dates and times:`);
  });

  it('has generate say once per file which column it read by what it holds', async () => {
    // Rows before the history and after the window: the export covers every window, and the log has nothing else to say.
    const file = tmp.write('inhall.csv', 'Inträffade;Plats;Typ\n2024-01-02 10:00;Centrum;stöld\n2024-04-16 10:00;Centrum;stöld\n2024-05-02 10:00;Centrum;stöld\n');
    const made = await runCli(['generate', '--incidents', file, '--from', '2024-04-15', '--format', 'json', '-o', '-']);
    expect(made.code).toBe(0);
    expect(made.stderr).toBe(`${NO_CONFIG}${file}: "Inträffade" read as date and time: every value is a date and time\nWrote to stdout: lägesbild v. 16–17 (2024-04-15 – 2024-04-28), 1 incidents, 0 patrol rounds\n`);
    expect(JSON.parse(made.stdout).inputs[0].format.columns).toEqual({ area: 'Plats', category: 'Typ', datetime: 'Inträffade' });
    // Two reports of a batch read the file once, and say it once.
    const config = join(tmp.dir, 'batch.json');
    writeFileSync(config, JSON.stringify({ inputs: { incidents: ['inhall.csv'] }, output: { dir: 'ut' }, reports: [{ name: 'a' }, { name: 'b' }] }));
    const batch = await runCli(['generate', '--config', config, '--from', '2024-04-15', '--format', 'json']);
    expect(batch.code).toBe(0);
    expect(batch.stderr.split('\n').filter((l) => l.includes('"Inträffade" read as date and time'))).toHaveLength(1);
  });
});
