/** What the masking knows of the report it masks for: the days its exports speak of. */
import { addCalendarDays, type CalendarDate, type ReportPeriod } from '../period.js';

export interface RedactionContext {
  /**
   * The report's span, first and last day: a date in it followed by a time of day
   * (`240416-1230`) is a time stamp, not a personnummer. Without it, no number is taken for one.
   */
  times?: { from: CalendarDate; to: CalendarDate };
}

/** Descriptions are typed after the event too: a follow-up a month after the window is still a time stamp. */
const AFTER_THE_WINDOW = 31;

/** From the first day of the oldest window of the history to a month after the report's window. */
export function redactionContext(period: ReportPeriod): RedactionContext {
  const oldest = period.history[period.history.length - 1] ?? period.current;
  return { times: { from: oldest.start, to: addCalendarDays(period.current.end, AFTER_THE_WINDOW, period.timeZone) } };
}
