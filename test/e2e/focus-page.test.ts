/**
 * Page 1 leads with where and when to act (issue 18): on a small municipality whose answer is
 * known by hand, the PDF's "Fokus kommande period" names first the harbour whose Friday and
 * Saturday nights rose from none and had no round, with its hours across midnight and why; the
 * patrolled square after it. The notable list and the appendix name the sources. Real Chromium.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/model/report.js';
import { addCalendarDays } from '../../src/period.js';
import { runCli } from '../support/cli.js';
import { pdfPages } from '../support/pdf-text.js';

/** Words as the PDF's text has them: a line may break at any space. */
const words = (text: string) => new RegExp(text.replace(/[()+.]/g, '\\$&').replace(/ /g, '\\s+'));
const day = (i: number) => addCalendarDays('2024-04-15', i, 'Europe/Stockholm');

/**
 * Hamnen: three nights 22–02 (Friday 19, Saturday 20, Friday 26 April), four incidents each, none
 * before; the Friday ones from citizens, the Saturday ones from the guards. Torget: one theft a day
 * at 10:15 in both windows, from the municipality (the first of the window with no source, one of
 * them a threat), and a round of an hour at 10:00 every day of the window.
 */
function exports(): { incidents: string; patrols: string } {
  const rows = ['Datum;Tid;Område;Kategori;Källa'];
  for (const [night, source] of [[4, 'Medborgare'], [5, 'Väktare'], [11, 'Medborgare']] as const) {
    for (const time of ['22:30', '23:30']) rows.push(`${day(night)};${time};Hamnen;skadegörelse;${source}`);
    for (const time of ['00:30', '01:30']) rows.push(`${day(night + 1)};${time};Hamnen;skadegörelse;${source}`);
  }
  for (let i = -14; i < 14; i++) rows.push(`${day(i)};10:15;Torget;${i === 3 ? 'hot' : 'stöld'};${i === 0 ? '' : 'Kommunen'}`);
  const rounds = ['Starttid;Sluttid;Område'];
  for (let i = 0; i < 14; i++) rounds.push(`${day(i)} 10:00;${day(i)} 11:00;Torget`);
  return { incidents: `${rows.join('\n')}\n`, patrols: `${rounds.join('\n')}\n` };
}

async function report(language: 'sv' | 'en') {
  const dir = mkdtempSync(join(tmpdir(), 'lagesbild-focus-'));
  const { incidents, patrols } = exports();
  writeFileSync(join(dir, 'incidents.csv'), incidents);
  writeFileSync(join(dir, 'patrols.csv'), patrols);
  const covers = { from: '2024-04-01', to: '2024-04-28' };
  const config = { municipality: 'Testvik', language, inputs: { incidents: [{ file: 'incidents.csv', ...covers }], patrols: [{ file: 'patrols.csv', ...covers }] } };
  writeFileSync(join(dir, 'lagesbild.config.json'), JSON.stringify(config));
  const run = await runCli(['generate', '--from', '2024-04-15', '--output', 'focus.pdf', '-q'], { cwd: dir });
  const model: ReportModel = JSON.parse((await runCli(['generate', '--from', '2024-04-15', '--format', 'json', '--output', '-', '-q'], { cwd: dir })).stdout);
  return { run, model, pages: await pdfPages(readFileSync(join(dir, 'focus.pdf'))) };
}

describe('Fokus kommande period on page 1', async () => {
  const sv = await report('sv');

  it('ranks the place with a real rise and no rounds first, with its nights across midnight', () => {
    expect(sv.run.code).toBe(0);
    expect(sv.model.focus.map((f) => [f.rank, f.area, f.incidents, f.rounds, f.minutes])).toEqual([
      [1, 'Hamnen', 12, 0, 0],
      [2, 'Torget', 14, 14, 840],
    ]);
    expect(sv.model.focus[0]!.when).toEqual([{ weekdays: [4, 5], hours: [22, 2], incidents: 12, share: 100 }]);
    // The report times: Friday and Saturday 22 and 23, Saturday and Sunday 00 and 01, none patrolled.
    expect(sv.model.focus[0]!.uncoveredHours).toBe(8);
  });

  it('prints the list after the summary on page 1: place, when, why and patrols in words', () => {
    const page1 = sv.pages[0]!;
    const at = page1.indexOf('Fokus kommande period');
    expect(at).toBeGreaterThan(page1.indexOf('Sammanfattning'));
    const focus = page1.slice(at);
    expect(focus).toMatch(/1\s+Hamnen/);
    expect(focus).toContain('fre–lör 22–02');
    expect(focus).toMatch(words('12 händelser (46,2 % av alla); ökning utöver slumpen: 12 mot 0 förra perioden; brännpunkt, ny; 8 timmar i veckan med händelse och ingen rond'));
    expect(focus).toContain('inga ronder');
    expect(focus).toMatch(words('Källor: Medborgare 8, Väktare 4'));
    expect(focus).toMatch(/2\s+Torget/);
    expect(focus).toMatch(/14 ronder, 14 h/);
    expect(focus.indexOf('Hamnen')).toBeLessThan(focus.indexOf('Torget'));
  });

  it('names the source of a notable incident, and counts every incident of the window by source in the appendix', () => {
    const text = sv.pages.join('\n');
    expect(sv.model.notable.items.map((n) => [n.area, n.category, n.source])).toEqual([['Torget', 'hot', 'Kommunen']]);
    expect(sv.model.incidents.bySource).toEqual([
      { source: 'Kommunen', count: 13 },
      { source: 'Medborgare', count: 8 },
      { source: 'Väktare', count: 4 },
      { source: null, count: 1 },
    ]);
    expect(sv.model.incidents.bySource.reduce((n, s) => n + s.count, 0)).toBe(sv.model.incidents.total);
    const appendix = text.slice(text.indexOf('Händelser per källa'));
    expect(appendix).toMatch(/Kommunen\s+13\s+Medborgare\s+8\s+Väktare\s+4\s+okänd\s+1\s+Totalt\s+26/);
  });

  it('speaks English with --language en', async () => {
    const en = await report('en');
    const focus = en.pages[0]!.slice(en.pages[0]!.indexOf('Focus for the coming period'));
    expect(focus).toContain('Fri–Sat 22–02');
    expect(focus).toMatch(words('12 incidents (46.2 % of all); rise beyond chance: 12 against 0 in the previous period; hot spot, new'));
    expect(focus).toContain('no rounds');
  });
});
