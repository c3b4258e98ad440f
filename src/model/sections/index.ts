/**
 * The report's sections, in one place. Each is one module (see section.ts):
 * told of each counted row and its window, it gives one part of the model,
 * named by the model's key. A section that reads another's tallies is handed
 * it here, when made, and nothing else: the incident counts are the basic
 * tallies that summary, hot-spots, coverage, the focus and the map read.
 *
 * The model is put together in MODEL_ORDER, the order of its keys in the
 * JSON: the builder's own parts (the period, the accounting of every row)
 * and each section's, in between.
 *
 * Adding a section: its module here, a line in `sections()`, its key in
 * ReportModel (report.ts) and MODEL_ORDER; then its partial and its texts.
 */
import { WindowClock } from '../../period.js';
import type { ReportModel } from '../report.js';
import { CommitmentFollowUp } from './commitments.js';
import { FocusSection } from './focus.js';
import { HotspotSection } from './hotspots.js';
import { IncidentCounts } from './incidents.js';
import { MapSection } from './map-summary.js';
import { NotableIncidents } from './notable.js';
import { CoverageTally } from './patrol-coverage.js';
import { PatrolCounts } from './patrols.js';
import type { ReportEnd, Section, SectionSetup } from './section.js';
import { SignalSection } from './signals.js';
import { MergeSuggestions } from './suggestions.js';
import { RisingSummary } from './summary.js';
import { TimePatternTally } from './time-patterns.js';

export type { CountedRow, Section, SectionOptions } from './section.js';

/** The parts of the model that sections give. */
export type SectionKey = 'incidents' | 'patrols' | 'summary' | 'signals' | 'signalMethod' | 'hotspots' | 'focus' | 'timePatterns' | 'coverage' | 'notable' | 'commitments' | 'suggestions' | 'map';
export type Sections = { readonly [K in SectionKey]: Section<ReportModel[K]> };

export function sections(setup: Omit<SectionSetup, 'clock'>): Sections {
  const all: SectionSetup = { ...setup, clock: new WindowClock(setup.period.current, setup.period.timeZone) };
  // The rows are marked with the signals judged on their own counts: asked for once every file is in.
  const incidents: IncidentCounts = new IncidentCounts(all, (end) => signals.lookup(end));
  const signals = new SignalSection(all, incidents);
  const patrols = new PatrolCounts(all);
  const notable = new NotableIncidents(all);
  const suggestions = new MergeSuggestions(all);
  const hotspots = new HotspotSection(all, incidents, signals);
  const coverage = new CoverageTally(all, incidents, patrols, suggestions);
  return {
    incidents,
    patrols,
    summary: new RisingSummary(incidents),
    signals,
    signalMethod: signals.method,
    hotspots,
    focus: new FocusSection(all, { incidents, patrols, signals, hotspots, coverage }),
    timePatterns: new TimePatternTally(all),
    coverage,
    notable,
    commitments: new CommitmentFollowUp(all),
    suggestions,
    map: new MapSection(all, incidents, notable),
  };
}

/** The model's keys in the order of its JSON. */
export const MODEL_ORDER = everyKey([
  'schemaVersion',
  'meta',
  'period',
  'incidents',
  'patrols',
  'summary',
  'signals',
  'signalMethod',
  'hotspots',
  'focus',
  'timePatterns',
  'coverage',
  'notable',
  'commitments',
  'assessment',
  'inputs',
  'rejected',
  'duplicates',
  'skipped',
  'suggestions',
  'redaction',
  'map',
] as const);

/** The keys as given, where leaving out a key of the model does not compile. */
function everyKey<const T extends readonly (keyof ReportModel)[]>(keys: T & ([Exclude<keyof ReportModel, T[number]>] extends [never] ? unknown : 'lists every key of ReportModel')): T {
  return keys;
}

/** The model: the builder's parts and each section's result, key by key in MODEL_ORDER. */
export function assemble(own: Omit<ReportModel, SectionKey>, parts: Sections, end: ReportEnd): ReportModel {
  const model: Record<string, unknown> = {};
  for (const key of MODEL_ORDER) model[key] = key in parts ? parts[key as SectionKey].result(end) : own[key as Exclude<keyof ReportModel, SectionKey>];
  return model as unknown as ReportModel;
}
