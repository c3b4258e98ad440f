import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ARGS, ROOT, runCli } from '../support/cli.js';
import type { ReportModel } from '../../src/model/report.js';
import { isReasonCode } from '../../src/reasons.js';

/** Counted by hand and by fixtures/.count.py, independently of this code. */
const expected = JSON.parse(readFileSync(join(ROOT, 'fixtures/expected.json'), 'utf8'));

/** The hand count's own words for why a row cannot be used → the code the tool gives it. */
const CODE_OF: [RegExp, string][] = [
  [/^unparseable date '/, 'date.invalid'],
  [/^unparseable (timestamp|start) '/, 'dateTime.invalid'],
  [/^invalid time '/, 'time.notReal'],
  [/^empty category$/, 'category.empty'],
  [/^empty area$/, 'area.empty'],
  [/^end before start /, 'round.endBeforeStart'],
  [/^no end time and no duration$/, 'round.noEnd'],
  [/^duration not a number '/, 'duration.invalid'],
  [/^negative duration '/, 'duration.negative'],
];
const codeOf = (reason: string) => CODE_OF.find(([pattern]) => pattern.test(reason))?.[1] ?? `(no code for "${reason}")`;

const byKeys = <T extends object>(rows: T[], keys: (keyof T)[]) =>
  rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]]))).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('generate --format json on the fixtures', async () => {
  const run = await runCli([...FIXTURE_ARGS, '--output', '-', '--format', 'json']);
  const model: ReportModel = JSON.parse(run.stdout);

  it('succeeds, warning about each rejected row with file, line and column', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning: fixtures/incidents-kommun.csv:19:2: Datum: "2024-04-3x" is not a date (expected e.g. 2024-04-29)');
    expect(run.stderr).toContain('warning: fixtures/patrols-vaktbolag.csv:65:2: Sluttid: end time "2024-04-20 21:00" is before the start');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('gives the period and its comparison window', () => {
    expect(model.period).toMatchObject({ start: '2024-04-15', end: '2024-04-28', previousStart: '2024-04-01', previousEnd: '2024-04-14', weeks: [16, 17] });
  });

  it('matches the hand count of incidents by area, category and both', () => {
    expect(model.incidents.total).toBe(expected.incidents.total);
    expect(model.incidents.previousTotal).toBe(expected.incidents.previousTotal);
    expect(byKeys(model.incidents.byArea, ['name', 'count', 'previous'])).toEqual(byKeys(expected.incidents.byArea, ['name', 'count', 'previous']));
    expect(byKeys(model.incidents.byCategory, ['name', 'count', 'previous'])).toEqual(byKeys(expected.incidents.byCategory, ['name', 'count', 'previous']));
    expect(byKeys(model.incidents.byAreaCategory, ['area', 'category', 'count', 'previous'])).toEqual(
      byKeys(expected.incidents.byAreaCategory, ['area', 'category', 'count', 'previous']),
    );
  });

  it('matches the hand count of patrol rounds and minutes', () => {
    expect(model.patrols.total).toBe(expected.patrols.total);
    expect(model.patrols.minutes).toBe(expected.patrols.minutes);
    expect(byKeys(model.patrols.byArea, ['name', 'rounds', 'minutes'])).toEqual(byKeys(expected.patrols.byArea, ['name', 'rounds', 'minutes']));
  });

  it('accounts for every row of every file, and lists each rejected one', () => {
    expect(model.inputs).toMatchObject(expected.inputs);
    expect(model.inputs.map((i) => [i.duplicates, i.skipped])).toEqual(expected.inputs.map(() => [0, 0]));
    expect(byKeys(model.rejected, ['file', 'line'])).toEqual(byKeys(expected.rejected, ['file', 'line']));
    expect(model.rejected.every((r) => r.reason.length > 0 && r.column !== null && isReasonCode(r.code))).toBe(true);
    const counted = (expected.rejected as { file: string; line: number; reason: string }[]).map((r) => ({ file: r.file, line: r.line, code: codeOf(r.reason) }));
    expect(byKeys(model.rejected, ['file', 'line', 'code'])).toEqual(byKeys(counted, ['file', 'line', 'code']));
  });

  it('places the incident without an area by its coordinates, as the hand count does, and lists it', () => {
    expect(model.map!.placed).toEqual(expected.placed);
    expect(model.map!.source).toBe('strandvik-omraden.geojson');
    expect(model.map!.crs).toBe('EPSG:3006');
    expect(byKeys(model.map!.areas, ['name', 'count', 'previous'])).toEqual(byKeys(expected.incidents.byArea, ['name', 'count', 'previous']));
    expect(model.map!.unmapped).toEqual([]);
  });
});

describe('the area × category matrix in the HTML', async () => {
  const html = (await runCli([...FIXTURE_ARGS, '--format', 'html', '--output', '-', '--quiet'])).stdout;

  it('colours no rise that is not beyond chance, however large it looks', () => {
    expect(html).toContain('<td class="num">7<br><span class="prev">(1)</span></td>'); // Inre hamnen, brand: +6 on a base of 1
    expect(html).toContain('<td class="num">3<br><span class="prev">(2)</span></td>'); // Stationsområdet, narkotika: +1
    expect(html).not.toMatch(/class="num (rise|fall)/);
  });
});
