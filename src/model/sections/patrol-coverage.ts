/**
 * Guard patrols against incidents, per area: rounds, minutes, incidents per
 * patrol hour, remarks, and the hours of the week with incidents but no patrol —
 * the table a coordinator uses to redirect the guard company.
 */
import { compareNames } from '../../text.js';
import type { WindowClock } from '../../period.js';
import type { CoverageGap, PatrolCoverage } from '../report.js';
import { CURRENT, isCurrent, isOlder } from '../windows.js';
import type { IncidentCounts } from './incidents.js';
import type { PatrolCounts } from './patrols.js';
import type { CountedRow, Section, SectionSetup } from './section.js';
import type { MergeSuggestions } from './suggestions.js';

const SLOTS = 7 * 24;
/** An hour of the week is a gap when it had at least this many incidents and no patrol at all. */
export const GAP_INCIDENTS = 2;
const SHOWN_GAPS = 12;

interface AreaSlots {
  incidents: Int32Array;
  patrolMinutes: Float64Array;
  remarks: number;
}

/** Reads the incidents per area and the patrol rounds per area of their own sections. */
export class CoverageTally implements Section<PatrolCoverage> {
  private readonly areas = new Map<string, AreaSlots>();
  private readonly clock: WindowClock;

  constructor(
    private readonly setup: SectionSetup,
    private readonly incidents: IncidentCounts,
    private readonly patrols: PatrolCounts,
    private readonly names: MergeSuggestions,
  ) {
    this.clock = setup.clock;
  }

  add(row: CountedRow): void {
    // Without a time of day an incident says nothing of which hour wanted a patrol.
    if (row.kind === 'incident' && isCurrent(row.window) && !row.incident.dateOnly) this.addIncident(row.area, row.incident.at);
    else if (row.kind === 'round' && !isOlder(row.window)) {
      const { round } = row;
      this.addRound(row.area, round.start, round.minutes, round.remarks !== undefined, isCurrent(row.window));
    }
  }

  private addIncident(area: string, instant: number): void {
    const at = this.clock.locate(instant);
    if (at) this.slots(area).incidents[at.weekday * 24 + at.hour]!++;
  }

  /**
   * A round's minutes are laid over the hours of the week it spans, inside the
   * window: one that began the evening before the window covers its first hour.
   */
  private addRound(area: string, start: number, minutes: number, remarks: boolean, startsInWindow: boolean): void {
    const slots = this.slots(area);
    if (remarks && startsInWindow) slots.remarks++;
    const windowStart = this.clock.startsAt;
    let at = Math.max(start, windowStart);
    let left = minutes - (at - start) / 60_000;
    while (left > 0) {
      const pos = this.clock.locate(at);
      if (!pos) break;
      // Minutes into the hour; the zone's offset is whole hours, as Sweden's is.
      const intoHour = (at % 3_600_000 + 3_600_000) % 3_600_000 / 60_000;
      const here = Math.min(left, 60 - intoHour);
      slots.patrolMinutes[pos.weekday * 24 + pos.hour]! += here;
      left -= here;
      at += here * 60_000;
    }
  }

  /** Hours of the week with an incident of the area (by key) at its report time and no patrol minute. */
  uncoveredHours(area: string): number {
    const slots = this.areas.get(area);
    let hours = 0;
    if (slots) for (let s = 0; s < SLOTS; s++) if (slots.incidents[s]! > 0 && slots.patrolMinutes[s]! === 0) hours++;
    return hours;
  }

  result(): PatrolCoverage {
    const display = (key: string) => this.setup.areas.display(key);
    const incidentsByArea = this.incidents.byAreaIn(CURRENT);
    const patrols = this.patrols.byAreaIn(CURRENT);
    const keys = new Set([...incidentsByArea.keys(), ...patrols.keys()].filter((k) => (incidentsByArea.get(k) ?? 0) > 0 || (patrols.get(k)?.rounds ?? 0) > 0));
    const maybe = this.maybe(keys);
    const byArea = [...keys].map((key) => {
      const incidents = incidentsByArea.get(key) ?? 0;
      const { rounds = 0, minutes = 0 } = patrols.get(key) ?? {};
      const matched = this.setup.areas.kindsOf(key).includes('incidents');
      return {
        name: display(key),
        incidents,
        rounds,
        minutes: Math.round(minutes),
        // A place no incident names has no incidents to set against its hours: not 0 of them.
        incidentsPerPatrolHour: minutes > 0 && matched ? Math.round((incidents / (minutes / 60)) * 100) / 100 : null,
        remarks: this.areas.get(key)?.remarks ?? 0,
        matched,
        maybe: maybe(key),
      };
    });
    byArea.sort((a, b) => b.incidents - a.incidents || a.minutes - b.minutes || compareNames(a.name, b.name));
    const gaps: CoverageGap[] = [];
    for (const [key, slots] of this.areas) {
      for (let s = 0; s < SLOTS; s++) {
        if (slots.incidents[s]! >= GAP_INCIDENTS && slots.patrolMinutes[s]! === 0) {
          gaps.push({ area: display(key), weekday: Math.floor(s / 24), hour: s % 24, incidents: slots.incidents[s]!, maybe: maybe(key) });
        }
      }
    }
    gaps.sort((a, b) => b.incidents - a.incidents || a.weekday - b.weekday || a.hour - b.hour || compareNames(a.area, b.area));
    const unmatched = byArea.filter((a) => !a.matched).map((a) => a.name);
    return { byArea, unmatched, gaps: gaps.slice(0, SHOWN_GAPS), gapCount: gaps.length, gapThreshold: GAP_INCIDENTS };
  }

  /**
   * The other rows of the table that are probably the same place: for a patrolled
   * place that no incident names, the incident areas it may be; for an incident
   * area, the patrolled places in the table that may be it.
   */
  private maybe(inTable: ReadonlySet<string>): (key: string) => string[] {
    const seeAlso = new Map<string, string[]>();
    const add = (key: string, name: string) => seeAlso.set(key, [...(seeAlso.get(key) ?? []), name]);
    for (const { name, candidates } of this.names.areaMatches()) {
      if (!inTable.has(name.key)) continue;
      for (const { entry } of candidates) {
        add(name.key, entry.display);
        add(entry.key, name.display);
      }
    }
    return (key) => seeAlso.get(key) ?? [];
  }

  private slots(area: string): AreaSlots {
    let s = this.areas.get(area);
    if (!s) this.areas.set(area, (s = { incidents: new Int32Array(SLOTS), patrolMinutes: new Float64Array(SLOTS), remarks: 0 }));
    return s;
  }
}
