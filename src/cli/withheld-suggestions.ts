/** What the log says of look-alike names that were not suggested. */
import type { Logger } from './log.js';

/** A suggestion whose name holds personal data is left out: its config line would have to show it, or a mask that merges nothing. */
export function sayWithheld(count: number, log: Pick<Logger, 'warn'>): void {
  if (count === 0) return;
  log.warn(
    `${count === 1 ? '1 name that looks like another is' : `${count} names that look like others are`} not suggested for merging: ` +
      'the names hold personal data, which a config line would show (--no-redact shows them)',
  );
}
