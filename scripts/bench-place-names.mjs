// What the name benchmarks make their area names of, and their seeded draws (the
// built src/random.js), so that every run measures the same names.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { mulberry32 } = await import(`${root}dist/random.js`);

export const FIRST = ['Norr', 'Söder', 'Väster', 'Öster', 'Stor', 'Lill', 'Gam', 'Ny', 'Sand', 'Björk', 'Ek', 'Tall', 'Sol', 'Mån', 'Kvarn', 'Kyrk', 'Station', 'Hamn', 'Skol', 'Slott'];
export const STEMS = ['berg', 'dal', 'vik', 'holm', 'sund', 'näs', 'hamn', 'torp', 'lund', 'å', 'sjö', 'ö', 'by', 'stad', 'kulla', 'backa', 'ängen', 'skogen', 'parken', 'torget'];

/** A seeded draw in [0, 1) and a pick from a list by it. */
export function seeded(seed) {
  const random = mulberry32(seed);
  return { random, pick: (list) => list[Math.floor(random() * list.length)] };
}
