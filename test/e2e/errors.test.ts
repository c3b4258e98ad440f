import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ARGS, NO_CONFIG, runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);

describe('what a user sees when something is wrong', () => {
  it('names a missing input file, exit 2', async () => {
    const r = await runCli(['generate', '--incidents', 'fixtures/nope.csv', '--from', '2024-04-15', '-o', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${NO_CONFIG}error: fixtures/nope.csv: no such file\n`);
  });

  it('names the file and the missing column, listing the headers found, exit 2', async () => {
    const file = tmp.write('utan-kategori.csv', 'Datum;Tid;Område\n2024-04-15;10:00;Centrum\n');
    const r = await runCli(['generate', '--incidents', file, '--from', '2024-04-15', '-o', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${file}:1: missing required column: category`);
    expect(r.stderr).toContain('Headers found: "Datum" (date), "Tid" (time), "Område" (area).');
    noStackTrace(r.stderr);
  });

  it('names every missing column at once, with a columns block for the config that, filled in, reads the file, exit 2', async () => {
    const file = tmp.write('okand.csv', 'Registrerad;Inträffade;Omrde;Vad;Notering\n2024-04-17 08:00;2024-04-16 22:00;Centrum;stöld;\n2024-04-18 09:00;2024-04-18 01:30;Hamnen;klotter;sprayat\n');
    const r = await runCli(['generate', '--incidents', file, '--from', '2024-04-15', '-o', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${NO_CONFIG}error: ${file}:1: missing required columns: ` +
        'datetime ("tidpunkt", "datum och tid", "datum/tid", "datum & tid"…) or date ("datum", "händelsedatum", "date", "incident date"…) or time ("tid", "klockslag", "kl", "time"…); ' +
        'area ("område", "plats", "stadsdel", "area"…); category ("kategori", "händelsetyp", "typ", "category"…). ' +
        'Headers found: "Registrerad", "Inträffade", "Omrde", "Vad", "Notering". ' +
        'For datetime: "Registrerad" and "Inträffade" both hold dates and times: which one is it? "Omrde" is close to "område": a typing error? ' +
        'To read the file, add to the config, with a header of the file for each "FILL IN": { "columns": { "incidents": { "datetime": "Registrerad", "area": "Omrde", "category": "FILL IN" } } }\n',
    );
    const block = JSON.parse(r.stderr.slice(r.stderr.indexOf('{ "columns"')));
    expect(block).toEqual({ columns: { incidents: { datetime: 'Registrerad', area: 'Omrde', category: 'FILL IN' } } });
    // The coordinator picks the time and fills in the category: the same file reads.
    block.columns.incidents.datetime = 'Inträffade';
    block.columns.incidents.category = 'Vad';
    const config = tmp.write('okand.config.json', JSON.stringify({ municipality: 'Strandviks kommun', ...block }, null, 2));
    const fixed = await runCli(['generate', '--config', config, '--incidents', file, '--from', '2024-04-15', '--format', 'json', '-o', '-', '--quiet']);
    expect(fixed.code).toBe(0);
    const model = JSON.parse(fixed.stdout);
    expect(model.inputs[0]).toMatchObject({ rows: 2, inPeriod: 2, format: { columns: { datetime: 'Inträffade', area: 'Omrde', category: 'Vad' } } });
    expect(model.incidents.byArea.map((a: { name: string }) => a.name)).toEqual(['Centrum', 'Hamnen']);
  });

  it('gives a block that reads the file as it is when every missing column has a likely header', async () => {
    const file = tmp.write('stavfel.csv', 'Inträffade;Omrde;Typ av händelse\n2024-04-16 22:00;Centrum;stöld\n');
    const r = await runCli(['validate', '--incidents', file, '--from', '2024-04-15']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      `${file}:1: missing required column: area ("område", "plats", "stadsdel", "area"…). ` +
        'Headers found: "Inträffade" (datetime), "Omrde", "Typ av händelse" (category). "Omrde" is close to "område": a typing error? ' +
        'To read the file, add to the config: { "columns": { "incidents": { "area": "Omrde" } } }\n',
    );
    const message = r.stdout.split('\n').find((l) => l.startsWith(`${file}:1:`))!;
    const config = tmp.write('stavfel.config.json', message.slice(message.indexOf('{ "columns"')));
    const fixed = await runCli(['validate', '--config', config, '--incidents', file, '--from', '2024-04-15']);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('  columns    area ← "Omrde", category ← "Typ av händelse", datetime ← "Inträffade"\n');
  });

  it('names the line and column of a header that cannot be read as CSV, exit 2', async () => {
    const file = tmp.write('trasig.csv', 'Tidpunkt,"Plats,Typ\n2024-04-15 10:00,Centrum,stöld\n');
    const r = await runCli(['generate', '--incidents', file, '--from', '2024-04-15', '-o', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${NO_CONFIG}error: ${file}:1:2: not readable as CSV: a quoted field that starts on this line is never closed\n`);
  });

  it('names the config key that is wrong, exit 3', async () => {
    const config = tmp.write('bad.json', '{"period": {"anchor": "första måndagen"}}');
    const r = await runCli(['generate', '--config', config, '--incidents', 'fixtures/incidents-kommun.csv', '-o', '-']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`error: ${config}:1:23: key "period.anchor": must be a date written YYYY-MM-DD\n`);
  });

  it('names the feature of a map whose geometry is wrong, exit 3, and makes no report', async () => {
    const ring = [[612000, 6566000], [612500, 6566000], [612500, 6566500], [612000, 6566500]]; // never back to the start
    const map = tmp.write('omraden.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { namn: 'Centrum' }, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } }, { type: 'Feature', properties: { namn: 'Hamnen' }, geometry: { type: 'Polygon', coordinates: [ring] } }] }));
    const config = tmp.write('karta.json', JSON.stringify({ map: { areas: 'omraden.geojson' } }));
    const output = join(tmp.dir, 'karta.pdf');
    const r = await runCli(['generate', '--config', config, '--incidents', 'fixtures/incidents-kommun.csv', '--from', '2024-04-15', '-o', output]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      `config: ${config}\nerror: ${map}: feature 2 of 2 ("Hamnen"): outer ring is not closed: it starts at [612000, 6566000] and ends at [612000, 6566500]; a GeoJSON ring ends where it starts\n`,
    );
    expect(existsSync(output)).toBe(false);
  });

  it('rejects a bad --from or --format, exit 4', async () => {
    const from = await runCli(['generate', '--incidents', 'fixtures/incidents-kommun.csv', '--from', '2024-04-31']);
    expect(from.code).toBe(4);
    expect(from.stderr).toBe(`${NO_CONFIG}error: --from: "2024-04-31" is not a date written YYYY-MM-DD\n`);
    const format = await runCli(['generate', '--incidents', 'fixtures/incidents-kommun.csv', '--format', 'docx']);
    expect(format.code).toBe(4);
    expect(format.stderr).toContain("argument 'docx' is invalid. Allowed choices are pdf, html, json.");
  });

  it('never overwrites an existing report without --force, exit 5', async () => {
    const output = tmp.write('befintlig.json', 'förra veckans rapport');
    const r = await runCli([...FIXTURE_ARGS, '--output', output, '--quiet']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(`error: ${output}: exists already; use --force to replace it`);
    expect(readFileSync(output, 'utf8')).toBe('förra veckans rapport');
    const forced = await runCli([...FIXTURE_ARGS, '--output', output, '--force', '--quiet']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(output, 'utf8')).incidents.total).toBe(75);
  });

  it('with --strict writes nothing when rows were rejected, exit 1', async () => {
    const output = join(tmp.dir, 'strikt.json');
    const r = await runCli([...FIXTURE_ARGS, '--output', output, '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: 11 rows rejected and --strict given; no report written');
    expect(existsSync(output)).toBe(false);
  });

  it('says how to get a browser when the one given does not exist, exit 6', async () => {
    const r = await runCli([...FIXTURE_ARGS, '--output', join(tmp.dir, 'x.pdf'), '--chromium', '/opt/ingen/chromium', '--quiet']);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('error: Chromium given by --chromium is not an executable file: /opt/ingen/chromium');
    expect(existsSync(join(tmp.dir, 'x.pdf'))).toBe(false);
  });

  it('without --from reports the last complete fortnight on the cadence, named for its weeks', async () => {
    const r = await runCli(
      ['generate', '--incidents', join(process.cwd(), 'fixtures/incidents-kommun.csv'), '--now', '2024-05-06T08:00', '--format', 'json', '--quiet'],
      { cwd: tmp.dir },
    );
    expect(r.code).toBe(0);
    const model = JSON.parse(readFileSync(join(tmp.dir, 'lagesbild-2024-v17-v18.json'), 'utf8'));
    expect(model.period).toMatchObject({ start: '2024-04-22', end: '2024-05-05' });
  });
});

describe('the command line refuses what it cannot do right', () => {
  it('reads --now in the configured time zone; beside --from it only dates the output', async () => {
    // 23:30 on 5 May in Stockholm: the fortnight ending that day is not complete yet.
    const r = await runCli(['generate', '--incidents', 'fixtures/incidents-kommun.csv', '--now', '2024-05-05T23:30', '--format', 'json', '-o', '-', '--quiet'], { env: { TZ: 'UTC' } });
    expect(JSON.parse(r.stdout).period).toMatchObject({ start: '2024-04-08', end: '2024-04-21' });
    const both = await runCli(['generate', '--incidents', 'fixtures/incidents-kommun.csv', '--now', '2024-05-05', '--from', '2024-04-15', '--format', 'json', '-o', '-', '--quiet']);
    expect(JSON.parse(both.stdout).period).toMatchObject({ start: '2024-04-15', end: '2024-04-28' });
    const junk = await runCli(['generate', '--incidents', 'fixtures/incidents-kommun.csv', '--now', '1', '-o', '-']);
    expect(junk.stderr).toBe(`${NO_CONFIG}error: --now: "1" is not a date or date-time (e.g. 2024-05-06 or 2024-05-06T08:00)\n`);
  });

  it('names a fortnight across the new year by its ISO week-year', async () => {
    const r = await runCli(['generate', '--incidents', join(process.cwd(), 'fixtures/incidents-kommun.csv'), '--from', '2024-12-30', '--format', 'json', '--quiet'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(existsSync(join(tmp.dir, 'lagesbild-2025-v1-v2.json'))).toBe(true);
  });

  it('refuses the same file given twice', async () => {
    const r = await runCli(['generate', '--incidents', 'fixtures/incidents-kommun.csv', './fixtures/incidents-kommun.csv', '--from', '2024-04-15', '-o', '-']);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(`${NO_CONFIG}error: the same file is given twice: fixtures/incidents-kommun.csv and ./fixtures/incidents-kommun.csv\n`);
  });

  it('says so when the output is a folder, or its name does not match --format, before reading anything', async () => {
    const folder = await runCli([...FIXTURE_ARGS, '--output', tmp.dir]);
    expect(folder.code).toBe(5);
    expect(folder.stderr).toBe(`config: fixtures/lagesbild.config.json\nerror: ${tmp.dir}: is a folder; give a file name for the report\n`);
    const mismatch = await runCli([...FIXTURE_ARGS, '--output', join(tmp.dir, 'r.pdf'), '--format', 'json']);
    expect(mismatch.code).toBe(4);
    expect(mismatch.stderr).toContain('error: --format json does not match the output file name');
  });

  it('stops quietly when the reader of stdout goes away', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync('bash', ['-c', `node bin/lagesbild ${FIXTURE_ARGS.join(' ')} --format json -o - --quiet 2>/tmp/lagesbild-epipe.err | head -c 10 >/dev/null; echo \${PIPESTATUS[0]}`], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('0');
    expect(readFileSync('/tmp/lagesbild-epipe.err', 'utf8')).not.toMatch(/EPIPE|^\s+at /m);
  });
});

describe('windows of other lengths', () => {
  const json = async (args: string[]) => {
    const r = await runCli(['generate', '--incidents', 'fixtures/incidents-kommun.csv', ...args, '--format', 'json', '-o', '-', '--quiet']);
    return { code: r.code, stderr: r.stderr, period: r.code === 0 ? JSON.parse(r.stdout).period : undefined };
  };

  it('takes --days, --to, or both ends, and compares with a window as long just before', async () => {
    expect((await json(['--from', '2024-04-15', '--days', '7'])).period).toMatchObject({ start: '2024-04-15', end: '2024-04-21', previousStart: '2024-04-08', previousEnd: '2024-04-14', days: 7, weeks: [16] });
    expect((await json(['--to', '2024-04-28'])).period).toMatchObject({ start: '2024-04-15', end: '2024-04-28', days: 14 });
    expect((await json(['--from', '2024-04-01', '--to', '2024-04-30'])).period).toMatchObject({ start: '2024-04-01', end: '2024-04-30', previousStart: '2024-03-02', days: 30 });
  });

  it('refuses lengths that do not add up', async () => {
    const r = await json(['--from', '2024-04-15', '--to', '2024-04-28', '--days', '7']);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe('error: --from 2024-04-15 --to 2024-04-28 is 14 days, but --days says 7\n');
    expect((await json(['--from', '2024-04-15', '--days', 'två'])).stderr).toBe('error: --days: "två" is not a whole number of days from 1 to 366\n');
  });
});
