/**
 * A file that has rows and no row that can be used (every one rejected, or
 * skipped) is no export to count from: a report would show it as nothing
 * happening. Like an unreadable file, it cannot be used; the message names its
 * first rejected row, and `validate` lists them all.
 */
import type { Rejection } from '../domain.js';
import { InputError } from '../errors.js';
import type { FileAccount } from '../model/build-report.js';
import type { TallyData } from '../model/file-tally.js';
import { reasonText } from '../texts/reasons.js';
import type { TallySink } from './file-reader.js';

/** Passes a file's tallies on, keeping its first rejected row. */
export class FirstRejection implements TallySink {
  first: Rejection | undefined;

  constructor(private readonly sink: TallySink) {}

  addTally(account: FileAccount, tally: TallyData): void {
    this.first ??= tally.rejected[0];
    this.sink.addTally(account, tally);
  }
}

/** Fails, naming the file, when it has rows and none of them can be used. */
export function checkSomeRowUsable(account: FileAccount, first: Rejection | undefined): void {
  if (account.rows === 0 || first === undefined || account.rejected + account.skipped < account.rows) return;
  // One line, as every error is: a line break in the value the reason quotes is shown as \n.
  const reason = reasonText('en', first).replace(/\r\n|\r|\n/g, (b) => JSON.stringify(b).slice(1, -1));
  const where = `line ${first.line}${first.column === undefined ? '' : `, column ${first.column}`}: ${reason}`;
  const what = account.rows === 1 ? `its one row was rejected (${where})` : `all ${account.rows} rows were rejected${account.skipped > 0 ? ' or skipped' : ''}, the first at ${where}; lagesbild validate lists every one`;
  throw new InputError({ file: account.file }, `no row can be used: ${what}`);
}
