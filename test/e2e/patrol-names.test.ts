/**
 * A guard company that names places its own way (`Centrum/Torget`,
 * `Stationsomr.`) beside incidents in `Centrum` and `Stationsområdet`: the run
 * says so with the lines that merge them, and the coverage table does not
 * print "0 rounds" beside Centrum as if nobody went there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/model/report.js';
import { NO_CONFIG, runCli } from '../support/cli.js';
import { pdfPages } from '../support/pdf-text.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
const incidents = tmp.write(
  'handelser.csv',
  [
    'Tidpunkt;Område;Kategori',
    '2024-04-16 23:10;Centrum;skadegörelse',
    '2024-04-23 23:40;Centrum;stöld', // two on Tuesday nights: an hour with incidents and no round under this name
    '2024-04-17 12:00;Centrum;stöld',
    '2024-04-18 14:00;Stationsområdet;stöld',
    '2024-04-19 15:00;Stationsområdet;skadegörelse',
    '2024-04-20 16:00;Torget;stöld',
    '2024-04-21 22:00;Centrum;skadegörelse, klotter',
    // Before the history and after the window: the export covers every window it is compared over.
    '2024-01-02 12:00;Hamnen;stöld',
    '2024-05-02 12:00;Hamnen;stöld',
  ].join('\n') + '\n',
);
const patrols = tmp.write(
  'ronder.csv',
  ['Starttid;Varaktighet (min);Område;Väktare', '2024-04-16 20:00;60;Centrum/Torget;V1', '2024-04-17 20:00;60;Centrum/Torget;V1', '2024-04-18 20:00;45;Stationsomr.;V2', '2024-03-30 20:00;60;Hamnen;V1', '2024-05-02 20:00;60;Hamnen;V1'].join('\n') + '\n',
);
const inputs = ['--incidents', incidents, '--patrols', patrols, '--from', '2024-04-15'];

const WROTE = 'Wrote to stdout: lägesbild v. 16–17 (2024-04-15 – 2024-04-28), 7 incidents, 3 patrol rounds\n';
const LINES = [
  'patrol area "Centrum/Torget" (2) contains the incident areas "Centrum" (4) and "Torget" (1): it is not clear which it means, so add to the config the one it does: "areaAliases": { "Centrum/Torget": "Centrum" } or "areaAliases": { "Centrum/Torget": "Torget" }',
  'patrol area "Stationsomr." (1) abbreviates the incident area "Stationsområdet" (2); to count them as one, add to the config: "areaAliases": { "Stationsomr.": "Stationsområdet" }',
  'category "skadegörelse, klotter" (1) contains the category "skadegörelse" (2); to count them as one, add to the config: "categoryAliases": { "skadegörelse, klotter": "skadegörelse" }',
];

describe('patrol names that are not the incidents’ names', async () => {
  const generated = await runCli(['generate', ...inputs, '--format', 'json', '-o', '-']);
  const model: ReportModel = JSON.parse(generated.stdout);
  const validated = await runCli(['validate', ...inputs]);
  const validatedJson = await runCli(['validate', ...inputs, '--format', 'json']);

  it('are pointed out in generate’s log, with the config line that merges each', () => {
    expect(generated.code).toBe(0);
    expect(generated.stderr).toBe(`${NO_CONFIG}${LINES.map((l) => `warning: ${l}\n`).join('')}${WROTE}`);
  });

  it('are listed by validate, in text and in JSON, as in the model', () => {
    expect(validated.code).toBe(0);
    expect(validated.stdout).toContain(
      [
        'Suggestions:',
        `  ${LINES[0]!.replace('"Centrum/Torget" (2)', '"Centrum/Torget" (2 rows)')}`,
        `  ${LINES[1]!.replace('"Stationsomr." (1)', '"Stationsomr." (1 row)')}`,
        `  ${LINES[2]!.replace('"skadegörelse, klotter" (1)', '"skadegörelse, klotter" (1 row)')}`,
        '',
        'All rows can be used.',
      ].join('\n'),
    );
    expect(JSON.parse(validatedJson.stdout).suggestions).toEqual(model.suggestions);
  });

  it('are in suggestions[] with why, where each name comes from, and every candidate', () => {
    expect(model.suggestions).toEqual([
      { kind: 'area', name: 'Centrum/Torget', count: 2, like: 'Centrum', likeCount: 4, config: '"areaAliases": { "Centrum/Torget": "Centrum" }', why: 'contains', nameIn: ['patrols'], likeIn: ['incidents'], candidates: ['Centrum', 'Torget'] },
      { kind: 'area', name: 'Centrum/Torget', count: 2, like: 'Torget', likeCount: 1, config: '"areaAliases": { "Centrum/Torget": "Torget" }', why: 'contains', nameIn: ['patrols'], likeIn: ['incidents'], candidates: ['Centrum', 'Torget'] },
      { kind: 'area', name: 'Stationsomr.', count: 1, like: 'Stationsområdet', likeCount: 2, config: '"areaAliases": { "Stationsomr.": "Stationsområdet" }', why: 'abbreviates', nameIn: ['patrols'], likeIn: ['incidents'], candidates: ['Stationsområdet'] },
      { kind: 'category', name: 'skadegörelse, klotter', count: 1, like: 'skadegörelse', likeCount: 2, config: '"categoryAliases": { "skadegörelse, klotter": "skadegörelse" }', why: 'contains', nameIn: ['incidents'], likeIn: ['incidents'], candidates: ['skadegörelse'] },
    ]);
  });

  it('are marked in the coverage table: the incident areas that may have been patrolled, and the places no incident names', () => {
    expect(model.coverage.byArea).toEqual([
      { name: 'Centrum', incidents: 4, rounds: 0, minutes: 0, incidentsPerPatrolHour: null, remarks: 0, matched: true, maybe: ['Centrum/Torget'] },
      { name: 'Stationsområdet', incidents: 2, rounds: 0, minutes: 0, incidentsPerPatrolHour: null, remarks: 0, matched: true, maybe: ['Stationsomr.'] },
      { name: 'Torget', incidents: 1, rounds: 0, minutes: 0, incidentsPerPatrolHour: null, remarks: 0, matched: true, maybe: ['Centrum/Torget'] },
      { name: 'Stationsomr.', incidents: 0, rounds: 1, minutes: 45, incidentsPerPatrolHour: null, remarks: 0, matched: false, maybe: ['Stationsområdet'] },
      { name: 'Centrum/Torget', incidents: 0, rounds: 2, minutes: 120, incidentsPerPatrolHour: null, remarks: 0, matched: false, maybe: ['Centrum', 'Torget'] },
    ]);
    expect(model.coverage.unmatched).toEqual(['Stationsomr.', 'Centrum/Torget']);
    expect(model.coverage.gaps).toEqual([{ area: 'Centrum', weekday: 1, hour: 23, incidents: 2, maybe: ['Centrum/Torget'] }]);
  });

  it('go once the config has the lines: the rounds count in the incident areas', async () => {
    const config = tmp.write('lagesbild.config.json', JSON.stringify({ areaAliases: { 'Centrum/Torget': 'Centrum', 'Stationsomr.': 'Stationsområdet' }, categoryAliases: { 'skadegörelse, klotter': 'skadegörelse' } }));
    const merged = await runCli(['generate', ...inputs, '--config', config, '--format', 'json', '-o', '-']);
    expect(merged.stderr).toBe(`config: ${config}\n${WROTE}`);
    const m: ReportModel = JSON.parse(merged.stdout);
    expect(m.suggestions).toEqual([]);
    expect(m.coverage.unmatched).toEqual([]);
    expect(m.coverage.byArea.slice(0, 2)).toEqual([
      { name: 'Centrum', incidents: 4, rounds: 2, minutes: 120, incidentsPerPatrolHour: 2, remarks: 0, matched: true, maybe: [] },
      { name: 'Stationsområdet', incidents: 2, rounds: 1, minutes: 45, incidentsPerPatrolHour: 2.67, remarks: 0, matched: true, maybe: [] },
    ]);
  });

  it('are marked in the printed table, Swedish and English (real Chromium)', async () => {
    const read = async (language: string) => {
      const output = join(tmp.dir, `lagesbild-${language}.pdf`);
      const r = await runCli(['generate', ...inputs, '--language', language, '-o', output, '--quiet']);
      expect(r.code).toBe(0);
      return (await pdfPages(readFileSync(output))).find((p) => p.includes(language === 'sv' ? 'Bevakning mot händelser' : 'Patrols against incidents'))!;
    };
    // The notes wrap in the narrow name column: any space may be a line break.
    const words = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+'));
    const sv = await read('sv');
    expect(sv).toMatch(words('Centrum 0 rundor under detta namn – troligen bevakat som ”Centrum/Torget” (se nedan) 4 0 0 min oklart 0'));
    expect(sv).toMatch(words('Torget 0 rundor under detta namn – troligen bevakat som ”Centrum/Torget” (se nedan) 1 0 0 min oklart 0'));
    expect(sv).toMatch(words('Bevakade platser som inga händelser nämner Rundorna här räknas inte i något område ovan.'));
    expect(sv).toMatch(words('Centrum/Torget inget händelseområde med detta namn; troligen ”Centrum” eller ”Torget” – 2 2 h – 0'));
    expect(sv).toMatch(words('Centrum kanske bevakat som ”Centrum/Torget” tisdag 23–00 2'));
    expect(sv).not.toMatch(/0 min\s+ingen bevakning/); // the claim it made before
    const en = await read('en');
    expect(en).toMatch(words('Centrum 0 rounds under this name – probably patrolled as “Centrum/Torget” (see below) 4 0 0 min unclear 0'));
    expect(en).toMatch(words('Centrum/Torget no incident area of this name; probably “Centrum” or “Torget” – 2 2 h – 0'));
  });
});
