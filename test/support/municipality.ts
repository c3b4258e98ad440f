/**
 * A municipality's incident exports over two years, drawn from a seeded
 * generator: 36 areas, a few busy and many quiet, 8 categories; Poisson counts
 * whose rate follows the season (a summer peak) and swings from fortnight to
 * fortnight in each area beyond Poisson (over-dispersion); one export a year.
 * For the tests that the report finds a real change and lets chance be.
 */
import { addCalendarDays } from '../../src/period.js';
import { gamma, poisson, uniform } from '../stats/random.js';

const TZ = 'Europe/Stockholm';
const SIDES = ['Norra', 'Södra', 'Östra', 'Västra'];
const PLACES = ['Centrum', 'Hamnen', 'Parken', 'Torget', 'Skogen', 'Backen', 'Ängen', 'Viken', 'Dalen'];
/** 36 areas, busiest first. */
export const AREAS = PLACES.flatMap((p) => SIDES.map((s) => `${s} ${p}`));
/** Categories and their shares of an area's incidents. */
export const CATEGORIES: [string, number][] = [
  ['skadegörelse', 0.25], ['stöld', 0.2], ['ordningsstörning', 0.15], ['otrygghet', 0.12],
  ['klotter', 0.1], ['hot', 0.08], ['våld', 0.06], ['brand', 0.04],
];
/** Incidents a fortnight in area a, before season and swing: 15.5 in the busiest, about 0.5 in the quietest. */
export const areaRate = (a: number) => 0.5 + 15 * Math.exp(-a / 6);

export interface MunicipalityOptions {
  seed: number;
  /** First day of the report window, the last one drawn. */
  report?: string;
  /** Fortnights drawn, the report window's included: 52, two years. */
  windows?: number;
  /** Over-dispersion κ of an area's rate from fortnight to fortnight (0.1: about ±30 %). */
  overdispersion?: number;
  /** The real change: the cell's rate times `factor` in the report window. */
  plant?: { area: string; category: string; factor: number };
  /** An area whose counts in the previous and the report window are set: e.g. 1 → 4. */
  swing?: { area: string; previous: number; current: number };
}

export interface Municipality {
  /** One export a year, with the days it covers. */
  files: { name: string; content: string; from: string; to: string }[];
  rows: number;
}

export function municipality(options: MunicipalityOptions): Municipality {
  const { seed, report = '2024-11-25', windows: count = 52, overdispersion = 0.1, plant, swing } = options;
  const u = uniform(seed);
  const lines = new Map<string, string[]>();
  let id = 0;
  // Back to back up to the report window, oldest first.
  const windows = Array.from({ length: count }, (_, k) => addCalendarDays(report, -14 * (count - 1 - k), TZ));
  const from = windows[0]!;
  windows.forEach((start, w) => {
    const isReport = w === windows.length - 1;
    const isPrevious = w === windows.length - 2;
    // A summer peak: ±30 % over the year, highest in late July.
    const day = (Date.UTC(+start.slice(0, 4), +start.slice(5, 7) - 1, +start.slice(8, 10)) - Date.UTC(+start.slice(0, 4), 0, 1)) / 86_400_000;
    const season = 1 + 0.3 * Math.cos((2 * Math.PI * (day - 200)) / 365);
    AREAS.forEach((area, a) => {
      const swingBy = overdispersion > 0 ? gamma(u, 1 / overdispersion) * overdispersion : 1;
      const counts = CATEGORIES.map(([category, share]) => {
        const factor = isReport && plant?.area === area && plant.category === category ? plant.factor : 1;
        return poisson(u, areaRate(a) * share * season * swingBy * factor);
      });
      const fixed = swing?.area !== area ? undefined : isReport ? swing.current : isPrevious ? swing.previous : undefined;
      if (fixed !== undefined) {
        // The area's total is set, one incident in each of its commonest categories: a swing of the area, not of one cell.
        counts.fill(0);
        for (let i = 0; i < fixed; i++) counts[i % counts.length]! += 1;
      }
      counts.forEach((n, c) => {
        for (let i = 0; i < n; i++) {
          const date = addCalendarDays(start, Math.floor(u() * 14), TZ);
          const time = `${String(Math.floor(u() * 24)).padStart(2, '0')}:${String(Math.floor(u() * 60)).padStart(2, '0')}`;
          const year = date.slice(0, 4);
          if (!lines.has(year)) lines.set(year, []);
          lines.get(year)!.push(`SK-${++id};${date};${time};${area};${CATEGORIES[c]![0]};`);
        }
      });
    });
  });
  const last = addCalendarDays(report, 13, TZ);
  const files = [...lines].map(([year, rows]) => ({
    name: `incidents-${year}.csv`,
    content: ['Ärendenummer;Datum;Tid;Område;Kategori;Beskrivning', ...rows].join('\n') + '\n',
    from: year === from.slice(0, 4) ? from : `${year}-01-01`,
    to: year === last.slice(0, 4) ? last : `${year}-12-31`,
  }));
  return { files, rows: id };
}
