/**
 * Names of 110 unbroken characters (issue 16): every table keeps its numbers
 * on the page, the names wrap there (or are cut with "…" where a name cannot
 * wrap: the matrix's standing headings, the maps' labels), and the JSON keeps
 * them whole.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/model/report.js';
import { cutName } from '../../src/render/long-names.js';
import { MAP_LABEL } from '../../src/render/maps.js';
import { ROOT, runCli } from '../support/cli.js';
import { pdfPages, pdfPlacedTexts } from '../support/pdf-text.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
const long = (stem: string) => (stem + 'MW'.repeat(60)).slice(0, 110);
const AREAS = [long('Norraindustriområdetvidgamlahamnen'), long('Södrabostadsområdet'), 'Stadsparken', 'Torget'];
const CATEGORIES = [long('ordningsstörningmedskadegörelse'), long('otrygghetikollektivtrafiken'), 'stöld'];
const PATROL_ONLY = long('Enbartpatrullområde');

// The demo's map, with two of its areas under the long names, and a point inside each area the incidents name.
const geo = JSON.parse(readFileSync(join(ROOT, 'fixtures/strandvik-omraden.geojson'), 'utf8'));
[0, 1, 3, 2].forEach((feature, i) => (geo.features[feature].properties.NAMN = AREAS[i]));
const inside = (feature: number) => {
  const ring: [number, number][] = geo.features[feature].geometry.coordinates[0][0];
  return [ring.reduce((s, p) => s + p[1], 0) / ring.length, ring.reduce((s, p) => s + p[0], 0) / ring.length].map(Math.round);
};
const positions = [0, 1, 3, 2].map(inside);
tmp.write('areas.geojson', JSON.stringify(geo));
tmp.write('lagesbild.config.json', JSON.stringify({ municipality: 'Långnamnsby kommun', seriousCategories: [CATEGORIES[0]], map: { areas: 'areas.geojson' } }));

const incidents = ['Datum;Tid;Område;Kategori;Beskrivning;Nordkoordinat;Östkoordinat'];
let n = 0;
for (let day = 1; day <= 28; day++)
  AREAS.forEach((area, a) =>
    CATEGORIES.forEach((category, c) => {
      if ((day + a + c) % 3) return;
      const description = n === 60 ? 'beskrivningutanmellanrum'.repeat(5) : `Händelse ${n}`;
      incidents.push(`2024-04-${String(day).padStart(2, '0')};${String(8 + (n++ % 14)).padStart(2, '0')}:15;${area};${category};${description};${positions[a]![0]};${positions[a]![1]}`);
    }),
  );
tmp.write('incidents.csv', `${incidents.join('\n')}\n`);
const patrols = ['Starttid;Sluttid;Område;Väktare;Avvikelse'];
for (let day = 1; day <= 28; day++)
  for (let a = 0; a < AREAS.length; a += (day % 2) + 1) patrols.push(`2024-04-${String(day).padStart(2, '0')} 21:00;2024-04-${String(day).padStart(2, '0')} 22:10;${AREAS[a]};Väktare 1;`);
patrols.push(`2024-04-20 21:00;2024-04-20 22:00;${PATROL_ONLY};Väktare 2;`);
tmp.write('patrols.csv', `${patrols.join('\n')}\n`);

const args = ['generate', '--config', join(tmp.dir, 'lagesbild.config.json'), '--incidents', join(tmp.dir, 'incidents.csv'), '--patrols', join(tmp.dir, 'patrols.csv'), '--from', '2024-04-15'];
/** A4 with the PDF's 16 mm side margins, in points; two points' leeway for the running header's last glyph and a full line's trailing space. */
const LEFT = (16 / 25.4) * 72;
const RIGHT = 595.28 - LEFT;
const LEEWAY = 2;
/** A name as a pattern that allows a line break anywhere in it. */
const wrapped = (name: string) => [...name].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');

