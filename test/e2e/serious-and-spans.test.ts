/**
 * A police-style export printed by real Chromium: the serious incidents the
 * default rules take (and the fire alarms they leave), and incidents spread
 * over their from/to span in the weekday × hour patterns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { pdfPages } from '../support/pdf-text.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();

/** n rows of a category over the fortnight from 15 April 2024, each with its from/to cells. */
function rows(n: number, category: string, span: (i: number) => [string, string] = () => ['', '']): string[] {
  return Array.from({ length: n }, (_, i) => {
    const day = String(15 + (i % 14)).padStart(2, '0');
    const [from, to] = span(i);
    return `2024-04-${day};${String(8 + (i % 12)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')};Område ${1 + (i % 3)};${category};${from};${to}`;
  });
}

const csv = [
  'Datum;Tid;Område;Kategori;Från;Till',
  ...rows(30, 'Misshandel, grov'),
  ...rows(20, 'Rån mot person'),
  ...rows(24, 'Brand i byggnad'),
  ...rows(9, 'Brandlarm, obefogat'),
  ...rows(5, 'Hotell, störning'),
  // Break-ins found in the morning: between 22:00 the evening before and 06:00.
  ...rows(6, 'Inbrott', () => ['22:00', '06:00']),
  // One whose end is before its start: counted at its report time, and warned of.
  '2024-04-20;09:00;Område 1;Inbrott;2024-04-20 06:00;2024-04-19 22:00',
].join('\n');
const file = tmp.write('polisen.csv', csv + '\n');

describe('serious incidents and from/to spans, printed by real Chromium', async () => {
  const output = join(tmp.dir, 'report.pdf');
  const run = await runCli(['generate', '--incidents', file, '--from', '2024-04-15', '--output', output]);
  const pages = await pdfPages(readFileSync(output));
  const text = pages.join('\n');
  const json = await runCli(['generate', '--incidents', file, '--from', '2024-04-15', '--format', 'json', '-o', '-', '--quiet']);
  const model = JSON.parse(json.stdout);

  it('lists the serious incidents by default, names the categories taken, and says it shows 40 of 74', () => {
    expect(run.code).toBe(0);
    expect(model.notable).toMatchObject({ total: 74, shown: 40, serious: 74, flagged: 0, rulesFrom: 'default', categories: ['Misshandel, grov', 'Brand i byggnad', 'Rån mot person'] });
    const notable = text.slice(text.lastIndexOf('Särskilda händelser'));
    expect(notable).toMatch(/Allvarliga kategorier under perioden: Misshandel, grov, Brand i\s+byggnad, Rån mot person\./);
    expect(notable).toMatch(/Listan visar\s+40\s+av\s+74, de första i tid\./);
    expect(notable).toMatch(/ett brandlarm räknas inte/);
    expect(notable).not.toContain('Brandlarm, obefogat');
  });

  it('spreads the break-ins over their nights, says how many had only a report time, and warns of the span it could not use', () => {
    expect(model.timePatterns).toMatchObject({ spread: 6, reportTimeOnly: 89, withoutTime: 0 });
    const grid: number[][] = model.timePatterns.weekdayHour;
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBeCloseTo(95, 9);
    expect(model.incidents.total).toBe(95);
    // 15–20 April, Monday to Saturday, each found the morning after a night from 22:00: 1/8 in each of its hours.
    expect(grid[6]![22]).toBeCloseTo(1 / 8, 9); // Sunday 14 April 22:00, the night before Monday's
    expect(grid[0]![3]).toBeCloseTo(1 / 8, 9);
    expect(model.timePatterns.spanWarnings).toEqual([
      { file, line: 96, column: 6, code: 'span.endBeforeStart', reason: 'Till: end "2024-04-19 22:00" is before the start; counted at its report time' },
    ]);
    expect(run.stderr).toContain(`${file}:96:6: Till: end "2024-04-19 22:00" is before the start; counted at its report time`);
    const time = pages.find((p) => p.includes('Tid och veckodag'))!;
    expect(time).toMatch(/6 händelser med en tid från–till är utspridda lika över timmarna/);
    expect(time).toMatch(/89\s+av\s+95\s+händelser\s+hade\s+bara\s+en\s+anmälningstid/);
    expect(time).toMatch(/Händelser\s+vars\s+tid\s+från–till\s+inte\s+gick\s+att\s+använda:\s+1;\s+de\s+räknas\s+vid\s+anmälningstiden/);
    expect(time).toContain('0,1'); // a share of 1/8, rounded for the eye
  });
});
