/**
 * 8,000 areas × 500 categories: the model and the JSON grow with the rows, not
 * with the 4 million cells of the full table, and the report says where the
 * counts are instead of laying the table out.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/model/report.js';
import { runCli } from '../support/cli.js';

const AREAS = 8000;
const CATEGORIES = 500;

describe('a report of 8,000 areas and 500 categories', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lagesbild-many-'));
  const csv = join(dir, 'incidents.csv');
  const lines = ['Datum;Tid;Område;Kategori'];
  // Each area twice in the window, in two categories: 16,000 rows, at most 16,000 pairs.
  for (let i = 0; i < AREAS; i++) {
    const day = String(15 + (i % 14)).padStart(2, '0');
    lines.push(`2024-04-${day};10:00;Kvarter ${i};Kategori ${i % CATEGORIES}`, `2024-04-${day};11:00;Kvarter ${i};Kategori ${(i * 7 + 1) % CATEGORIES}`);
  }
  writeFileSync(csv, `${lines.join('\n')}\n`);
  const args = ['generate', '--incidents', csv, '--from', '2024-04-15', '--to', '2024-04-28', '--output', '-'];

  it('gives the JSON with every pair in byAreaCategory and the matrix without its rows', async () => {
    const run = await runCli([...args, '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    const model: ReportModel = JSON.parse(run.stdout);
    expect(model.incidents.total).toBe(2 * AREAS);
    expect(model.incidents.matrix).toMatchObject({ rowsOmitted: true, rows: [], areaCount: AREAS, categoryCount: CATEGORIES });
    expect(model.incidents.matrix.categories).toHaveLength(CATEGORIES);
    expect(model.incidents.matrix.total.count).toBe(2 * AREAS);
    expect(model.incidents.byAreaCategory.reduce((n, p) => n + p.count, 0)).toBe(2 * AREAS);
    // Grows with the rows: well under a megabyte per thousand rows, where the dense table was hundreds of MB.
    console.log(`JSON of ${2 * AREAS} rows, ${AREAS} × ${CATEGORIES}: ${(run.stdoutBytes.length / 2 ** 20).toFixed(1)} MB`);
    expect(run.stdoutBytes.length).toBeLessThan(20 * 2 ** 20);
  }, 120_000);

  it('prints, instead of the table, where the counts are', async () => {
    const run = await runCli([...args, '--format', 'html'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Tabellen skulle få 8\u00a0000 områden × 500 kategorier, för många för att skrivas ut. Varje område och kategori med händelser finns i JSON-rapporten (--format json), under incidents.byAreaCategory.');
    const matrix = run.stdout.slice(run.stdout.indexOf('<section class="matrix">'));
    expect(matrix.slice(0, matrix.indexOf('</section>'))).not.toContain('<table');
  }, 120_000);

});
