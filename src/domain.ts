/** The things a lägesbild is made of, as read from the exports. Times are instants in ms. */

export type InputKind = 'incidents' | 'patrols';

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
}

export interface PatrolRound {
  start: number;
  /** Real elapsed minutes, whatever the wall clock did in between. */
  minutes: number;
  area: string;
  guard?: string;
  remarks?: string;
}

/** A row that could not be used, and why. Line and column are 1-based. */
export interface Rejection {
  line: number;
  column?: number;
  reason: string;
}
