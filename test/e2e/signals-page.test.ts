/**
 * What a reader of page 1 sees of issue 17's "done when": on two years of a 36-area municipality's
 * exports with one real change planted (test/support/municipality.ts, the model's own test data),
 * the PDF names that change first, against its baseline and beside last year, and does not call
 * a 1 → 4 swing a change nor print its +300 %. The whole command runs; real Chromium prints it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/model/report.js';
import { runCli } from '../support/cli.js';
import { municipality } from '../support/municipality.js';
import { pdfPages } from '../support/pdf-text.js';

const PLANT = { area: 'Södra Centrum', category: 'stöld', factor: 12 };
const SWING = { area: 'Västra Dalen', previous: 1, current: 4 };

describe('page 1 of two years of a municipality with one real change', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lagesbild-signals-page-'));
  const { files } = municipality({ seed: 17, plant: PLANT, swing: SWING });
  for (const f of files) writeFileSync(join(dir, f.name), f.content);
  writeFileSync(join(dir, 'lagesbild.config.json'), JSON.stringify({ municipality: 'Strandviks kommun', inputs: { incidents: files.map(({ name, from, to }) => ({ file: name, from, to })) } }));
  const run = await runCli(['generate', '--from', '2024-11-25', '--output', 'signal.pdf', '-q'], { cwd: dir });
  const pdf = readFileSync(join(dir, 'signal.pdf'));
  if (process.env.SIGNALS_PDF) writeFileSync(process.env.SIGNALS_PDF, pdf);
  const pages = await pdfPages(pdf);
  const model: ReportModel = JSON.parse((await runCli(['generate', '--from', '2024-11-25', '--format', 'json', '--output', '-', '-q'], { cwd: dir })).stdout);

  it('names the planted change first on page 1, against its baseline and last year, before any other part', () => {
    expect(run.code).toBe(0);
    expect(model.signals[0]).toMatchObject({ area: PLANT.area, category: PLANT.category, direction: 'rise', against: 'baseline' });
    const page1 = pages[0]!;
    const at = page1.indexOf('Förändringar utöver slumpen');
    expect(at).toBeGreaterThan(0);
    const { count, windows, lastYear } = model.signals[0]!;
    expect(page1.slice(at)).toMatch(
      new RegExp(`^Förändringar utöver slumpen\\s*\\n↑ ${PLANT.area} · ${PLANT.category} ?: ${count} mot baslinje [\\d,]+[^\\n]*\\nbaslinje: snitt av ${windows} perioder · förra perioden \\d+ · samma period i fjol ${lastYear} · q [=<] `),
    );
    expect(page1).toContain('falsk upptäcktsrisk 10 %');
    // Named on page 1 before the tables and the hot spots name it.
    const text = pages.join('\n');
    expect(text.indexOf(PLANT.area)).toBe(text.indexOf(`${PLANT.area} · ${PLANT.category}`));
    expect(page1).toMatch(/Alla händelser per period, de 27 senaste/);
    // At most five on page 1; any more are pointed to.
    const shown = (page1.match(/^[↑↓] (?![+−±])/gm) ?? []).length; // not the total's ↑ +8
    expect(shown).toBe(Math.min(5, model.signals.length));
    if (model.signals.length > 5) expect(page1).toContain(`och ${model.signals.length - 5} till, markerade i tabellerna nedan.`);
  });

  it('calls no +300 % swing on a small base a change, and prints no percent on it', () => {
    expect(model.incidents.byArea.find((a) => a.name === SWING.area)).toMatchObject({ count: 4, previous: 1, changePercent: 300, signal: null });
    const text = pages.join('\n');
    expect(text).not.toContain('+300');
    expect(text).toMatch(new RegExp(`${SWING.area}\\s+4\\s+1\\s+↑ \\+3\\s+1 till 4`));
  });
});
