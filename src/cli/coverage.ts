/**
 * What a run says of windows the exports do not cover in full: a warning per
 * export of a kind that leaves one incomplete (the report's own sentences, in
 * English with ISO dates), and the refusal of --strict or the config's
 * `refuseIncomplete` when the report window is one of them.
 */
import type { InputKind } from '../domain.js';
import { coverageNotes } from '../model/coverage.js';
import type { ReportModel } from '../model/report.js';
import { coverageSentence, coverageSentences, isoRange } from '../render/coverage-notes.js';
import { text } from '../texts/index.js';

/**
 * One line per export of a kind that leaves a window of the history incomplete, with the file it is
 * about; `compared`: the report or comparison window is one of them (a warning), not only older ones.
 */
export function coverageWarnings(model: Pick<ReportModel, 'period' | 'inputs'>): { file: string; message: string; compared: boolean }[] {
  const notes = coverageNotes(model.period.coverage, model.inputs);
  const sentences = coverageSentences(model, 'en', isoRange);
  return notes.map((note, i) => ({ file: note.file, message: sentences[i]!, compared: note.windows.some((w) => w.index <= 1) }));
}

/** The kinds whose exports do not cover the report window in full. */
export function incompleteKinds(model: Pick<ReportModel, 'period'>): InputKind[] {
  return [...new Set(model.period.coverage[0]!.missing.map((m) => m.kind))];
}

/** Why no report is written, when the report window is incomplete and `why` (--strict, the config key) says to refuse it. */
export function incompleteRefusal(model: Pick<ReportModel, 'period' | 'inputs'>, why: string | undefined): string | undefined {
  if (why === undefined || incompleteKinds(model).length === 0) return undefined;
  const notes = coverageNotes(model.period.coverage, model.inputs, 0).map((note) => coverageSentence(note, 'en', isoRange));
  return text('en', 'incomplete.refused', { why, notes: notes.join('; ') });
}
