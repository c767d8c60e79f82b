/**
 * Wall-clock arithmetic in the region's zone with Intl only (no date library): local dates of instants, instants of
 * local times, ISO strings with the zone's offset. Works for any IANA zone, including ones with DST.
 */
import { REGION_TIME_ZONE, localParts, type LocalParts } from '@eer/contract';

export { localParts, type LocalParts };

/** Offset of the zone at an instant, in minutes east of UTC. */
export function offsetMinutes(instant: Date, timeZone: string = REGION_TIME_ZONE): number {
  const p = localParts(instant, timeZone);
  const [y, m, d] = p.date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = p.time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, hh, mm, p.seconds);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant when the wall clock of the zone shows `date` `time` (`24:00` is the next midnight). */
export function zonedInstant(date: string, time: string, timeZone: string = REGION_TIME_ZONE): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Guess with the offset at the wall time read as UTC, then correct once for a DST edge between the two.
  let guess = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  guess = wall - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/** `2026-05-12T08:00:00+03:00`: an instant written in the zone's local time, as people read it. */
export function isoInZone(instant: Date, timeZone: string = REGION_TIME_ZONE): string {
  const p = localParts(instant, timeZone);
  const offset = offsetMinutes(instant, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${p.date}T${p.time}:${String(p.seconds).padStart(2, '0')}${sign}${hh}:${mm}`;
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  t.setUTCFullYear(t.getUTCFullYear());
  return t.toISOString().slice(0, 10);
}

/** ISO weekday (1–7) of a calendar date. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The half-open instant interval of local dates `from`..`to`, both included: [from 00:00, to+1 00:00). */
export function dayRange(from: string, to: string, timeZone: string = REGION_TIME_ZONE): { fromIso: string; toIso: string } {
  return {
    fromIso: isoInZone(zonedInstant(from, '00:00', timeZone), timeZone),
    toIso: isoInZone(zonedInstant(addDays(to, 1), '00:00', timeZone), timeZone),
  };
}
