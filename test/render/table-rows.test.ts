/**
 * Long tables list their first rows and sum up the rest in one row; a report of
 * fewer rows is as it was. The rows are the model's (made from an export), the
 * HTML the default template's.
 */
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { makeModel } from '../../src/pipeline/make-model.js';
import { reportPeriod } from '../../src/period.js';
import type { ReportModel } from '../../src/model/report.js';
import { renderHtml } from '../../src/render/html.js';
import { rowsLeft, shownRows, TABLE_ROWS } from '../../src/render/table-rows.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
const config = configSchema.parse({ municipality: 'Strandviks kommun' });
const period = reportPeriod('2024-04-15', 14, config.timezone, config.period.history);

/** `areas` areas, area i with i + 1 incidents in the window and one the fortnight before; names that look alike in nothing. */
function exportOf(areas: number): string {
  const lines = ['Datum;Tid;Område;Kategori'];
  for (let i = 0; i < areas; i++) {
    const name = `Kvarter ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26) % 26)}-${i * 37}`;
    for (let n = 0; n <= i; n++) lines.push(`2024-04-${String(15 + (n % 14)).padStart(2, '0')};10:${String(n % 60).padStart(2, '0')};${name};Skadegörelse`);
    lines.push(`2024-04-01;09:00;${name};Skadegörelse`);
  }
  return `${lines.join('\n')}\n`;
}

/** These tables' rises are signals against the one earlier window; the rows past the first 100 a signal marks are another test's. */
function unjudged(model: ReportModel): ReportModel {
  for (const row of model.incidents.byArea) row.signal = null;
  model.signals = [];
  return model;
}

const areaTable = (html: string) => {
  const at = html.indexOf('<h2>Händelser per område</h2>');
  return html.slice(at, html.indexOf('</table>', at));
};

describe('a table of more rows than it lists', () => {
  it('lists the first rows and, past them, the rows a signal marks; sums the others', () => {
    const rows = Array.from({ length: 250 }, (_, i) => ({ name: `a${i}`, count: 250 - i, previous: 1, signal: i === 180 ? 'rise' : null }));
    const shown = shownRows(rows);
    expect(shown).toHaveLength(TABLE_ROWS + 1);
    expect(shown.at(-1)).toBe(rows[180]);
    const left = rowsLeft(rows)!;
    expect(left.rows).toBe(250 - TABLE_ROWS - 1);
    const leftOut = rows.filter((r, i) => i >= TABLE_ROWS && i !== 180);
    expect(left.sum.count).toBe(leftOut.reduce((n, r) => n + r.count, 0));
    expect(left.sum.previous).toBe(leftOut.length);
    // Every row is either listed or summed.
    expect(shown.reduce((n, r) => n + r.count, 0) + left.sum.count!).toBe(rows.reduce((n, r) => n + r.count, 0));
    expect(rowsLeft(rows.slice(0, TABLE_ROWS))).toBeNull();
    expect(shownRows(rows.slice(0, TABLE_ROWS))).toHaveLength(TABLE_ROWS);
  });

  it('prints 100 of 130 areas and one row for the other 30, with their incidents', async () => {
    const file = tmp.write('many.csv', exportOf(130));
    const { model } = await makeModel([{ file, kind: 'incidents' }], period, config);
    expect(model.incidents.byArea).toHaveLength(130);
    const table = areaTable((await renderHtml(unjudged(model))).html);
    expect(table.match(/<tr>/g)).toHaveLength(2 + TABLE_ROWS); // the header's, each area's and the total's
    // The 30 smallest: 1 + 2 + … + 30 incidents in the window, one each before.
    expect(table).toContain('<tr class="rest"><td><em>Övriga områden (30)</em></td><td class="num">465</td><td class="num prev">30</td><td class="num">+435</td>');
    expect(model.incidents.byArea.slice(TABLE_ROWS).reduce((n, a) => n + a.count, 0)).toBe(465);
  });

  it('prints every row of a report of 100 areas, as before', async () => {
    const file = tmp.write('hundred.csv', exportOf(TABLE_ROWS));
    const { model } = await makeModel([{ file, kind: 'incidents' }], period, config);
    const html = (await renderHtml(unjudged(model))).html;
    expect(areaTable(html).match(/<tr>/g)).toHaveLength(2 + TABLE_ROWS);
    expect(html).not.toContain('class="rest"');
  });
});
