/**
 * What the exports leave out, in words: one sentence per export of a kind
 * that leaves a window incomplete, naming the file, the days it covers and
 * each incomplete window with the days no export of the kind covers. The same
 * sentences are the log's and validate's (in English, ISO dates) and the
 * report's (in its language, its dates).
 */
import { coverageNotes, mergeRanges, type CoverageNote } from '../model/coverage.js';
import type { ReportModel } from '../model/report.js';
import { text, type Language } from '../texts/index.js';

/** Writes a range of days; from and to may be the same day. */
export type RangeWriter = (from: string, to: string) => string;

/** `2024-12-03 – 2024-12-13`, or one day alone: the log's and validate's dates. */
export const isoRange: RangeWriter = (from, to) => (from === to ? from : `${from} – ${to}`);

/** `upTo`: only the windows up to this index of the history (1: the report and comparison windows). */
export function coverageSentences(model: Pick<ReportModel, 'period' | 'inputs'>, language: Language, range: RangeWriter, upTo = Infinity): string[] {
  return coverageNotes(model.period.coverage, model.inputs, upTo).map((note) => coverageSentence(note, language, range));
}

export function coverageSentence(note: CoverageNote, language: Language, range: RangeWriter): string {
  const t = (key: string, params: Record<string, unknown> = {}) => text(language, key, params);
  const { file, covers } = note;
  const head = !covers
    ? t('incomplete.coversNothing', { file })
    : t(covers.declared ? 'incomplete.coversDeclared' : 'incomplete.covers', { file, range: range(covers.from, covers.to) });
  const kind = t(`incomplete.kind.${note.kind}`);
  const list = (ranges: { from: string; to: string }[]) => joined(ranges.map((r) => range(r.from, r.to)), t('incomplete.and'));
  const parts = note.windows
    .filter((w) => w.index <= 1)
    .map((w) => t(w.index === 0 ? 'incomplete.reportWindow' : 'incomplete.comparisonWindow', { range: range(w.start, w.end), kind, missing: list(w.missing) }));
  const older = note.windows.filter((w) => w.index >= 2);
  if (older.length > 0) {
    // Back-to-back windows and their missing days read as ranges, oldest first.
    const spans = mergeRanges(older.map((w) => ({ from: w.start, to: w.end })));
    const missing = mergeRanges(older.flatMap((w) => w.missing));
    parts.push(t(older.length === 1 ? 'incomplete.olderWindow' : 'incomplete.olderWindows', { count: older.length, range: list(spans), kind, missing: list(missing) }));
  }
  return [head, ...parts].join('; ');
}

/** "a", "a and b", "a, b and c" */
function joined(items: string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}
