/**
 * Seeded random counts for the simulation tests: the same seed, the same
 * draws, on every machine.
 */
import { mulberry32 } from '../../src/random.js';

/** A uniform draw in [0, 1): mulberry32, a small, well-mixed 32-bit generator. */
export const uniform = (seed: number): (() => number) => mulberry32(seed >>> 0);

function standardNormal(u: () => number): number {
  let a = 0;
  while (a === 0) a = u();
  return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape, scale 1) by Marsaglia & Tsang (2000). */
export function gamma(u: () => number, shape: number): number {
  if (shape < 1) return gamma(u, shape + 1) * u() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = u();
    if (w < 1 - 0.0331 * x ** 4 || Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Poisson(mu) by inversion: walks the CDF from 0. */
export function poisson(u: () => number, mu: number): number {
  let k = 0;
  let mass = Math.exp(-mu);
  let cdf = mass;
  const target = u();
  while (target > cdf && mass > 0) {
    k++;
    mass *= mu / k;
    cdf += mass;
  }
  return k;
}

/** Negative binomial with this mean and size r (variance mean + mean²/r): Poisson with a Gamma-distributed mean. */
export function negativeBinomial(u: () => number, mean: number, size: number): number {
  return poisson(u, (gamma(u, size) * mean) / size);
}
