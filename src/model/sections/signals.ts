/**
 * Signals: which counts of the report window rose or fell beyond chance. The
 * total, every area, every category and every area × category cell with an
 * incident in a tallied window is tested against its own baseline (the
 * tallied windows before the report window that the incident exports cover in
 * full), or against the previous window where fewer are known (src/stats,
 * `testChanges`): each kind alone, so that each has its own shared
 * over-dispersion. Then the false discovery rate is held over all of them at
 * once (Benjamini–Hochberg): a signal is a discovery at the configured rate.
 * The `signals` and `signalMethod` parts; the incident rows and the hot-spot
 * classes read the same judgement (`lookup`).
 */
import { DEFAULT_FALSE_DISCOVERY_RATE, DEFAULT_MIN_PERCENT_BASE, discoveries, testChanges, type ChangeInput, type ChangeTest } from '../../stats/index.js';
import { compareNames } from '../../text.js';
import type { Signal, SignalMethod } from '../report.js';
import { lastYearCount, round2, talliedCounts, type IncidentCounts, type Tally } from './incidents.js';
import type { ReportEnd, Section, SectionSetup, SignalDirection, SignalLookup } from './section.js';

type Kind = keyof SignalMethod['tested'];

/** A series to test: what it is about (keys; null for a total over it) and its counts. */
interface Series {
  kind: Kind;
  area: string | null;
  category: string | null;
  history: (number | null)[];
  tally: Tally;
}

interface Judgement {
  signals: Signal[];
  method: SignalMethod;
  lookup: SignalLookup;
}

export class SignalSection implements Section<Signal[]> {
  private judged: { end: ReportEnd; judgement: Judgement } | undefined;
  /** The `signalMethod` part. */
  readonly method: Section<SignalMethod> = { result: (end) => this.judge(end).method };

  constructor(
    private readonly setup: SectionSetup,
    private readonly counts: IncidentCounts,
  ) {}

  result(end: ReportEnd): Signal[] {
    return this.judge(end).signals;
  }

  /** Which series rose or fell beyond chance, by key. */
  lookup(end: ReportEnd): SignalLookup {
    return this.judge(end).lookup;
  }

  /** Judged once a report: every section that reads the signals reads the same ones. */
  private judge(end: ReportEnd): Judgement {
    if (this.judged?.end !== end) this.judged = { end, judgement: this.run(end) };
    return this.judged.judgement;
  }

  private run(end: ReportEnd): Judgement {
    const rate = this.setup.options.signals?.falseDiscoveryRate ?? DEFAULT_FALSE_DISCOVERY_RATE;
    const series = end.tallied[0] ? this.seriesOf(end) : []; // a partial report window is not compared
    const tested: (Series & ChangeTest)[] = [];
    const counted: Record<Kind, number> = { total: 0, areas: 0, categories: 0, cells: 0 };
    for (const kind of ['total', 'areas', 'categories', 'cells'] as const) {
      const ofKind = series.filter((s) => s.kind === kind);
      testChanges(ofKind.map(changeInput)).forEach((test, i) => {
        if (test === null) return;
        counted[kind]++;
        tested.push({ ...ofKind[i]!, ...test });
      });
    }
    const found = discoveries(tested, rate).filter((t) => t.discovery && t.direction !== 'none');
    const { areas, categories } = this.setup;
    const signals = found
      .map((t) => ({
        signal: {
          area: t.area === null ? null : areas.display(t.area),
          category: t.category === null ? null : categories.display(t.category),
          direction: t.direction as SignalDirection,
          count: t.count,
          expected: round2(t.expected),
          previous: t.history[1] ?? null,
          lastYear: lastYearCount(t.tally, end),
          p: t.p,
          q: t.qValue,
          against: t.against,
          windows: t.windows,
          history: t.history,
        },
        distance: Math.abs(t.count - t.expected),
      }))
      .sort((a, b) => a.signal.q - b.signal.q || a.signal.p - b.signal.p || b.distance - a.distance || byName(a.signal, b.signal))
      .map((s) => s.signal);
    const directions = new Map(found.map((t) => [key(t.area, t.category), t.direction as SignalDirection]));
    return {
      signals,
      method: {
        tested: counted,
        falseDiscoveryRate: rate,
        baselineWindows: this.setup.period.tallied.length - 1,
        windowsKnown: end.tallied.slice(1).filter(Boolean).length,
        minPercentBase: this.setup.options.signals?.minPercentBase ?? DEFAULT_MIN_PERCENT_BASE,
      },
      lookup: { signalOf: (area, category) => directions.get(key(area, category)) ?? null },
    };
  }

  /** Every series with an incident in a tallied window the exports cover: one with none is not tested (it could only be p = 1). */
  private seriesOf(end: ReportEnd): Series[] {
    const { total, areas, categories, cells } = this.counts.series();
    const out: Series[] = [];
    const add = (kind: Kind, area: string | null, category: string | null, tally: Tally) => {
      const history = talliedCounts(tally, end);
      if (history.some((c) => c !== null && c > 0)) out.push({ kind, area, category, history, tally });
    };
    add('total', null, null, total);
    for (const [area, t] of areas) add('areas', area, null, t);
    for (const [category, t] of categories) add('categories', null, category, t);
    for (const [area, row] of cells) for (const [category, t] of row) add('cells', area, category, t);
    return out;
  }
}

/** The test's input: the report window's count, the baseline oldest first (the previous window last). */
function changeInput(s: Series): ChangeInput {
  return { current: s.history[0]!, baseline: s.history.slice(1).reverse() };
}

/** Keys never hold a NUL: it keeps "area, no category" apart from any pair. */
const key = (area: string | null, category: string | null) => `${area === null ? '' : `a${area}`}\u0000${category === null ? '' : `c${category}`}`;

function byName(a: Signal, b: Signal): number {
  return compareNames(a.area ?? '', b.area ?? '') || compareNames(a.category ?? '', b.category ?? '');
}
