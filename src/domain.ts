/** The things a lägesbild is made of, as read from the exports. Times are instants in ms. */
import type { Reason } from './reasons.js';

export type InputKind = 'incidents' | 'patrols' | 'activities';

export interface Incident {
  at: number;
  area: string;
  category: string;
  id?: string;
  description?: string;
  source?: string;
  address?: string;
  /** Marked in the export as serious or special. */
  flagged?: boolean;
  /** The export gave the day but no time: `at` is 00:00, and the hour is unknown. */
  dateOnly?: boolean;
  /** Where it happened, [easting, northing] in SWEREF 99 TM metres, when the export gave coordinates. */
  position?: [number, number];
  /** The export gave no area: it was found from the position on the map. */
  placed?: true;
  /** When it happened, from the export's from/to columns: [start, end), end ≥ start; `at` stays the time it counts by. */
  span?: [number, number];
  /** Why the from/to columns could not be used (the incident then counts at `at` alone): a warning, not a rejection. */
  spanProblem?: Rejection;
}

export interface PatrolRound {
  start: number;
  /** Real elapsed minutes, whatever the wall clock did in between. */
  minutes: number;
  area: string;
  guard?: string;
  remarks?: string;
}

/** Something done towards a medborgarlöfte: a targeted action, a dog search in a school, a traffic check. */
export interface Activity {
  /** 00:00 local on its day. */
  on: number;
  name: string;
  area?: string;
  /** polis, kommun, or whoever the log names. */
  party?: string;
}

/** A row that could not be used, and why (a code and its params, see reasons.ts). Line and column are 1-based. */
export type Rejection = Reason & {
  line: number;
  column?: number;
};

/** A medborgarlöfte with a countable target: what the activities log is followed up against. */
export interface CommitmentTarget {
  name: string;
  /** Who promised: polis, kommun or båda (both). */
  party: 'polis' | 'kommun' | 'båda';
  /** Times a year. */
  target: number;
  /** The activity names (as the log writes them) that count towards it. */
  activities: readonly string[];
  quotas?: readonly { name: string; target: number; activities: readonly string[] }[];
}
