/**
 * The report leads with its signals (issue 17): page 1 names what rose or fell beyond chance and
 * against what, or says nothing did; a percent on a small base is not printed; only a signal is
 * marked and coloured in the tables; the trend of the tallied windows is drawn. Models are made
 * from an export and given the signals the model's tests decide (the JSON contract of issue 17),
 * so that what the page says of a signal is tested apart from how one is found.
 */
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import type { ReportModel } from '../../src/model/report.js';
import { addCalendarDays, reportPeriod } from '../../src/period.js';
import { makeModel } from '../../src/pipeline/make-model.js';
import { findChromium } from '../../src/render/find-chromium.js';
import { renderHtml } from '../../src/render/html.js';
import { printPdf } from '../../src/render/pdf.js';
import type { Signal, SignalMethod } from '../../src/render/signals.js';
import { pdfPages } from '../support/pdf-text.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
const config = configSchema.parse({ municipality: 'Strandviks kommun' });
const period = reportPeriod('2024-04-15', 14, config.timezone, config.period.history);

/** n incidents of a category in an area, on days from `first` on. */
const rows = (n: number, first: string, area: string, category: string) =>
  Array.from({ length: n }, (_, i) => `${addCalendarDays(first, i % 14, config.timezone)};${String(8 + (i % 12)).padStart(2, '0')}:15;${area};${category}`);
const csv = [
  'Datum;Tid;Område;Kategori',
  ...rows(14, '2024-04-01', 'Centrum', 'stöld'),
  ...rows(2, '2024-04-01', 'Inre hamnen', 'brand'),
  ...rows(3, '2024-04-01', 'Norrskolan', 'skadegörelse'),
  ...rows(15, '2024-04-15', 'Centrum', 'stöld'),
  ...rows(11, '2024-04-15', 'Inre hamnen', 'brand'),
  ...rows(9, '2024-04-15', 'Norrskolan', 'skadegörelse'),
].join('\n');
const file = tmp.write('incidents.csv', `${csv}\n`);

/** 27 windows, newest first; the oldest is the same weeks last year. */
const tallied = Array.from({ length: 27 }, (_, i) => {
  const start = addCalendarDays('2024-04-15', -14 * i, config.timezone);
  return { start, end: addCalendarDays(start, 13, config.timezone), complete: i < 2 || (i > 6 && i !== 12) };
});
/** A series' counts per window: now, before, and a baseline around `level` (unknown where not covered). */
const series = (now: number, before: number, level: number) => tallied.map((w, i) => (i === 0 ? now : i === 1 ? before : w.complete ? level + (i % 3) - 1 : null));

const HAMNEN_BRAND: Signal = { area: 'Inre hamnen', category: 'brand', direction: 'rise', count: 11, expected: 1.5, previous: 2, lastYear: 1, p: 0.00002, q: 0.0004, against: 'baseline', windows: 20, history: series(11, 2, 2) };
const HAMNEN: Signal = { ...HAMNEN_BRAND, category: null, p: 0.0001, q: 0.001, history: series(11, 2, 2) };

/** The model of the export with the keys of issue 17 as the model would give them. */
async function reportWith(signals: Signal[], method: Partial<SignalMethod> = {}): Promise<ReportModel> {
  const model = (await makeModel([{ file, kind: 'incidents' }], period, config, { language: 'sv' })).model;
  const signalMethod: SignalMethod = { tested: { total: 1, areas: 3, categories: 3, cells: 3 }, falseDiscoveryRate: 0.1, baselineWindows: 26, windowsKnown: 20, minPercentBase: 5, ...method };
  const direction = (area: string | null, category: string | null) => signals.find((s) => s.area === area && s.category === category)?.direction ?? null;
  const baseline = { windows: signalMethod.windowsKnown, mean: 30, sd: 4 };
  const m = model as unknown as Record<string, unknown> & ReportModel;
  Object.assign(m, { signals, signalMethod });
  Object.assign(m.period, { tallied, lastYear: tallied[26] });
  Object.assign(m.incidents, { history: series(m.incidents.total, m.incidents.previousTotal!, 30), lastYear: 31, baseline });
  for (const row of m.incidents.byArea) Object.assign(row, { signal: direction(row.name, null), lastYear: null, baseline });
  for (const row of m.incidents.byCategory) Object.assign(row, { signal: direction(null, row.name), lastYear: null, baseline });
  for (const row of m.incidents.byAreaCategory) Object.assign(row, { signal: direction(row.area, row.category), lastYear: null, baseline });
  return model;
}

