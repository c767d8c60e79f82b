import { REGION_TIME_ZONE, type Lang } from '@eer/contract';

/**
 * Dates and times as people read them, in the user's language: calendar dates (`YYYY-MM-DD`) are formatted as that
 * day, instants on the region's clock whatever the PC is set to. Intl only, no date library.
 */
const LOCALE: Record<Lang, string> = { ru: 'ru-RU', en: 'en-GB' };
const cache = new Map<string, Intl.DateTimeFormat>();

type Kind = 'day' | 'long' | 'short' | 'time';
const OPTIONS: Record<Kind, Intl.DateTimeFormatOptions> = {
  day: { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' },
  long: { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  short: { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' },
  time: { timeZone: REGION_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

function formatter(lang: Lang, kind: Kind): Intl.DateTimeFormat {
  const key = `${lang}:${kind}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], OPTIONS[kind]);
    cache.set(key, f);
  }
  return f;
}

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** «пн, 30 нояб.» */
export function dayLabel(date: string, lang: Lang): string {
  return formatter(lang, 'day').format(utc(date));
}
/** «понедельник, 30 ноября 2026 г.» */
export function longDate(date: string, lang: Lang): string {
  return formatter(lang, 'long').format(utc(date));
}
/** «30.11.2026» */
export function shortDate(date: string, lang: Lang): string {
  return formatter(lang, 'short').format(utc(date));
}
/** «09:30» of an instant on the region's clock. */
export function clockTime(instant: string, lang: Lang): string {
  return formatter(lang, 'time').format(new Date(instant));
}
