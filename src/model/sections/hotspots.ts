/**
 * Hot-spots: areas ranked by incidents with their cumulative share, and each
 * classed over the windows of the history as new, persistent, rising, falling
 * or former; rising and falling only with a signal (signals.ts), so that a
 * hot-spot that "rises" has risen beyond chance. The rules are in the README
 * and the report's appendix.
 */
import { compareNames } from '../../text.js';
import { isComplete } from '../coverage.js';
import type { HotspotArea, HotspotClass, Hotspots, NoClassReason } from '../report.js';
import type { IncidentCounts } from './incidents.js';
import type { ReportEnd, Section, SectionSetup, SignalDirection } from './section.js';
import type { SignalSection } from './signals.js';

/** An area is hot in a window when it is among the few areas holding this share of the incidents… */
export const CORE_SHARE = 0.8;
/** …and had at least this many. */
export const HOT_MINIMUM = 2;

export interface AreaHistory {
  name: string;
  /** Counts per window, newest first. */
  history: ArrayLike<number>;
  /** The area's signal, if it rose or fell beyond chance. */
  signal?: SignalDirection | null;
}

/** Reads each area's counts over the history from the incident counts. */
export class HotspotSection implements Section<Hotspots> {
  constructor(
    private readonly setup: SectionSetup,
    private readonly counts: IncidentCounts,
    private readonly signals: SignalSection,
  ) {}

  result(end: ReportEnd): Hotspots {
    const signals = this.signals.lookup(end);
    const areas = this.counts.areaHistories().map(([key, history]) => ({ name: this.setup.areas.display(key), history, signal: signals.signalOf(key, null) }));
    const complete = this.setup.period.history.map((_, k) => isComplete(end.coverage, 'incidents', k));
    return hotspots(areas, complete);
  }
}

/**
 * `complete[k]`: whether the incident exports cover window k of the history in
 * full. A window they do not is null in each area's history and counts for no
 * class: an area older than the exports is not "new", nor "rising" against the
 * zeros of days no export covers.
 */
export function hotspots(areas: readonly AreaHistory[], complete: readonly boolean[]): Hotspots {
  const windows = complete.length;
  const used = complete.flatMap((c, k) => (c ? [k] : []));
  const hot = new Map(used.map((k) => [k, hotIn(areas, k)]));
  const noClassReason: NoClassReason | null = !complete[0] ? 'report window incomplete' : used.length < 2 ? 'no earlier window complete' : null;
  const total = areas.reduce((n, a) => n + (a.history[0] ?? 0), 0);
  let cumulative = 0;
  const ranked = [...areas].filter((a) => (a.history[0] ?? 0) > 0 || [...hot.values()].some((h) => h.has(a.name)));
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
      history: complete.map((c, k) => (c ? (a.history[k] ?? 0) : null)),
      class: noClassReason === null ? classify(a, hot, used) : null,
    };
  });
  return { windows, windowsWithData: used.length, enoughHistory: used.length === windows, noClassReason, areas: rows };
}

/** `used`: the windows covered in full, the current one first. */
function classify(area: AreaHistory, hot: Map<number, Set<string>>, used: readonly number[]): HotspotClass | null {
  const earlier = used.slice(1);
  const now = hot.get(0)!.has(area.name);
  const hotBefore = earlier.filter((k) => hot.get(k)!.has(area.name)).length;
  if (!now) return hotBefore > 0 ? 'former' : null;
  if (hotBefore === 0) return 'new';
  if (area.signal === 'rise') return 'rising';
  if (area.signal === 'fall') return 'falling';
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
