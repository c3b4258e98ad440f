/** Reading named fields out of one CSV record, with rejections that point at the column. */
import type { Rejection } from '../domain.js';
import type { ColumnMap } from './columns.js';

export class RowReader<F extends string> {
  constructor(
    readonly fields: readonly string[],
    readonly line: number,
    private readonly columns: ColumnMap<F>,
    private readonly headers: readonly string[],
  ) {}

  has(field: F): boolean {
    return this.columns[field] !== undefined;
  }

  /** The trimmed value, or '' when the column is absent or the row is short. */
  get(field: F): string {
    const index = this.columns[field];
    return index === undefined ? '' : (this.fields[index] ?? '').trim();
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
}

export function isRejection(value: object): value is Rejection {
  return 'reason' in value;
}
