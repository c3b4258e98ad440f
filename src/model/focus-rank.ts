/**
 * The focus ranking: which places the police and the guards should be sent to.
 * A place's score is its incidents in the window, doubled when it rose beyond
 * chance (a signal), and half again when the patrols had little time for it (no
 * round, or more incidents per patrol hour than the municipality as a whole).
 * A place with fewer than FOCUS_MIN_INCIDENTS is none: one incident is no focus,
 * however unpatrolled. Ties: more incidents, then fewer patrol minutes, then the
 * name in Swedish order. The README gives the rule in words.
 */
import { compareNames } from '../text.js';

export const FOCUS_MIN_INCIDENTS = 3;
export const RISE_WEIGHT = 2;
export const PATROL_GAP_WEIGHT = 1.5;
export const DEFAULT_FOCUS_PLACES = 5;

export interface FocusCandidate {
  area: string;
  incidents: number;
  /** The area's incidents rose beyond chance. */
  rise: boolean;
  rounds: number;
  minutes: number;
}

export interface FocusPatrols {
  /** Whether any patrol round is in the logs: without logs, no place is "unpatrolled". */
  logs: boolean;
  /** The municipality's incidents per patrol hour; null without patrol minutes. */
  perPatrolHour: number | null;
}

export interface RankedPlace<C extends FocusCandidate> {
  candidate: C;
  rank: number;
  score: number;
  /** The patrols had little time for it: see the module's comment. */
  fewRounds: boolean;
}

/** Whether the patrols had little time for a place: no round, or more incidents per patrol hour than the municipality's. */
export function fewRounds(c: Pick<FocusCandidate, 'incidents' | 'minutes'>, patrols: FocusPatrols): boolean {
  if (!patrols.logs) return false;
  if (c.minutes <= 0) return true;
  return patrols.perPatrolHour !== null && c.incidents / (c.minutes / 60) > patrols.perPatrolHour;
}

/** The `places` highest scores, ranked 1, 2, …; deterministic for any order of the candidates. */
export function rankFocus<C extends FocusCandidate>(candidates: readonly C[], patrols: FocusPatrols, places: number): RankedPlace<C>[] {
  return candidates
    .filter((c) => c.incidents >= FOCUS_MIN_INCIDENTS)
    .map((candidate) => {
      const few = fewRounds(candidate, patrols);
      const score = candidate.incidents * (candidate.rise ? RISE_WEIGHT : 1) * (few ? PATROL_GAP_WEIGHT : 1);
      return { candidate, score, fewRounds: few };
    })
    .sort((a, b) => b.score - a.score || b.candidate.incidents - a.candidate.incidents || a.candidate.minutes - b.candidate.minutes || compareNames(a.candidate.area, b.candidate.area))
    .slice(0, Math.max(0, places))
    .map((r, i) => ({ ...r, rank: i + 1 }));
}
