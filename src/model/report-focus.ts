/** The model's focus list: where and when to act, and why. Part of the model's contract (see report.ts). */
import type { FocusWhen } from './focus-when.js';

export type { FocusWhen } from './focus-when.js';

/** Incidents of one source (the export's source column); `source` null when the row gave none. */
export interface SourceCount {
  source: string | null;
  count: number;
}

/** Why a place is a focus place, as data: a template words each code (texts `focus.why.<code>`). */
export type FocusWhy =
  /** Its incidents, and their percent of the window's. */
  | { code: 'incidents'; count: number; share: number }
  /** It rose (or fell) beyond chance: the count against the baseline's mean or the previous window's count. */
  | { code: 'rise' | 'fall'; count: number; expected: number; against: 'baseline' | 'previous' }
  /** Its hot-spot class (hotspots.areas[].class), when it has one. */
  | { code: 'hotspot'; class: 'new' | 'persistent' | 'rising' | 'falling' | 'former' }
  /** Patrol logs are in, and no round was in this place. */
  | { code: 'noRounds' }
  /** Incidents per patrol hour here, and in the whole municipality (null without patrol minutes). */
  | { code: 'perPatrolHour'; value: number; municipality: number | null }
  /** Hours of the week with an incident here and no patrol minute. */
  | { code: 'uncovered'; hours: number }
  /** Too few incidents with a time of day to show when: `when` is empty. */
  | { code: 'fewTimes'; timed: number; needed: number }
  /** Its incidents spread over the week with no cluster: `when` is empty. */
  | { code: 'noCluster'; timed: number };

export interface FocusPlace {
  area: string;
  /** 1 for the first place to act on. */
  rank: number;
  why: FocusWhy[];
  /** The weekdays and hours its incidents cluster in, the largest cluster first (see focus-when.ts); empty when they show none. */
  when: FocusWhen[];
  incidents: number;
  rounds: number;
  minutes: number;
  /** Hours of the week (weekday × hour) with an incident here at its report time and no patrol minute. */
  uncoveredHours: number;
  /** Percent of the window's incidents. */
  share: number;
  /** The ranking's score (focus-rank.ts): incidents × 2 with a rise × 1.5 with few rounds. */
  score: number;
  signal: 'rise' | 'fall' | null;
  class: 'new' | 'persistent' | 'rising' | 'falling' | 'former' | null;
  /** null without patrol minutes here. */
  perPatrolHour: number | null;
  /** No round here, or more incidents per patrol hour than the municipality as a whole (only with patrol logs). */
  fewRounds: boolean;
  /** Whether the report has any patrol round at all: without logs, "no rounds" is not known. */
  patrolLogs: boolean;
  /** Its incidents with a time of day (aoristic shares added up), and those with a date only. */
  timed: number;
  dateOnly: number;
  /** Its incidents by source, most first; unknown last. */
  sources: SourceCount[];
  /** Its incidents per weekday (0 = Monday) and hour, as timePatterns.weekdayHour: the strip is drawn from it. */
  weekdayHour: number[][];
}
