/**
 * Puts the tallies of every input file together into the report model: names
 * merged, duplicates across exports counted once, every row accounted for. Pure:
 * no I/O. Tallies arrive file by file, part by part, in the order the rows
 * stand, so "the first" of two duplicates is well defined. Each row that counts
 * goes to every section of the report (sections/index.ts), which gives its part.
 */
import type { InputKind } from '../domain.js';
import { isoWeeks, localDate, type ReportPeriod } from '../period.js';
import type { TallyData, WindowRow } from './file-tally.js';
import { coversOf, windowCoverage } from './coverage.js';
import { NameBook } from './names.js';
import { reasonText } from '../texts/reasons.js';
import type { DuplicateRow, InputAccount, InputFormat, RejectedRow, ReportMeta, ReportModel, RowLocation, SkippedRow } from './report.js';
import { SCHEMA_VERSION } from './report.js';
import { SeenRows, type Repeat } from './seen-rows.js';
import { assemble, sections, type CountedRow, type Section, type SectionOptions, type Sections } from './sections/index.js';
import { isCurrent, isOlder, isPrevious, type WindowName } from './windows.js';

export interface BuilderOptions extends SectionOptions {
  areas?: Readonly<Record<string, string>>;
  categories?: Readonly<Record<string, string>>;
}

/** The first and last day an export covers, as the config declares them (`YYYY-MM-DD`). */
export interface DeclaredSpan {
  from?: string;
  to?: string;
}

/** The accounting of one input file; pass it back with each of the file's tallies. */
export type FileAccount = InputAccount;

export class ReportBuilder {
  private readonly areas: NameBook;
  private readonly categories: NameBook;
  private readonly inputs: InputAccount[] = [];
  private readonly rejected: RejectedRow[] = [];
  private readonly skipped: SkippedRow[] = [];
  private readonly duplicates: DuplicateRow[] = [];
  private readonly spans = new Map<FileAccount, { first: number; last: number }>();
  private readonly declared = new Map<FileAccount, DeclaredSpan>();
  /** Rows counted inside the windows, to find the same row in another export. */
  private readonly seenIncidents = new SeenRows();
  private readonly seenRounds = new SeenRows();
  private readonly sections: Sections;
  private readonly told: Section<unknown>[];

  constructor(
    private readonly period: ReportPeriod,
    options: BuilderOptions = {},
  ) {
    this.areas = new NameBook(options.areas, 'areaAliases');
    this.categories = new NameBook(options.categories, 'categoryAliases');
    this.sections = sections({ period, areas: this.areas, categories: this.categories, options });
    this.told = Object.values(this.sections);
  }

  /** `declared`: the days the config says the export covers, either side; the other from its rows. */
  addFile(file: string, kind: InputKind, declared?: DeclaredSpan): FileAccount {
    const account: InputAccount = {
      file, kind, rows: 0, inPeriod: 0, inPrevious: 0, outside: 0, rejected: 0, duplicates: 0, skipped: 0,
      format: { encoding: '', encodingUnsure: false, delimiter: '', dateFormats: [], columns: {} },
      span: null,
      covers: null,
    };
    this.inputs.push(account);
    if (declared) this.declared.set(account, declared);
    return account;
  }

  /** How the file was read, known in full once all its rows are in. */
  describeFile(account: FileAccount, format: InputFormat): void {
    account.format = format;
  }

  /** What a part of the file came to; parts in the order they stand in the file. */
  addTally(account: FileAccount, tally: TallyData): void {
    account.rows += tally.rows;
    account.outside += tally.outside;
    account.rejected += tally.rejected.length;
    account.skipped += tally.skipped.length;
    for (const r of tally.rejected) this.rejected.push({ file: account.file, line: r.line, column: r.column ?? null, code: r.code, reason: reasonText('en', r) });
    for (const s of tally.skipped) this.skipped.push({ file: account.file, line: s.line, reason: s.reason });
    for (const [kind, names] of Object.entries(tally.areaNames) as [InputKind, Map<string, number>][]) for (const [name, n] of names) this.areas.see(name, n, kind);
    for (const [name, n] of tally.categoryNames) this.categories.see(name, n, 'incidents');
    if (tally.first !== null && tally.last !== null) this.widenSpan(account, tally.first, tally.last);
    for (const row of tally.windowRows) this.count(account, row);
    for (const activity of tally.activities) for (const section of this.told) section.addActivity?.(activity);
  }

