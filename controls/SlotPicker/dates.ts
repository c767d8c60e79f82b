/**
 * Dates of the slot window in the region's zone (contract `REGION_TIME_ZONE`): the operator and the MIS speak the
 * region's wall clock whatever the operator's PC is set to. Intl only, no date library in the bundle.
 */
import { localDate, REGION_TIME_ZONE, type Lang } from '@eer/contract';

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

const LOCALE: Record<Lang, string> = { ru: 'ru-RU', en: 'en-GB' };
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, kind: 'day' | 'long' | 'time' | 'short'): Intl.DateTimeFormat {
  const key = `${lang}:${kind}`;
  let f = cache.get(key);
  if (!f) {
    // Calendar dates are formatted as UTC midnight of that date; instants in the region's zone.
    const options: Record<typeof kind, Intl.DateTimeFormatOptions> = {
      day: { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' },
      long: { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
      short: { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' },
      time: { timeZone: REGION_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    };
    f = new Intl.DateTimeFormat(LOCALE[lang], options[kind]);
    cache.set(key, f);
  }
  return f;
}

function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** «пн, 30 нояб.» — a day of the free-days list. */
export function dayLabel(date: string, lang: Lang): string {
  return formatter(lang, 'day').format(utcDate(date));
}

/** «понедельник, 30 ноября 2026 г.» — the date in the confirmation. */
export function longDate(date: string, lang: Lang): string {
  return formatter(lang, 'long').format(utcDate(date));
}

/** «30.11.2026» — tables and messages. */
export function shortDate(date: string, lang: Lang): string {
  return formatter(lang, 'short').format(utcDate(date));
}

/** «09:30» of an instant on the region's clock. */
export function clockTime(instant: string, lang: Lang): string {
  return formatter(lang, 'time').format(new Date(instant));
}

/** The region's calendar date of an instant. */
export function regionDateOf(instant: string): string {
  return localDate(new Date(instant));
}