describe('a report whose area and category names are 110 unbroken characters', () => {
  it('keeps every name whole in the JSON', async () => {
    const run = await runCli([...args, '--format', 'json', '--output', '-']);
    expect(run.code).toBe(0);
    const model: ReportModel = JSON.parse(run.stdout);
    expect(model.incidents.byArea.map((a) => a.name)).toEqual(expect.arrayContaining(AREAS));
    expect(model.incidents.byCategory.map((c) => c.name)).toEqual(expect.arrayContaining(CATEGORIES));
    expect(model.incidents.matrix.categories).toEqual(expect.arrayContaining(CATEGORIES));
    expect(model.patrols.byArea.map((a) => a.name)).toEqual(expect.arrayContaining([AREAS[0], PATROL_ONLY]));
    expect(model.map!.areas.map((a) => a.name)).toEqual(expect.arrayContaining(AREAS));
    expect(model.notable.items.map((i) => i.category)).toContain(CATEGORIES[0]);
  }, 60_000);

  it('prints every table with all its numbers inside the printable width, and the names readable', async () => {
    const output = join(tmp.dir, 'report.pdf');
    const run = await runCli([...args, '--output', output]);
    expect(run.code).toBe(0);
    const pdf = readFileSync(output);
    const outside = (await pdfPlacedTexts(pdf)).filter((t) => t.left < LEFT - LEEWAY || t.right > RIGHT + LEEWAY);
    expect(outside.map((t) => `page ${t.page}: ${t.str.slice(0, 30)} at ${t.left.toFixed(1)}–${t.right.toFixed(1)} pt`)).toEqual([]);

    // Each table's rows, a wrapped name first and then all its numbers: cut off at the page's edge, they would not be in the PDF at all.
    const text = (await pdfPages(pdf)).join('\n');
    const [north, south] = AREAS.map(wrapped);
    const section = (heading: string, next: string) => text.slice(text.indexOf(`${heading} \n`), text.indexOf(`${next} \n`));
    const areas = section('Händelser per område', 'Händelser per kategori');
    expect(areas).toContain('Område Perioden Förra Förändring %');
    for (const area of AREAS) expect(areas).toMatch(new RegExp(`${wrapped(area)}\\s+14 14 = ±0 ±0 %`));
    expect(areas).toContain('Totalt 56 56 = ±0 ±0 %');
    const categories = section('Händelser per kategori', 'Område × kategori');
    expect(categories).toMatch(new RegExp(`${wrapped(CATEGORIES[0]!)}\\s+19 18 ↑ \\+1 \\+5,6 %`));
    expect(categories).toMatch(new RegExp(`${wrapped(CATEGORIES[1]!)}\\s+18 19 ↓ −1 −5,3 %`));
    expect(categories).toContain('stöld 19 19 = ±0 ±0 %');
    expect(text).toMatch(new RegExp(`Brännpunkter[\\s\\S]*${north}\\s+14 25 % 25 % bestående 14 · 14`));
    expect(text).toMatch(new RegExp(`Område × kategori[\\s\\S]*${north}\\s+5\\s+\\(5\\)\\s+5\\s+\\(4\\)\\s+4\\s+\\(5\\)\\s+14\\s+\\(14\\)`));
    expect(text).toMatch(new RegExp(`Bevakning mot händelser[\\s\\S]*${north}\\s+14 14 16 h 20 min 0,9 0`));
    expect(text).toMatch(new RegExp(`Bevakning per område[\\s\\S]*${south}\\s+7 8 h 10 min 7 8 h 10 min[\\s\\S]*${wrapped(PATROL_ONLY)}\\s+1 1 h 0 0 min`));
    expect(text).toMatch(new RegExp(`Särskilda händelser[\\s\\S]*15 apr 08:15 ${north}\\s+${wrapped(CATEGORIES[0]!)}\\s+Händelse \\d+\\s+okänd\\s+kategori`));
    // Page 1 names the signals (none here: tested against one earlier window), not the largest risers: the long name is in the categories' table above.
    // Where a name cannot wrap, its start and end with "…" between them.
    expect(text).toContain(`stöld ${cutName(CATEGORIES[0]!, 40)} ${cutName(CATEGORIES[1]!, 40)} Totalt`);
    expect(text).toContain(cutName(AREAS[0]!, MAP_LABEL));
  }, 120_000);
});
