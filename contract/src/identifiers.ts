import * as z from 'zod/mini';
import { formatError } from './messages';

/**
 * Identifier rules of mis-reference.md §3. Every schema here outputs one canonical form, and that form parses again
 * to itself, so the same schema checks a request coming in and a response going out:
 * SNILS 11 digits, ЕНП 16 digits, passport 10 digits, phone E.164 `+7XXXXXXXXXX`. Display with the `format*` helpers.
 */

/** The region's clock: dates (age, "today", opening hours) are taken in this IANA zone. */
export const REGION_TIME_ZONE = 'Europe/Moscow';

/** Separators people type inside numbers. */
const SEPARATORS = /[\s\-‐‑–—.]/g;

// ---------------------------------------------------------------------------------------------------------- SNILS

export function normalizeSnils(value: string): string {
  return value.replace(SEPARATORS, '');
}

/** The two check digits of a SNILS, from its first 9 digits (a full 11-digit SNILS is accepted too). */
export function snilsCheckDigits(value: string): string {
  const digits = normalizeSnils(value);
  if (!/^\d{9}(\d{2})?$/.test(digits)) throw new RangeError('SNILS: 9 or 11 digits expected');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (9 - i);
  let check: number;
  if (sum < 100) check = sum;
  else if (sum === 100 || sum === 101) check = 0;
  else check = sum % 101 === 100 ? 0 : sum % 101;
  return String(check).padStart(2, '0');
}

/** The checksum is checked only for numbers above 001-001-998 (mis-reference §3). */
const SNILS_CHECKSUM_FROM = 1001998;

function snilsChecksumHolds(digits: string): boolean {
  return Number(digits.slice(0, 9)) <= SNILS_CHECKSUM_FROM || snilsCheckDigits(digits) === digits.slice(9);
}

export function isValidSnils(value: string): boolean {
  const digits = normalizeSnils(value);
  return /^\d{11}$/.test(digits) && snilsChecksumHolds(digits);
}

/** `XXX-XXX-XXX YY`; anything that is not 11 digits comes back unchanged. */
export function formatSnils(value: string): string {
  const d = normalizeSnils(value);
  return /^\d{11}$/.test(d) ? `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 9)} ${d.slice(9)}` : value;
}

const SnilsDigits = z.string().check(z.regex(/^\d{11}$/, 'snils.length'));

export const Snils = z.pipe(
  z.pipe(z.string(), z.transform(normalizeSnils)),
  SnilsDigits.check(z.refine((d) => !/^\d{11}$/.test(d) || snilsChecksumHolds(d), 'snils.checksum')),
);
export type Snils = z.infer<typeof Snils>;

/** SNILS as the MIS holds it: format only. A wrong checksum in the registry must not hide a patient card. */
export const StoredSnils = z.pipe(z.pipe(z.string(), z.transform(normalizeSnils)), SnilsDigits);
export type StoredSnils = z.infer<typeof StoredSnils>;

// ------------------------------------------------------------------------------------------- ЕНП and OMS policies

export function normalizeEnp(value: string): string {
  return value.replace(SEPARATORS, '');
}

