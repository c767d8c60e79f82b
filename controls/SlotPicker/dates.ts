/**
 * Dates of the slot window in the region's zone (contract `REGION_TIME_ZONE`): the operator and the MIS speak the
 * region's wall clock whatever the operator's PC is set to. Formatting is the shared `calendarText`.
 */
import { localDate } from '@eer/contract';

/** Today in the region, `YYYY-MM-DD`. */
export function regionToday(now: Date = new Date()): string {
  return localDate(now);
}

/** `date` plus `days` calendar days (negative goes back), `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** The default search interval of the manual's window: today and the next `days − 1` days. */
export function defaultInterval(days: number, now: Date = new Date()): { from: string; to: string } {
  const from = regionToday(now);
  return { from, to: addDays(from, Math.max(1, days) - 1) };
}

/** The region's calendar date of an instant. */
export function regionDateOf(instant: string): string {
  return localDate(new Date(instant));
}
