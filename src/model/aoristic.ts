/**
 * Aoristic counting: an incident known only to have happened between two times
 * counts a share in each clock hour of that span, the same share in each (the
 * hours it touches, 1/n each), so that its shares add up to one incident.
 */
import { TZDate } from '@date-fns/tz';

const HOUR = 3_600_000;

export interface ClockHour {
  /** 0 = Monday. */
  weekday: number;
  hour: number;
}

/** The local clock hours a span [start, end) touches, in order; a span of no length touches its start's hour. */
export function hoursOf([start, end]: readonly [number, number], timeZone: string): ClockHour[] {
  const first = new TZDate(start, timeZone);
  const hourStart = start - (first.getMinutes() * 60_000 + first.getSeconds() * 1000 + first.getMilliseconds());
  const steps = Math.max(1, Math.ceil((end - hourStart) / HOUR));
  const sameOffset = first.getTimezoneOffset() === new TZDate(hourStart + (steps - 1) * HOUR, timeZone).getTimezoneOffset();
  const hours: ClockHour[] = [];
  let weekday = (first.getDay() + 6) % 7;
  let hour = first.getHours();
  for (let i = 0; i < steps; i++) {
    if (!sameOffset && i > 0) {
      // Across a daylight-saving change the clock skips or repeats an hour: ask it.
      const local = new TZDate(hourStart + i * HOUR, timeZone);
      weekday = (local.getDay() + 6) % 7;
      hour = local.getHours();
    }
    hours.push({ weekday, hour });
    if (++hour === 24) {
      hour = 0;
      weekday = (weekday + 1) % 7;
    }
  }
  return hours;
}

/** Adds one incident over its span to a weekday × hour grid, 1/n to each of the n hours it touches. */
export function spreadOver(grid: number[][], span: readonly [number, number], timeZone: string): void {
  const hours = hoursOf(span, timeZone);
  const share = 1 / hours.length;
  for (const { weekday, hour } of hours) grid[weekday]![hour]! += share;
}