/** Check digit over the first 15 digits: from the right, odd positions doubled (digit sum), even as is. */
export function enpCheckDigit(value: string): number {
  const digits = normalizeEnp(value);
  if (!/^\d{15}(\d)?$/.test(digits)) throw new RangeError('ЕНП: 15 or 16 digits expected');
  let sum = 0;
  for (let i = 14, pos = 1; i >= 0; i--, pos++) {
    let d = Number(digits[i]);
    if (pos % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidEnp(value: string): boolean {
  const digits = normalizeEnp(value);
  return /^\d{16}$/.test(digits) && enpCheckDigit(digits) === Number(digits[15]);
}

const EnpDigits = z.string().check(z.regex(/^\d{16}$/, 'enp.length'));

/** ЕНП, the unified OMS policy number (16 digits, check digit). */
export const Enp = z.pipe(
  z.pipe(z.string(), z.transform(normalizeEnp)),
  EnpDigits.check(z.refine((d) => !/^\d{16}$/.test(d) || isValidEnp(d), 'enp.checkDigit')),
);
export type Enp = z.infer<typeof Enp>;

/** Policy of the old form: series and number, no checksum. */
export const OldPolicy = z.object({
  series: z.string().check(z.trim(), z.regex(/^[0-9A-Za-zА-Яа-яЁё-]{1,10}$/u, 'policy.series')),
  number: z.string().check(z.trim(), z.regex(/^\d{1,16}$/, 'policy.number')),
});
export type OldPolicy = z.infer<typeof OldPolicy>;

/** An OMS policy: the ЕНП as a string, or an old policy as `{series, number}`. */
export const OmsPolicy = z.union([Enp, OldPolicy]);
export type OmsPolicy = z.infer<typeof OmsPolicy>;

/** Policy as the MIS holds it: the ЕНП by format only (see `StoredSnils`). */
export const StoredPolicy = z.union([z.pipe(z.pipe(z.string(), z.transform(normalizeEnp)), EnpDigits), OldPolicy]);
export type StoredPolicy = z.infer<typeof StoredPolicy>;

export function isEnpPolicy(policy: OmsPolicy | StoredPolicy): policy is string {
  return typeof policy === 'string';
}

/**
 * What an operator typed in one policy field: 16 digits → ЕНП; otherwise "series number" with the number as the last
 * run of digits. Returns input for `OmsPolicy` (which still checks it), or null when nothing fits.
 */
export function policyFromText(text: string): OmsPolicy | null {
  const trimmed = text.trim();
  const compact = normalizeEnp(trimmed);
  if (/^\d{16}$/.test(compact)) return compact;
  const m = /^([0-9A-Za-zА-Яа-яЁё-]{1,10})[\s№]+(\d{1,16})$/u.exec(trimmed);
  return m && m[1] !== undefined && m[2] !== undefined ? { series: m[1], number: m[2] } : null;
}

export function formatPolicy(policy: OmsPolicy | StoredPolicy): string {
  return isEnpPolicy(policy) ? policy : `${policy.series} ${policy.number}`;
}

// --------------------------------------------------------------------------------------------------------- Passport

export const PassportParts = z.object({
  series: z.string().check(z.regex(/^\d{4}$/, 'passport.format')),
  number: z.string().check(z.regex(/^\d{6}$/, 'passport.format')),
});
export type PassportParts = z.infer<typeof PassportParts>;

/** `45 06 123456`, `4506 123456`, `4506123456` → `{series: '4506', number: '123456'}`; null otherwise. */
export function normalizePassport(value: string): PassportParts | null {
  const digits = value.replace(/\s/g, '');
  return /^\d{10}$/.test(digits) ? { series: digits.slice(0, 4), number: digits.slice(4) } : null;
}

/** `45 06 123456`; a string that is not a passport comes back unchanged. */
export function formatPassport(value: string | PassportParts): string {
  const parts = typeof value === 'string' ? normalizePassport(value) : value;
  if (!parts) return value as string;
  return `${parts.series.slice(0, 2)} ${parts.series.slice(2)} ${parts.number}`;
}

/** Passport of the Russian Federation, output as 10 digits (series then number). */
export const Passport = z.pipe(
  z.pipe(z.string(), z.transform((v: string) => v.replace(/\s/g, ''))),
  z.string().check(z.regex(/^\d{10}$/, 'passport.format')),
);
export type Passport = z.infer<typeof Passport>;

// ------------------------------------------------------------------------------------------------------------ Phone

const E164_RU = /^\+7\d{10}$/;
const MOBILE_RU = /^\+79\d{9}$/;

/** `8…`, `7…`, `+7…` (11 digits) or 10 bare digits, with spaces, dashes, dots, brackets → `+7XXXXXXXXXX`; else null. */
export function normalizePhone(value: string): string | null {
  const compact = value.replace(/[\s\-‐‑–—.()]/g, '');
  if (E164_RU.test(compact)) return compact;
  if (/^[78]\d{10}$/.test(compact)) return `+7${compact.slice(1)}`;
  if (/^\d{10}$/.test(compact)) return `+7${compact}`;
  return null;
}

export function isMobilePhone(value: string): boolean {
  const e164 = normalizePhone(value);
  return e164 !== null && MOBILE_RU.test(e164);
}

/** `+7 (916) 123-45-67`; what cannot be read as a phone comes back unchanged. */
export function formatPhone(value: string): string {
  const e = normalizePhone(value);
  if (!e) return value;
  return `+7 (${e.slice(2, 5)}) ${e.slice(5, 8)}-${e.slice(8, 10)}-${e.slice(10)}`;
}

const toE164 = z.transform((value: string, ctx) => {
  const e164 = normalizePhone(value);
  if (e164 === null) {
    ctx.issues.push({ code: 'custom', message: 'phone.format', input: value });
    return z.NEVER;
  }
  return e164;
});

/** A Russian phone number in any accepted spelling, output as E.164 `+7XXXXXXXXXX`. */
export const Phone = z.pipe(z.pipe(z.string(), toE164), z.string().check(z.regex(E164_RU, 'phone.format')));
export type Phone = z.infer<typeof Phone>;

/** A phone that can take SMS (`+79…`), output as E.164. */
export const MobilePhone = z.pipe(Phone, z.string().check(z.regex(MOBILE_RU, 'phone.notMobile')));
export type MobilePhone = z.infer<typeof MobilePhone>;

/** The caller's number: null when withheld or not Russian. A call is never rejected for its number. */
export const CallerNumber = z.pipe(
  z.pipe(
    z.nullable(z.string()),
    z.transform((v: string | null) => (v === null ? null : normalizePhone(v))),
  ),
  z.nullable(z.string().check(z.regex(E164_RU, 'phone.format'))),
);
export type CallerNumber = z.infer<typeof CallerNumber>;

// -------------------------------------------------------------------------------------------------- Dates and age

/** An instant as the wall clock of a zone shows it. */
export interface LocalParts {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM` */
  time: string;
  /** ISO weekday, 1 Monday … 7 Sunday. */
  weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  seconds: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAY_OF: Record<string, LocalParts['weekday']> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall clock of `timeZone` at `instant` (Intl only: any IANA zone, DST included). */
export function localParts(instant: Date, timeZone: string = REGION_TIME_ZONE): LocalParts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(instant)) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, weekday: WEEKDAY_OF[p.weekday ?? ''] ?? 1, seconds: Number(p.second) };
}

/** The calendar date `YYYY-MM-DD` it is at `now` in `timeZone`. */
export function localDate(now: Date, timeZone: string = REGION_TIME_ZONE): string {
  return localParts(now, timeZone).date;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(value: string): { y: number; m: number; d: number } | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC maps years 0–99 to 19xx; setUTCFullYear keeps them
  t.setUTCFullYear(y);
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? { y, m: mo, d } : null;
}

export function isRealDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * Age in full years on the date it is at `now` in `timeZone`. A 29 February birthday falls on 28 February in other
 * years (Civil Code art. 192: a period ending on a missing day ends on the last day of that month).
 * Throws RangeError for a malformed date or one after that local date.
 */
export function ageOn(birthDate: string, now: Date, timeZone: string = REGION_TIME_ZONE): number {
  const b = parseIsoDate(birthDate);
  const today = parseIsoDate(localDate(now, timeZone));
  if (!b || !today) throw new RangeError('ageOn: birth date must be a real YYYY-MM-DD date');
  if (birthDate > localDate(now, timeZone)) throw new RangeError('ageOn: birth date is in the future');
  const bDay = b.m === 2 && b.d === 29 && !isLeapYear(today.y) ? 28 : b.d;
  const hadBirthday = today.m > b.m || (today.m === b.m && today.d >= bDay);
  return today.y - b.y - (hadBirthday ? 0 : 1);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) throw new RangeError('daysBetween: real YYYY-MM-DD dates expected');
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}

/** A real calendar date `YYYY-MM-DD`. */
export const IsoDate = z.iso.date(formatError('date.format'));
export type IsoDate = z.infer<typeof IsoDate>;

/** A birth date: a real date, not after today in the region, not before 1900. */
export const BirthDate = IsoDate.check(
  z.refine((d) => !isRealDate(d) || d <= localDate(new Date()), 'birthDate.future'),
  z.refine((d) => !isRealDate(d) || d >= '1900-01-01', 'birthDate.tooOld'),
);
export type BirthDate = z.infer<typeof BirthDate>;

/** ISO 8601 date-time with `Z` or an offset: instants cross time zones, so a bare local time is refused. */
export const IsoDateTime = z.iso.datetime({ offset: true, ...formatError('dateTime.format') });
export type IsoDateTime = z.infer<typeof IsoDateTime>;

const CLOCK_TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

export function isClockTime(value: string): boolean {
  return CLOCK_TIME.test(value);
}

/** Wall-clock time `HH:MM`; `24:00` closes a day that runs to midnight. */
export const ClockTime = z.string().check(z.regex(CLOCK_TIME, 'time.format'));
export type ClockTime = z.infer<typeof ClockTime>;

// ------------------------------------------------------------------------------------------ District doctor kind

export const DistrictDoctorKind = z.enum(['pediatrician', 'therapist', 'general_practitioner']);
export type DistrictDoctorKind = z.infer<typeof DistrictDoctorKind>;

/** Under 18 → pediatrician; 18 and over → therapist, or the general practitioner (ВОП) where the zone has one. */
export function districtDoctorKind(age: number, zoneHasGeneralPractitioner = false): DistrictDoctorKind {
  if (age < 18) return 'pediatrician';
  return zoneHasGeneralPractitioner ? 'general_practitioner' : 'therapist';
}

// -------------------------------------------------------------------------------------------------- Common fields

/** Trimmed text of `min`..`max` characters (non-empty by default). */
export function boundedText(max: number, min = 1) {
  return z.string().check(z.trim(), z.minLength(min), z.maxLength(max));
}

/** An id issued by the MIS, Dataverse or telephony: opaque, 1–128 printable characters, no slash (used in paths). */
export const EntityId = z.string().check(z.trim(), z.regex(/^[^\s/?#]{1,128}$/, 'id.format'));
export type EntityId = z.infer<typeof EntityId>;

/** Idempotency key chosen by the client for one user action; a retry sends the same key. */
export const ClientKey = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'clientKey.format'));
export type ClientKey = z.infer<typeof ClientKey>;

const NAME_CHARS = /^[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё'’ -]*$/u;

function letterCount(value: string): number {
  return (value.match(/[A-Za-zА-Яа-яЁё]/gu) ?? []).length;
}

/** One part of a person's name as typed by an operator. */
export const NamePart = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(60),
  z.refine((v) => v === '' || NAME_CHARS.test(v), 'name.format'),
);
export type NamePart = z.infer<typeof NamePart>;

/** A full name or its beginning for search: Cyrillic or Latin letters, space, hyphen, apostrophe; 2+ letters. */
export const FullNameQuery = z.string().check(
  z.trim(),
  z.maxLength(150),
  z.refine((v) => v === '' || NAME_CHARS.test(v), 'name.format'),
  z.refine((v) => (v !== '' && !NAME_CHARS.test(v)) || letterCount(v) >= 2, 'name.tooShort'),
);
export type FullNameQuery = z.infer<typeof FullNameQuery>;

// ---------------------------------------------------------------------------------------------------- Date ranges

/** Longest period a schedule query may span, both ends included: a month view. */
export const MAX_RANGE_DAYS = 31;

/** Checks for an object with `from` and `to` dates: `to` not before `from`, at most `maxDays` days in all. */
export function dateRangeChecks(maxDays: number = MAX_RANGE_DAYS) {
  type Range = { from: string; to: string };
  const both = (r: Range) => isRealDate(r.from) && isRealDate(r.to);
  return [
    z.refine<Range>((r) => !both(r) || r.to >= r.from, {
      message: 'dateRange.order',
      path: ['to'],
    }),
    z.refine<Range>((r) => !both(r) || r.to < r.from || daysBetween(r.from, r.to) < maxDays, {
      message: 'dateRange.tooLong',
      path: ['to'],
    }),
  ] as const;
}
