/** Reading named fields out of one CSV record, with rejections that point at the column. */
import type { Rejection } from '../domain.js';
import { reason, type ParamsArg, type Reason, type ReasonCode } from '../reasons.js';
import type { ColumnMap } from './columns.js';
import type { Failure, Pending } from './times.js';

/** A row that cannot be read until the file has shown its day/month order. */
export interface Deferred {
  deferred: true;
}

/** One reader per file, pointed at each record in turn: a file of a million rows makes no million readers. */
export class RowReader<F extends string> {
  fields: readonly string[] = [];
  line = 0;

  constructor(
    private readonly columns: ColumnMap<F>,
    private readonly headers: readonly string[],
  ) {}

  read(fields: readonly string[], line: number): this {
    this.fields = fields;
    this.line = line;
    return this;
  }

  has(field: F): boolean {
    return this.columns[field] !== undefined;
  }

  /** The trimmed value, or '' when the column is absent or the row is short. */
  get(field: F): string {
    const index = this.columns[field];
    return index === undefined ? '' : (this.fields[index] ?? '').trim();
  }

  /** 1-based column of a field, if the file has it. */
  column(field: F): number | undefined {
    const index = this.columns[field];
    return index === undefined ? undefined : index + 1;
  }

  header(field: F): string | undefined {
    const index = this.columns[field];
    return index === undefined ? undefined : this.headers[index];
  }

  /** The value, or undefined when empty: for optional fields. */
  optional(field: F): string | undefined {
    return this.get(field) || undefined;
  }

  /** The row rejected for a reason, e.g. `reject('area', 'area.empty')`. */
  reject<C extends ReasonCode>(field: F | undefined, code: C, ...params: ParamsArg<C>): Rejection {
    return this.because(field, reason(code, ...params) as Reason);
  }

  /** The row rejected for a reason, pinned on the field's column: its header goes into the params, to head the wording. */
  because(field: F | undefined, why: Reason): Rejection {
    const index = field === undefined ? undefined : this.columns[field];
    if (index === undefined) return { line: this.line, code: why.code, params: why.params } as Rejection;
    return { line: this.line, column: index + 1, code: why.code, params: { ...why.params, column: this.headers[index] } } as Rejection;
  }

  /** A failed parse: a rejection, or a deferral when only the file's date order is missing. */
  fail(field: F | undefined, result: Failure | Pending): Rejection | Deferred {
    return result.pending ? { deferred: true } : this.because(field, result);
  }
}

export function isRejection(value: object): value is Rejection {
  return 'code' in value;
}

export function isDeferred(value: object): value is Deferred {
  return 'deferred' in value;
}
