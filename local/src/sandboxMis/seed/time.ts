/** Calendar helpers for today-relative schedules in the region's time zone. */
import { REGION_TIME_ZONE } from '@eer/contract';

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

const offsets = new Map<string, string>();

/** The zone's UTC offset on a date, `+03:00` (noon is used: no zone changes its offset at noon). */
export function zoneOffset(date: string, timeZone: string = REGION_TIME_ZONE): string {
  const key = `${timeZone} ${date}`;
  let offset = offsets.get(key);
  if (!offset) {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(`${date}T12:00:00Z`))
      .find((p) => p.type === 'timeZoneName')?.value;
    const m = /GMT([+-]\d{2}:\d{2})?/.exec(name ?? '');
    offset = m?.[1] ?? '+00:00';
    offsets.set(key, offset);
  }
  return offset;
}

/** A local wall-clock time on a date as an ISO instant with the zone's offset: `2025-03-03T08:00:00+03:00`. */
export function localInstant(date: string, time: string, timeZone: string = REGION_TIME_ZONE): string {
  return `${date}T${time}:00${zoneOffset(date, timeZone)}`;
}

export function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number);
  const total = (h ?? 0) * 60 + (m ?? 0) + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
