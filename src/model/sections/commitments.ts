/**
 * Follow-up of the medborgarlöften: for each promise, what has been done so far
 * this year against its yearly target (and its sub-quotas), and whether the
 * pace will reach it by the end of the year.
 */
import { compareNames } from '../../text.js';
import type { Activity, CommitmentTarget } from '../../domain.js';
import { localDate, type ReportPeriod } from '../../period.js';
import { nameKey } from '../names.js';
import type { CommitmentProgress, Commitments } from '../report.js';
import type { Section, SectionSetup } from './section.js';

export type { CommitmentTarget } from '../../domain.js';


export interface YearSoFar {
  year: number;
  /** The last day counted, `YYYY-MM-DD`. */
  asOf: string;
  /** Days of the year up to and including asOf, and days in the year. */
  daysGone: number;
  daysInYear: number;
}

const PARTY_WORDS: Record<string, 'polis' | 'kommun' | 'båda'> = {
  polis: 'polis',
  polisen: 'polis',
  kommun: 'kommun',
  kommunen: 'kommun',
  båda: 'båda',
  gemensam: 'båda',
  gemensamt: 'båda',
  'polis och kommun': 'båda',
  'kommun och polis': 'båda',
};

/** The year's activities, as the logs give them, against the promises. */
export class CommitmentFollowUp implements Section<Commitments> {
  private readonly activities: Activity[] = [];

  constructor(private readonly setup: SectionSetup) {}

  addActivity(activity: Activity): void {
    this.activities.push(activity);
  }

  result(): Commitments {
    return followUp(this.setup.options.commitments ?? [], this.activities, yearSoFar(this.setup.period));
  }
}

function yearSoFar({ current, yearStartsAt, timeZone }: ReportPeriod): YearSoFar {
  const year = Number(current.end.slice(0, 4));
  const daysInYear = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1 ? 366 : 365;
  const daysGone = Math.round((current.endsAt - yearStartsAt) / 86_400_000);
  return { year, asOf: localDate(current.endsAt - 1, timeZone), daysGone, daysInYear };
}

export function followUp(targets: readonly CommitmentTarget[], activities: readonly Activity[], year: YearSoFar): Commitments {
  const share = year.daysGone / year.daysInYear;
  const progress = (name: string, target: number, names: readonly string[], party: CommitmentTarget['party']): CommitmentProgress => {
    const keys = new Set(names.map(nameKey));
    const done = activities.filter((a) => keys.has(nameKey(a.name)) && byParty(a, party)).length;
    const projected = share > 0 ? Math.round(done / share) : 0;
    return {
      name,
      party,
      target,
      done,
      expected: Math.round(target * share * 10) / 10,
      projected,
      // The pace decides: at this rate, does the year reach the target?
      status: done >= target ? 'reached' : projected >= target ? 'on track' : 'behind',
      quotas: [],
    };
  };
  // An activity whose name no promise names is worth pointing out: it may be spelt otherwise.
  const named = new Set(targets.flatMap((t) => [...t.activities, ...(t.quotas ?? []).flatMap((q) => q.activities)]).map(nameKey));
  const items = targets.map((t) => ({
    ...progress(t.name, t.target, [...t.activities, ...(t.quotas ?? []).flatMap((q) => q.activities)], t.party),
    quotas: (t.quotas ?? []).map((q) => progress(q.name, q.target, q.activities, t.party)),
  }));
  const unmatched = new Map<string, number>();
  for (const a of activities) if (!named.has(nameKey(a.name))) unmatched.set(a.name, (unmatched.get(a.name) ?? 0) + 1);
  return {
    year: year.year,
    asOf: year.asOf,
    shareOfYear: Math.round(share * 1000) / 10,
    items,
    unmatched: [...unmatched].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || compareNames(a.name, b.name)),
  };
}

/**
 * A promise by polis or kommun counts the activities of that party, of both, or
 * of no party named; one done by someone else (räddningstjänsten) does not count.
 */
function byParty(activity: Activity, party: CommitmentTarget['party']): boolean {
  if (party === 'båda' || activity.party === undefined) return true;
  const who = PARTY_WORDS[nameKey(activity.party)];
  return who === party || who === 'båda';
}
