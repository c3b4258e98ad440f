/**
 * Follow-up of the medborgarlöften: for each promise, what has been done so far
 * this year against its yearly target (and its sub-quotas), and whether the
 * pace will reach it by the end of the year.
 */
import type { Activity } from '../domain.js';
import { nameKey } from './names.js';
import type { CommitmentProgress, Commitments } from './report.js';

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

export interface YearSoFar {
  year: number;
  /** The last day counted, `YYYY-MM-DD`. */
  asOf: string;
  /** Days of the year up to and including asOf, and days in the year. */
  daysGone: number;
  daysInYear: number;
}

const PARTY_WORDS: Record<string, string> = { polis: 'polis', polisen: 'polis', kommun: 'kommun', kommunen: 'kommun' };

export function followUp(targets: readonly CommitmentTarget[], activities: readonly Activity[], year: YearSoFar): Commitments {
  const share = year.daysGone / year.daysInYear;
  const used = new Set<Activity>();
  const progress = (name: string, target: number, names: readonly string[], party: CommitmentTarget['party']): CommitmentProgress => {
    const keys = new Set(names.map(nameKey));
    const matching = activities.filter((a) => keys.has(nameKey(a.name)) && byParty(a, party));
    for (const a of matching) used.add(a);
    const done = matching.length;
    const expected = Math.round(target * share * 10) / 10;
    return {
      name,
      party,
      target,
      done,
      expected,
      projected: share > 0 ? Math.round(done / share) : 0,
      status: done >= target ? 'reached' : done >= Math.floor(expected) ? 'on track' : 'behind',
      quotas: [],
    };
  };
  const items = targets.map((t) => ({
    ...progress(t.name, t.target, [...t.activities, ...(t.quotas ?? []).flatMap((q) => q.activities)], t.party),
    quotas: (t.quotas ?? []).map((q) => progress(q.name, q.target, q.activities, t.party)),
  }));
  const unmatched = new Map<string, number>();
  for (const a of activities) if (!used.has(a)) unmatched.set(a.name, (unmatched.get(a.name) ?? 0) + 1);
  return {
    year: year.year,
    asOf: year.asOf,
    shareOfYear: Math.round(share * 1000) / 10,
    items,
    unmatched: [...unmatched].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1)),
  };
}

/** An activity counts for a promise by its party when the log names one; an unnamed party counts for any. */
function byParty(activity: Activity, party: CommitmentTarget['party']): boolean {
  if (party === 'båda' || activity.party === undefined) return true;
  const who = PARTY_WORDS[nameKey(activity.party)];
  return who === undefined || who === party;
}
