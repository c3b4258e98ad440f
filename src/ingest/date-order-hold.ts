/**
 * Rows held back while a file has not yet shown the day/month order of its
 * slashed dates (04/05/2024): the first row that shows it lets them go, in their
 * order, read with that order. Past a limit the file needs `dateOrder` in the config.
 */
import { InputError } from '../errors.js';

/** Rows held back at most; past this, the file needs config. */
const MAX_HELD = 100_000;

export interface HeldRow {
  fields: string[];
  line: number;
}

export class DateOrderHold {
  private held: HeldRow[] = [];

  constructor(private readonly file: string) {}

  get size(): number {
    return this.held.length;
  }

  hold(row: HeldRow): void {
    this.held.push(row);
    if (this.held.length > MAX_HELD) throw this.unresolved();
  }

  /** The rows held, in their order; the hold is empty after. */
  release(): HeldRow[] {
    const held = this.held;
    this.held = [];
    return held;
  }

  /** The file ended with rows held: its order cannot be told. */
  unresolved(): InputError {
    return new AmbiguousDatesError(
      { file: this.file, line: this.held[0]!.line },
      'dates such as 04/05/2024 can be read as day/month or as month/day, and no row of the file shows which; ' +
        'set "dateOrder": "dmy" (day first, as in Sweden) or "mdy" in the config',
    );
  }
}

/** The file's slashed dates never showed day/month order. */
export class AmbiguousDatesError extends InputError {}
