import { REGION_TIME_ZONE, localParts, type LocalParts, type TimeRange, type WeeklyHours } from '@eer/contract';

/**
 * Reading `WeeklyHours` (hours per ISO weekday, wall-clock times of the region) in the browser: is it open at an
 * instant, when does it open next, and short texts for people. The same rule as the function app's `availability`
 * (`to` exclusive, a week and a day ahead), which checks again on the server: this one only informs the operator.
 */
export type Weekday = LocalParts['weekday'];
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** An instant as the region's wall clock shows it. */
export type LocalMoment = Omit<LocalParts, 'seconds'>;

export function localMoment(instant: Date, timeZone: string = REGION_TIME_ZONE): LocalMoment {
  const { date, time, weekday } = localParts(instant, timeZone);
  return { date, time, weekday };
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

export function dayHours(hours: WeeklyHours, weekday: Weekday): readonly TimeRange[] {
  return hours[weekday] ?? [];
}

export interface OpenState {
  open: boolean;
  /** When open: the end of the current range, `HH:MM`. */
  until: string | null;
  /** When closed: the next opening on the region's clock; null when the week has no hours at all. */
  next: LocalMoment | null;
}

export function openState(hours: WeeklyHours, now: Date, timeZone: string = REGION_TIME_ZONE): OpenState {
  const local = localMoment(now, timeZone);
  const range = dayHours(hours, local.weekday).find((r) => r.from <= local.time && local.time < r.to);
  if (range) return { open: true, until: range.to, next: null };
  for (let ahead = 0; ahead <= 7; ahead++) {
    const weekday = (((local.weekday - 1 + ahead) % 7) + 1) as Weekday;
    const starts = dayHours(hours, weekday)
      .map((r) => r.from)
      .filter((from) => ahead > 0 || from > local.time)
      .sort();
    const first = starts[0];
    if (first !== undefined) return { open: false, until: null, next: { date: addDays(local.date, ahead), time: first, weekday } };
  }
  return { open: false, until: null, next: null };
}

/** `08:00–14:00, 15:00–18:00`; empty for a closed day. */
export function rangesText(ranges: readonly TimeRange[]): string {
  return ranges.map((r) => `${r.from}–${r.to}`).join(', ');
}

/** Runs of consecutive weekdays with the same hours, Monday first: a week fits in one line. */
export function weekRuns(hours: WeeklyHours): Array<{ from: Weekday; to: Weekday; text: string }> {
  const runs: Array<{ from: Weekday; to: Weekday; text: string }> = [];
  for (const day of WEEKDAYS) {
    const text = rangesText(dayHours(hours, day));
    const last = runs[runs.length - 1];
    if (last && last.text === text && last.to === day - 1) last.to = day;
    else runs.push({ from: day, to: day, text });
  }
  return runs;
}

/** `Пн–Пт 08:00–14:00; Сб 09:00–12:00; Вс выходной`, with the day names and the closed word of the control's resx. */
export function weekSummary(hours: WeeklyHours, dayShort: Readonly<Record<Weekday, string>>, closed: string): string {
  return weekRuns(hours)
    .map((run) => {
      const days = run.from === run.to ? dayShort[run.from] : `${dayShort[run.from]}–${dayShort[run.to]}`;
      return `${days} ${run.text || closed}`;
    })
    .join('; ');
}

/** `ДД.ММ` of a `YYYY-MM-DD` date. */
export function dayMonth(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}`;
}

const dayNameFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Weekday names in the user's language from the browser's locale data (no resx strings to keep in step):
 * `short` «Пн», `long` «Понедельник», capitalised, keyed by ISO weekday.
 */
export function weekdayNames(lang: 'ru' | 'en', width: 'short' | 'long'): Record<Weekday, string> {
  const key = `${lang}:${width}`;
  let f = dayNameFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { weekday: width, timeZone: 'UTC' });
    dayNameFormats.set(key, f);
  }
  const names = {} as Record<Weekday, string>;
  for (const day of WEEKDAYS) {
    // 2024-01-01 was a Monday
    const text = f.format(new Date(Date.UTC(2024, 0, day)));
    names[day] = text.charAt(0).toUpperCase() + text.slice(1);
  }
  return names;
}