if (process.env.SIGNALS_DUMP) {
  const { writeFileSync } = await import('node:fs');
  const html = await renderHtml(await reportWith([HAMNEN_BRAND, HAMNEN]));
  writeFileSync(`${process.env.SIGNALS_DUMP}.html`, html.html);
  writeFileSync(`${process.env.SIGNALS_DUMP}.pdf`, await printPdf(html, { executablePath: findChromium() }));
}

async function pdfText(model: ReportModel): Promise<string[]> {
  const pdf = Buffer.from(await printPdf(await renderHtml(model), { executablePath: findChromium() }));
  // Every mark and word in the embedded typeface: no system font crept in.
  expect(pdf.includes('LiberationSans') || pdf.includes('DejaVu')).toBe(false);
  return pdfPages(pdf);
}
/** The opening tag of the table row whose first cell holds `name`. */
const rowOf = (html: string, section: string, name: string) => {
  const part = html.slice(html.indexOf(`<h2>${section}</h2>`));
  return part.slice(0, part.indexOf('</section>')).match(new RegExp(`<tr[^>]*><td>(?:<span class="mark[^"]*"[^>]*>.</span>)?${name}</td>[\\s\\S]*?</tr>`))?.[0];
};

describe('the report leads with its signals', () => {
  it('names a signal on page 1, before every other part, against its baseline and beside last year', async () => {
    const pages = await pdfText(await reportWith([HAMNEN_BRAND, HAMNEN]));
    const text = pages.join('\n');
    expect(pages[0]).toContain('Förändringar utöver slumpen');
    // A mean of 1,5 is too small a base for a percent.
    expect(pages[0]).toMatch(/↑ Inre hamnen · brand ?: 11 mot baslinje 1,5\s+baslinje: snitt av 20 perioder · förra perioden 2 · samma period i fjol 1 · q < 0,001/);
    expect(pages[0]).toMatch(/↑ Inre hamnen, alla kategorier ?: 11 mot baslinje 1,5/);
    // The strongest first, and Inre hamnen named first on page 1 of the report for its signal.
    expect(pages[0]!.indexOf('Inre hamnen · brand')).toBeLessThan(pages[0]!.indexOf('Inre hamnen, alla kategorier'));
    expect(text.indexOf('Inre hamnen')).toBe(text.indexOf('Inre hamnen · brand'));
    expect(text.indexOf('Inre hamnen · brand')).toBeLessThan(text.indexOf('Brännpunkter'));
    expect(pages[0]).toContain('falsk upptäcktsrisk 10 %');
    // The trend of the total, with the report window and last year marked.
    expect(pages[0]).toMatch(/Alla händelser per period, de 27 senaste/);
  });

  it('says so when nothing changed beyond chance, and what was tested', async () => {
    const [page1] = await pdfText(await reportWith([]));
    expect(page1).toContain('Inga förändringar utöver slumpen.');
    expect(page1).toContain('3 områden, 3 kategorier, 3 kombinationer av område och kategori och totalen prövades mot baslinjen av 20 perioder; falsk upptäcktsrisk 10 %.');
    expect(page1).toContain('Baslinjen bygger på 20 av 26 perioder');
    expect(page1).not.toContain('Störst ökning');
  });

  it('says when the baseline is thin, or there is none and the previous window is what was tested against', async () => {
    const thin = (await renderHtml(await reportWith([], { windowsKnown: 6 }))).html;
    expect(thin).toContain('Tunn baslinje: underlaget täcker bara 6 av 26 perioder före denna');
    const previous: Signal = { ...HAMNEN_BRAND, against: 'previous', expected: 2, windows: 1 };
    const none = (await renderHtml(await reportWith([previous], { windowsKnown: 1 }))).html;
    expect(none).toContain('Ingen baslinje: underlaget täcker för få perioder före denna (1; minst 4 behövs)');
    expect(none).toContain('<strong>Inre hamnen · brand</strong>: 11 mot 2 förra perioden<br><span class="detail">ingen baslinje (för få perioder) · samma period i fjol 1');
    const nothing = (await renderHtml(await reportWith([], { windowsKnown: 0, tested: { total: 0, areas: 0, categories: 0, cells: 0 } }))).html;
    expect(nothing).toContain('Ingen prövning: underlaget täcker ingen tidigare period helt.');
    expect(nothing).not.toMatch(/Ingen baslinje|Inga förändringar utöver slumpen/);
  });

  it('prints no percent on a base of 3, and the counts instead', async () => {
    const model = await reportWith([HAMNEN_BRAND, HAMNEN]);
    const text = (await pdfText(model)).join('\n');
    expect(text).toMatch(/Norrskolan\s+9\s+3\s+↑ \+6\s+3 till 9/);
    expect(text).not.toContain('+200');
    // 2 till 11 in Inre hamnen: a signal, but still no percent on a base of 2.
    expect(text).toMatch(/Inre hamnen\s+11\s+2\s+↑ \+9\s+2 till 11/);
    expect(text).not.toContain('+450');
    // Centrum's 14 → 15 is a base of 14: its percent is printed.
    expect(text).toMatch(/Centrum\s+15\s+14\s+↑ \+1\s+\+7,1 %/);
  });

  it('marks and colours a signal row in the tables, and no other rise', async () => {
    const { html } = await renderHtml(await reportWith([HAMNEN_BRAND, HAMNEN]));
    expect(rowOf(html, 'Händelser per område', 'Inre hamnen')).toMatch(/^<tr class="signal rise"><td><span class="mark rise" title="ökning utöver slumpen">↑<\/span>Inre hamnen/);
    // Norrskolan rose from 3 to 9 and is no signal: nothing marks it, nothing colours it.
    const norrskolan = rowOf(html, 'Händelser per område', 'Norrskolan')!;
    expect(norrskolan).toMatch(/^<tr><td>Norrskolan<\/td>/);
    expect(norrskolan).not.toMatch(/signal|rise|strong|mark/);
    expect(rowOf(html, 'Händelser per kategori', 'skadegörelse')).not.toMatch(/signal|rise|mark/);
    // The cell Inre hamnen × brand is framed; the matrix colours no other cell.
    const matrix = html.slice(html.indexOf('<section class="matrix">'), html.indexOf('</section>', html.indexOf('<section class="matrix">')));
    expect(matrix.match(/class="num signal rise"/g)).toHaveLength(1);
    expect(matrix.match(/class="num total signal rise"/g)).toHaveLength(1);
    expect(matrix).not.toMatch(/class="num rise|strong/);
    // The CSS colours a change only as a signal.
    expect(html).not.toMatch(/(^|\})\s*\.rise\s*\{/);
  });

  it('draws the trend with the report window and last year marked, and a gap where a window is not covered', async () => {
    const { html } = await renderHtml(await reportWith([HAMNEN_BRAND]));
    const chart = html.slice(html.indexOf('<figure class="trend">'), html.indexOf('</figure>', html.indexOf('<figure class="trend">')));
    expect(chart).toContain('<title>Händelser per period</title>');
    expect(chart).toContain('>i fjol 31<'); // tallied[26]: level 30 + (26 % 3) − 1
    expect(chart).toContain('>nu 35<');
    // Windows 2–6 and 12 are not covered: three runs of line (0–1, 7–11, 13–26).
    expect(chart.match(/<polyline/g)).toHaveLength(3);
    expect(chart.match(/>–</g)).toHaveLength(6);
    // A sparkline for each signal shown on page 1.
    expect(html.match(/<td class="spark"><svg/g)).toHaveLength(1);
  });
});
