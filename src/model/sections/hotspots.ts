/**
 * Hot-spots: areas ranked by incidents with their cumulative share, and each
 * classed over the windows of the history as new, persistent, rising, falling
 * or former. The rules are in the README and the report's appendix.
 */
import { compareNames } from '../../text.js';
import type { HotspotArea, HotspotClass, Hotspots } from '../report.js';
import type { IncidentCounts } from './incidents.js';
import type { ReportEnd, Section, SectionSetup } from './section.js';

/** An area is hot in a window when it is among the few areas holding this share of the incidents… */
export const CORE_SHARE = 0.8;
/** …and had at least this many. */
export const HOT_MINIMUM = 2;
/** Now against the mean of the earlier windows: this much more is rising, this much less falling. */
export const RISING = 1.5;
export const FALLING = 1 / RISING;

export interface AreaHistory {
  name: string;
  /** Counts per window, newest first. */
  history: readonly number[];
}

/** Reads each area's counts over the history from the incident counts. */
export class HotspotSection implements Section<Hotspots> {
  constructor(
    private readonly setup: SectionSetup,
    private readonly counts: IncidentCounts,
  ) {}

  result(end: ReportEnd): Hotspots {
    const areas = this.counts.areaHistories().map(([key, history]) => ({ name: this.setup.areas.display(key), history }));
    return hotspots(areas, this.setup.period.history.length, end.windowsWithData);
  }
}

export function hotspots(areas: readonly AreaHistory[], windows: number, windowsWithData: number): Hotspots {
  const covered = Math.max(1, Math.min(windows, windowsWithData));
  const hot = Array.from({ length: covered }, (_, k) => hotIn(areas, k));
  const total = areas.reduce((n, a) => n + (a.history[0] ?? 0), 0);
  let cumulative = 0;
  const ranked = [...areas].filter((a) => (a.history[0] ?? 0) > 0 || hot.some((h) => h.has(a.name)));
  ranked.sort((a, b) => (b.history[0] ?? 0) - (a.history[0] ?? 0) || compareNames(a.name, b.name));
  const rows: HotspotArea[] = ranked.map((a) => {
    const count = a.history[0] ?? 0;
    const before = cumulative;
    cumulative += count;
    return {
      name: a.name,
      count,
      share: total ? round1((count / total) * 100) : 0,
      cumulativeShare: total ? round1((cumulative / total) * 100) : 0,
      core: count > 0 && before < total * CORE_SHARE,
      history: a.history.slice(0, covered),
      class: covered >= 2 ? classify(a, hot, covered) : null,
    };
  });
  return { windows, windowsWithData: covered, enoughHistory: covered >= windows, areas: rows };
}

function classify(area: AreaHistory, hot: Set<string>[], covered: number): HotspotClass | null {
  const now = hot[0]!.has(area.name);
  const hotBefore = hot.slice(1).filter((h) => h.has(area.name)).length;
  if (!now) return hotBefore > 0 ? 'former' : null;
  if (hotBefore === 0) return 'new';
  const earlier = area.history.slice(1, covered);
  const mean = earlier.reduce((a, b) => a + b, 0) / earlier.length;
  const count = area.history[0]!;
  if (count >= mean * RISING) return 'rising';
  if (count <= mean * FALLING) return 'falling';
  return 'persistent';
}

/** The areas that together hold CORE_SHARE of window k's incidents, each with at least HOT_MINIMUM. */
function hotIn(areas: readonly AreaHistory[], k: number): Set<string> {
  const counts = areas.map((a) => ({ name: a.name, count: a.history[k] ?? 0 })).filter((a) => a.count > 0);
  counts.sort((a, b) => b.count - a.count || compareNames(a.name, b.name));
  const total = counts.reduce((n, a) => n + a.count, 0);
  const hot = new Set<string>();
  let cumulative = 0;
  for (const a of counts) {
    if (cumulative >= total * CORE_SHARE) break;
    cumulative += a.count;
    if (a.count >= HOT_MINIMUM) hot.add(a.name);
  }
  return hot;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
