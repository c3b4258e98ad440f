import { describe, expect, it } from 'vitest';
import { FIXTURE_ARGS, runCli } from '../support/cli.js';
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
    expect(report.files.map(({ usable, error, ...account }: { usable: boolean; error: string | null }) => account)).toEqual(model.inputs);
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
});
