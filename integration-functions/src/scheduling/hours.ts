/**
 * Is an organisation taking requests now, and when does it open next (manual §5: home visits are taken only during
 * the MO's accepting hours). Hours are wall-clock times of the region per ISO weekday.
 */
import { REGION_TIME_ZONE, type Lang, type WeeklyHours } from '@eer/contract';
import { addDays, isoInZone, localParts, weekdayOf, zonedInstant } from './time';

export interface Availability {
  acceptingNow: boolean;
  /** When closed: the next opening, ISO 8601 in the region's offset; absent when the hours are empty all week. */
  nextOpensAt?: string;
}

function dayHours(hours: WeeklyHours, weekday: number): WeeklyHours[1] {
  return hours[weekday as keyof WeeklyHours] ?? [];
}

export function availability(hours: WeeklyHours, now: Date, timeZone: string = REGION_TIME_ZONE): Availability {
  const local = localParts(now, timeZone);
  const today = dayHours(hours, local.weekday);
  // `to` is exclusive; text comparison orders zero-padded HH:MM, and 24:00 sorts after 23:59.
  if (today.some((r) => r.from <= local.time && local.time < r.to)) return { acceptingNow: true };
  // A week and a day ahead covers "opens next Monday" asked on a Monday evening.
  for (let ahead = 0; ahead <= 7; ahead++) {
    const date = addDays(local.date, ahead);
    const starts = dayHours(hours, weekdayOf(date))
      .map((r) => r.from)
      .filter((from) => ahead > 0 || from > local.time)
      .sort();
    const first = starts[0];
    if (first !== undefined) return { acceptingNow: false, nextOpensAt: isoInZone(zonedInstant(date, first, timeZone), timeZone) };
  }
  return { acceptingNow: false };
}

/** `12.05.2026 08:00` from an ISO instant, in the region's time. */
export function formatLocalDateTime(iso: string, timeZone: string = REGION_TIME_ZONE): string {
  const p = localParts(new Date(iso), timeZone);
  const [y, m, d] = p.date.split('-');
  return `${d}.${m}.${y} ${p.time}`;
}

/** The operator-safe text of `outside_hours` for a home visit: who is closed and when it opens (no personal data). */
export function outsideHoursMessage(moName: string, nextOpensAt: string | undefined, lang: Lang): string {
  if (lang === 'en') {
    return nextOpensAt
      ? `${moName} is not taking home-visit requests now. Requests are accepted again from ${formatLocalDateTime(nextOpensAt)} (Moscow time).`
      : `${moName} does not take home-visit requests through the 122 line.`;
  }
  return nextOpensAt
    ? `${moName} сейчас не принимает вызовы на дом. Приём вызовов возобновится ${formatLocalDateTime(nextOpensAt)} (мск).`
    : `${moName} не принимает вызовы на дом через линию 122.`;
}
