import { formatPhone } from '@eer/contract';
import type { Strings } from '../shared/pcf/strings';
import type { CallPanelStringKey } from './strings';

type S = Strings<CallPanelStringKey>;

/** mm:ss (or h:mm:ss past an hour) of elapsed seconds. */
export function formatElapsed(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** «3. Запись на приём к врачу», or «Тема не выбрана» for a digit outside the menu. */
export function topicText(digit: number | null | undefined, strings: S): string {
  if (digit === null || digit === undefined || !Number.isInteger(digit) || digit < 1 || digit > 8) return strings.Topic_Unknown;
  return `${digit}. ${strings[`Topic_${digit}` as CallPanelStringKey]}`;
}

/** `+7 (916) 123-45-67`, or «Номер скрыт» when the caller withheld it. */
export function callerText(number: string | null | undefined, strings: S): string {
  return number ? formatPhone(number) : strings.Incoming_Withheld;
}

/** Local time of an instant, `26.11.2026 10:05`, in the region's clock as the browser shows it. */
export function dateTimeText(iso: string, lang: 'ru' | 'en'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Moscow',
  }).format(date);
}
