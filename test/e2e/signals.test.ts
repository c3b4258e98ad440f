/**
 * Issue 17, done when: on two years of a municipality's exports with one real change planted, the
 * report names that change first on page 1 and does not call a +300 % swing on a handful of
 * incidents a change. The exports are drawn with a seeded generator; the whole command runs, and
 * real Chromium prints the PDF whose text is read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../src/period.js';
import { runCli } from '../support/cli.js';
import { pdfPages } from '../support/pdf-text.js';
import { tempDir } from '../support/tmp.js';
import { poisson, uniform } from '../stats/random.js';

const tmp = tempDir();
const ZONE = 'Europe/Stockholm';
const AREAS = ['Centrum', 'Inre hamnen', 'Norrskolan', 'Solbacken', 'Stationsområdet', 'Stadsparken', 'Västra industriområdet', 'Åsen', 'Strandängen', 'Kyrkbacken'];
const CATEGORIES = ['stöld', 'skadegörelse', 'klotter', 'ordningsstörning', 'brand', 'otrygghet'];
const REPORT = '2024-04-15';
const FIRST = '2022-04-18'; // two years of fortnights before the report window

/** Counts per fortnight for each area × category, Poisson around a mean with a season (a summer high). */
function exports(): string {
  const u = uniform(17);
  const lines = ['Datum;Tid;Område;Kategori'];
  for (let start = FIRST; start <= REPORT; start = addCalendarDays(start, 14, ZONE)) {
    const month = Number(start.slice(5, 7));
    const season = 1 + 0.35 * Math.cos(((month - 7) / 12) * 2 * Math.PI);
    AREAS.forEach((area, a) => {
      CATEGORIES.forEach((category, c) => {
        const mean = (0.4 + ((a * 7 + c * 3) % 10) / 6) * season;
        let n = poisson(u, mean);
        // The planted change: fires at Inre hamnen, about 1 a fortnight, 11 in the report window.
        if (area === 'Inre hamnen' && category === 'brand') n = start === REPORT ? 11 : poisson(u, 0.9);
        // A swing on a small base: 1 → 4 klotter at Solbacken, which happens by chance.
        if (area === 'Solbacken' && category === 'klotter') n = start === REPORT ? 4 : start === addCalendarDays(REPORT, -14, ZONE) ? 1 : poisson(u, 1.6);
        for (let i = 0; i < n; i++) lines.push(`${addCalendarDays(start, Math.floor(u() * 14), ZONE)};${String(Math.floor(u() * 24)).padStart(2, '0')}:${String(Math.floor(u() * 60)).padStart(2, '0')};${area};${category}`);
      });
    });
    // Every day of the export has a row, so that the export covers each window in full.
    for (let d = 0; d < 14; d++) lines.push(`${addCalendarDays(start, d, ZONE)};12:00;Centrum;stöld`);
  }
  return `${lines.join('\n')}\n`;
}

describe('two years of exports with one change planted', async () => {
  const incidents = tmp.write('incidents.csv', exports());
  const config = tmp.write('lagesbild.config.json', JSON.stringify({ municipality: 'Strandviks kommun', timezone: ZONE }));
  const output = join(tmp.dir, 'signal.pdf');
  const run = await runCli(['generate', '--config', config, '--incidents', incidents, '--from', REPORT, '--output', output, '--quiet']);
  const pdf = readFileSync(output);
  if (process.env.SIGNALS_PDF) writeFileSync(process.env.SIGNALS_PDF, pdf);
  const pages = await pdfPages(pdf);
  const json = JSON.parse((await runCli(['generate', '--config', config, '--incidents', incidents, '--from', REPORT, '--format', 'json', '--output', '-', '--quiet'])).stdout);

  it('names the planted change first on page 1, against its baseline, before any other part', () => {
    expect(run.code).toBe(0);
    expect(json.signals[0]).toMatchObject({ area: 'Inre hamnen', category: 'brand', direction: 'rise', count: 11, against: 'baseline' });
    const page1 = pages[0]!;
    const first = page1.indexOf('Förändringar utöver slumpen');
    expect(first).toBeGreaterThan(0);
    expect(page1.slice(first)).toMatch(/^Förändringar utöver slumpen\s*\n↑ Inre hamnen · brand ?: 11 mot baslinje \d+,?\d*\s*\nbaslinje: snitt av \d+ perioder · förra perioden \d+ · samma period i fjol \d+ · q [=<] /);
    expect(page1).toContain('falsk upptäcktsrisk 10 %');
    // Page 1 names it before the tables and the hot spots do.
    const text = pages.join('\n');
    expect(text.indexOf('Inre hamnen')).toBe(text.indexOf('Inre hamnen · brand'));
    expect(page1).toMatch(/Alla händelser per period, de 27 senaste/);
  });

  it('calls no +300 % swing on a small base a change, and prints no percent on it', () => {
    const solbacken = json.incidents.byAreaCategory.find((r: { area: string; category: string }) => r.area === 'Solbacken' && r.category === 'klotter');
    expect(solbacken).toMatchObject({ count: 4, previous: 1, changePercent: 300, signal: null });
    const text = pages.join('\n');
    expect(text).not.toContain('+300');
    expect(text).not.toMatch(/Solbacken · klotter/);
  });
});
