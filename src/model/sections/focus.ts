/**
 * Fokus kommande period: the places to be, ranked (focus-rank.ts), each with
 * when its incidents cluster (focus-when.ts, from its own weekday × hour
 * counts), why (count and share, signal, hot-spot class, incidents per patrol
 * hour, hours with incidents and no round) and what the patrols did there. It
 * reads the other sections' tallies; it keeps only each area's grid and sources.
 */
import type { WindowClock } from '../../period.js';
import { spreadOver } from '../aoristic.js';
import { DEFAULT_FOCUS_PLACES, rankFocus, type FocusCandidate } from '../focus-rank.js';
import { WHEN_MIN_INCIDENTS, whenOf } from '../focus-when.js';
import type { FocusPlace, FocusWhy } from '../report-focus.js';
import { SourceTally } from '../source-counts.js';
import { CURRENT, isCurrent, PREVIOUS } from '../windows.js';
import type { HotspotSection } from './hotspots.js';
import type { IncidentCounts } from './incidents.js';
import type { CoverageTally } from './patrol-coverage.js';
import type { PatrolCounts } from './patrols.js';
import type { CountedRow, ReportEnd, Section, SectionSetup } from './section.js';
import type { SignalSection } from './signals.js';

interface AreaTimes {
  grid: number[][];
  dateOnly: number;
  sources: SourceTally;
}

interface Candidate extends FocusCandidate {
  key: string;
}

export interface FocusTallies {
  incidents: IncidentCounts;
  patrols: PatrolCounts;
  signals: SignalSection;
  hotspots: HotspotSection;
  coverage: CoverageTally;
}

export class FocusSection implements Section<FocusPlace[]> {
  private readonly areas = new Map<string, AreaTimes>();
  private readonly clock: WindowClock;

  constructor(
    private readonly setup: SectionSetup,
    private readonly tallies: FocusTallies,
  ) {
    this.clock = setup.clock;
  }

  add(row: CountedRow): void {
    if (row.kind !== 'incident' || !isCurrent(row.window)) return;
    const { incident } = row;
    const at = this.clock.locate(incident.at);
    if (!at) return;
    const times = this.timesOf(row.area);
    times.sources.add(incident.source);
    // As the heat map counts: over a from/to span when given, else at the report time; a date alone has no hour.
    if (incident.span) spreadOver(times.grid, incident.span, this.setup.period.timeZone);
    else if (incident.dateOnly) times.dateOnly++;
    else times.grid[at.weekday]![at.hour]!++;
  }

  result(end: ReportEnd): FocusPlace[] {
    const { incidents, patrols, signals, hotspots, coverage } = this.tallies;
    const counts = incidents.byAreaIn(CURRENT);
    const rounds = patrols.byAreaIn(CURRENT);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const roundsSeen = [...rounds.values(), ...patrols.byAreaIn(PREVIOUS).values()].some((r) => r.rounds > 0);
    const minutesAll = [...rounds.values()].reduce((n, r) => n + r.minutes, 0);
    const municipality = minutesAll > 0 ? round2(total / (minutesAll / 60)) : null;
    const lookup = signals.lookup(end);
    const candidates: Candidate[] = [...counts].map(([key, n]) => ({
      key,
      area: this.setup.areas.display(key),
      incidents: n,
      rise: lookup.signalOf(key, null) === 'rise',
      rounds: rounds.get(key)?.rounds ?? 0,
      minutes: Math.round(rounds.get(key)?.minutes ?? 0),
    }));
    const ranked = rankFocus(candidates, { logs: roundsSeen, perPatrolHour: municipality }, this.setup.options.focus?.places ?? DEFAULT_FOCUS_PLACES);
    if (ranked.length === 0) return [];
    const signalList = signals.result(end);
    const classes = new Map(hotspots.result(end).areas.map((a) => [a.name, a.class]));
    return ranked.map(({ candidate: c, rank, score, fewRounds }) => {
      const times = this.areas.get(c.key);
      const grid = times?.grid.map((row) => row.map(round2)) ?? emptyGrid();
      const timed = round2(sum(times?.grid.flat() ?? []));
      const when = whenOf(times?.grid ?? emptyGrid());
      const direction = lookup.signalOf(c.key, null);
      const signal = signalList.find((s) => s.area === c.area && s.category === null);
      const cls = classes.get(c.area) ?? null;
      const perPatrolHour = c.minutes > 0 ? round2(c.incidents / (c.minutes / 60)) : null;
      const uncoveredHours = coverage.uncoveredHours(c.key);
      const share = total ? Math.round((c.incidents / total) * 1000) / 10 : 0;
      const why: FocusWhy[] = [{ code: 'incidents', count: c.incidents, share }];
      if (direction && signal) why.push({ code: direction, count: signal.count, expected: signal.expected, against: signal.against });
      if (cls) why.push({ code: 'hotspot', class: cls });
      if (roundsSeen && c.rounds === 0) why.push({ code: 'noRounds' });
      else if (perPatrolHour !== null) why.push({ code: 'perPatrolHour', value: perPatrolHour, municipality });
      if (uncoveredHours > 0 && roundsSeen) why.push({ code: 'uncovered', hours: uncoveredHours });
      if (when.length === 0) why.push(timed < WHEN_MIN_INCIDENTS ? { code: 'fewTimes', timed, needed: WHEN_MIN_INCIDENTS } : { code: 'noCluster', timed });
      return {
        area: c.area,
        rank,
        why,
        when,
        incidents: c.incidents,
        rounds: c.rounds,
        minutes: c.minutes,
        uncoveredHours,
        share,
        score: round2(score),
        signal: direction,
        class: cls,
        perPatrolHour,
        fewRounds,
        patrolLogs: roundsSeen,
        timed,
        dateOnly: times?.dateOnly ?? 0,
        sources: times?.sources.result() ?? [],
        weekdayHour: grid,
      };
    });
  }

  private timesOf(area: string): AreaTimes {
    let t = this.areas.get(area);
    if (!t) this.areas.set(area, (t = { grid: emptyGrid(), dateOnly: 0, sources: new SourceTally() }));
    return t;
  }
}

const emptyGrid = () => Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const round2 = (n: number) => Math.round(n * 100) / 100;
