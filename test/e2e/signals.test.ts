/**
 * Issue 17's "done when": on two years of a 36-area municipality's exports
 * with one real change planted, the report names that change first, and a
 * +300 % swing on three incidents is not called a change. The exports are
 * drawn with a seeded generator (test/support/municipality.ts): seasons,
 * over-dispersion, busy areas and quiet ones. The built command, as a user runs it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/model/report.js';
import { runCli } from '../support/cli.js';
import { municipality } from '../support/municipality.js';

// Stöld in Södra Centrum, about 2.5 a fortnight, twelve times that in the report window.
const PLANT = { area: 'Södra Centrum', category: 'stöld', factor: 12 };
const SWING = { area: 'Västra Dalen', previous: 1, current: 4 };

describe('two years of a 36-area municipality with one real change', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lagesbild-signals-'));
  const { files, rows } = municipality({ seed: 17, plant: PLANT, swing: SWING });
  for (const f of files) writeFileSync(join(dir, f.name), f.content);
  const config = { inputs: { incidents: files.map(({ name, from, to }) => ({ file: name, from, to })) } };
  writeFileSync(join(dir, 'lagesbild.config.json'), JSON.stringify(config));

  it('names the planted change first, and not the swing from 1 to 4', async () => {
    const started = process.hrtime.bigint();
    const run = await runCli(['generate', '--from', '2024-11-25', '--format', 'json', '--output', '-', '-q'], { cwd: dir });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const model: ReportModel = JSON.parse(run.stdout);
    console.log(`${rows} rows over two years, 36 areas: the whole command ${seconds.toFixed(2)} s; ${model.signals.length} signals; tested ${JSON.stringify(model.signalMethod.tested)}`);

    expect(model.signalMethod).toMatchObject({ baselineWindows: 26, windowsKnown: 26, falseDiscoveryRate: 0.1, minPercentBase: 5 });
    expect(model.period.lastYear).toEqual({ start: '2023-11-27', end: '2023-12-10', complete: true });
    expect(model.signals[0]).toMatchObject({ area: PLANT.area, category: PLANT.category, direction: 'rise', against: 'baseline', windows: 26 });
    const first = model.signals[0]!;
    expect(first.q).toBeLessThanOrEqual(0.1);
    expect(first.history).toHaveLength(27);
    expect(first.history[0]).toBe(first.count);
    expect(first.lastYear).not.toBeNull();

    const swing = model.incidents.byArea.find((a) => a.name === SWING.area)!;
    expect(swing).toMatchObject({ count: 4, previous: 1, changePercent: 300, signal: null });
    expect(model.signals.filter((s) => s.area === SWING.area)).toEqual([]);
    expect(model.incidents.byAreaCategory.filter((c) => c.area === SWING.area).every((c) => c.signal === null)).toBe(true);

    // The planted cell's row is marked, and so is every row a signal names.
    expect(model.incidents.byAreaCategory.find((c) => c.area === PLANT.area && c.category === PLANT.category)!.signal).toBe('rise');
    for (const s of model.signals) {
      const row =
        s.area === null && s.category === null ? null
        : s.category === null ? model.incidents.byArea.find((a) => a.name === s.area)
        : s.area === null ? model.incidents.byCategory.find((c) => c.name === s.category)
        : model.incidents.byAreaCategory.find((c) => c.area === s.area && c.category === s.category);
      if (row !== null) expect(row!.signal).toBe(s.direction);
    }
    // Few signals: the rest of the municipality did not change.
    expect(model.signals.length).toBeLessThanOrEqual(6);
  }, 120_000);
});