  private count(account: FileAccount, row: WindowRow): void {
    const { line, window } = row;
    const file = account.file;
    if (row.activity) {
      countIn(account, window); // activities count towards the promises, from the year's start; see addTally
      this.tell({ kind: 'activity', window, file, line, activity: row.activity });
      return;
    }
    if (row.incident) {
      const { incident } = row;
      const area = this.areas.keyOf(incident.area);
      const category = this.categories.keyOf(incident.category);
      const here = { file, line };
      const repeat = this.seenIncidents.repeatOf(incident.id, incident.at, area, category, incident.description ?? '', here);
      if (isOlder(window)) {
        // An older window counts for the trends only; a repeat is left out, not reported.
        if (!repeat) this.tell({ kind: 'incident', window, file, line, incident, area, category });
        return;
      }
      if (this.isDuplicate(account, here, repeat)) return;
      countIn(account, window);
      this.tell({ kind: 'incident', window, file, line, incident, area, category });
    } else if (row.round) {
      const { round } = row;
      const area = this.areas.keyOf(round.area);
      const here = { file, line };
      if (this.isDuplicate(account, here, this.seenRounds.repeatOf(undefined, round.start, area, round.minutes, round.guard ?? '', here))) return;
      countIn(account, window);
      this.tell({ kind: 'round', window, file, line, round, area });
    }
  }

  private tell(row: CountedRow): void {
    for (const section of this.told) section.add?.(row);
  }

  /**
   * The same row in two overlapping exports counts once: by id when both have
   * one, else by time, area, category and description. The repeat goes to
   * `duplicates`, with where it was seen first. Only rows inside the windows of
   * the history come here, so memory follows the windows, not the size of the files.
   */
  private isDuplicate(account: FileAccount, here: RowLocation, first: Repeat | undefined): boolean {
    if (!first) return false;
    account.duplicates++;
    this.duplicates.push({ ...here, duplicateOf: first.at, reason: first.byId ? 'same id' : 'same time, area, category and description' });
    return true;
  }

  private widenSpan(account: FileAccount, first: number, last: number): void {
    const span = this.spans.get(account);
    if (!span) this.spans.set(account, { first, last });
    else {
      span.first = Math.min(span.first, first);
      span.last = Math.max(span.last, last);
    }
  }

  build(meta: ReportMeta): ReportModel {
    const { current, previous, timeZone, history } = this.period;
    const inputs = this.inputs.map((a) => {
      const found = this.spans.get(a);
      const span = found ? { first: localDate(found.first, timeZone), last: localDate(found.last, timeZone) } : null;
      return { ...a, span, covers: coversOf(span, this.declared.get(a)) };
    });
    const coverage = windowCoverage(history, inputs);
    // The signals' windows and last year's are judged on the incident exports alone.
    const incidentInputs = inputs.filter((i) => i.kind === 'incidents');
    const tallied = windowCoverage(this.period.tallied, incidentInputs).map(({ start, end, complete }) => ({ start, end, complete }));
    const [lastYear] = windowCoverage([this.period.lastYear], incidentInputs).map(({ start, end, complete }) => ({ start, end, complete }));
    const own: Omit<ReportModel, keyof Sections> = {
      schemaVersion: SCHEMA_VERSION,
      meta,
      period: {
        start: current.start,
        end: current.end,
        previousStart: previous.start,
        previousEnd: previous.end,
        days: current.days,
        weeks: isoWeeks(current, timeZone),
        previousWeeks: isoWeeks(previous, timeZone),
        coverage,
        tallied,
        lastYear: lastYear!,
      },
      assessment: null,
      inputs,
      rejected: [...this.rejected],
      duplicates: [...this.duplicates],
      skipped: [...this.skipped],
      // Masking is done on the whole model once it is made, notes included: see src/pipeline/make-model.ts.
      redaction: { enabled: false, counts: {} },
    };
    return assemble(own, this.sections, { coverage, tallied: tallied.map((w) => w.complete), lastYear: lastYear!.complete });
  }
}

function countIn(account: FileAccount, window: WindowName): void {
  if (isCurrent(window)) account.inPeriod++;
  else if (isPrevious(window)) account.inPrevious++;
}
