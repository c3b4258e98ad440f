/** Reading named fields out of one CSV record, with rejections that point at the column. */
import type { Rejection } from '../domain.js';
import type { ColumnMap } from './columns.js';
import type { Pending } from './times.js';

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

  reject(field: F | undefined, reason: string): Rejection {
    const index = field === undefined ? undefined : this.columns[field];
    if (index === undefined) return { line: this.line, reason };
    return { line: this.line, column: index + 1, reason: `${this.headers[index]}: ${reason}` };
  }

  /** A failed parse: a rejection, or a deferral when only the file's date order is missing. */
  fail(field: F | undefined, result: { reason: string; pending?: boolean } | Pending): Rejection | Deferred {
    return result.pending ? { deferred: true } : this.reject(field, result.reason);
  }
}

export function isRejection(value: object): value is Rejection {
  return 'reason' in value;
}

export function isDeferred(value: object): value is Deferred {
  return 'deferred' in value;
}
