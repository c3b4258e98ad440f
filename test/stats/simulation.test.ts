/**
 * The method held to what it claims, on counts drawn with a seeded generator:
 * over many reports of 400 cells with nothing changed, the share of chance
 * signals stays at most the false discovery rate asked for — for Poisson noise
 * and for noise that varies more — and a planted change is found.
 */
import { describe, expect, it } from 'vitest';
import { conditionalP } from '../../src/stats/change.js';
import { DEFAULT_FALSE_DISCOVERY_RATE as Q, discoveries, testChanges, type ChangeInput } from '../../src/stats/index.js';
import { negativeBinomial, poisson, uniform } from './random.js';

const RUNS = 200;
const CELLS = 400;
const WINDOWS = 26;
// Under no change a report's false discovery proportion is 1 if it has any signal, else 0; a
// method exactly at the rate asked for would average Q over RUNS reports with a standard error
// of √(Q(1 − Q)/RUNS) = 0.021. Two standard errors of room keep the test from failing on a
// seed's luck while a method at 1.5·Q fails it.
const TOLERANCE = 2 * Math.sqrt((Q * (1 - Q)) / RUNS);

type Draw = (u: () => number, mean: number, cell: number) => number;
const poissonNoise: Draw = (u, mean) => poisson(u, mean);
// Size 1: variance mean + mean², an underlying rate that swings by ±100 % between windows.
const strongNoise: Draw = (u, mean) => negativeBinomial(u, mean, 1);
const mixedNoise: Draw = (u, mean, cell) => (cell % 2 === 0 ? poisson(u, mean) : negativeBinomial(u, mean, 1));

interface Outcome {
  /** The mean over runs of the false discovery proportion. */
  fdr: number;
  /** Mean discoveries a report. */
  perReport: number;
  /** Share of runs in which the planted cell was a discovery. */
  found: number;
}

/** Cell 0 carries the planted change, if any; the others have means 0.5…10 and do not change. */
function simulate(draw: Draw, plant?: { from: number; to: number }, pValues = (inputs: ChangeInput[]) => testChanges(inputs).map((t) => t!.p)): Outcome {
  let fdp = 0;
  let total = 0;
  let found = 0;
  for (let run = 1; run <= RUNS; run++) {
    const u = uniform(run * 7919);
    const inputs = Array.from({ length: CELLS }, (_, cell) => {
      const mean = plant && cell === 0 ? plant.from : 0.5 + (cell % 20) * 0.5;
      const baseline = Array.from({ length: WINDOWS }, () => draw(u, mean, cell));
      return { current: draw(u, plant && cell === 0 ? plant.to : mean, cell), baseline };
    });
    const signals = discoveries(pValues(inputs).map((p, cell) => ({ cell, p }))).filter((t) => t.discovery);
    const chance = signals.filter((t) => !(plant && t.cell === 0)).length;
    fdp += signals.length > 0 ? chance / signals.length : 0;
    total += signals.length;
    if (plant && signals.some((t) => t.cell === 0)) found++;
  }
  return { fdr: fdp / RUNS, perReport: total / RUNS, found: found / RUNS };
}

describe('over 200 reports of 400 cells', () => {
  it('pure Poisson noise gives at most the false discovery rate asked for', () => {
    const { fdr } = simulate(poissonNoise);
    expect(fdr).toBeLessThanOrEqual(Q + TOLERANCE);
  });

  it('finds a cell whose mean goes from 3 to 20 in most reports, among 399 that do not change', () => {
    const { found, fdr } = simulate(poissonNoise, { from: 3, to: 20 });
    expect(found).toBeGreaterThan(0.85);
    expect(fdr).toBeLessThanOrEqual(Q + TOLERANCE);
  });

  it('noise that varies far more than Poisson does not flood the report, where a Poisson test would', () => {
    const { fdr, perReport } = simulate(strongNoise);
    expect(fdr).toBeLessThanOrEqual(Q + TOLERANCE);
    const poissonOnly = simulate(strongNoise, undefined, (inputs) =>
      inputs.map(({ current, baseline }) => conditionalP(current, (baseline as number[]).reduce((a, b) => a + b, 0), WINDOWS, 0)),
    );
    expect(poissonOnly.perReport).toBeGreaterThan(50);
    expect(perReport).toBeLessThan(0.5);
  });

  it('holds the rate when half the cells vary like Poisson and half far more', () => {
    expect(simulate(mixedNoise).fdr).toBeLessThanOrEqual(Q + TOLERANCE);
  });
});
