/**
 * Typed app settings of the MIS proxy, notifications and scheduling, read from the environment (Azure app settings;
 * locally local.settings.json or its committed template). Read on each use, so a changed setting (and a test that
 * sets one) takes effect without a restart; parsing a handful of strings costs nothing next to an MIS call.
 */
import { DEFAULT_NARROW_SPECIALTIES } from '@eer/contract';
import * as z from 'zod/mini';

const optionalText = z.optional(z.string().check(z.trim(), z.minLength(1)));
const port = z.pipe(z.string(), z.transform(Number)).check(z.refine((n) => Number.isInteger(n) && n > 0 && n < 65536, 'port'));

const Env = z.object({
  /** SMS gateway base URL (`POST {url}/messages`); unset → SMS are not sent and `smsSent` is false. */
  SMS_GATEWAY_URL: z.optional(z.url()),
  /** Sent as `Authorization: Bearer …` to the gateway when set (the local sink needs none). */
  SMS_GATEWAY_TOKEN: optionalText,
  /** SMTP relay for the notices to medical organisations; unset → no e-mail, `emailSent` is false. */
  SMTP_HOST: optionalText,
  SMTP_PORT: z._default(port, 25),
  SMTP_USER: optionalText,
  SMTP_PASSWORD: optionalText,
  /** `true` for implicit TLS (port 465); otherwise STARTTLS is used when the server offers it. */
  SMTP_SECURE: z._default(z.pipe(z.string(), z.transform((v) => v.toLowerCase() === 'true')), false),
  EER_MAIL_FROM: z._default(z.email(), 'eer122@localhost.localdomain'),
  /** Narrow specialties offered to operators: comma-separated codes, in the order shown. */
  EER_NARROW_SPECIALTIES: optionalText,
  /** How many days past an empty period a slot search goes on looking for the nearest free time. */
  EER_NEAREST_DAYS: z._default(
    z.pipe(z.string(), z.transform(Number)).check(z.refine((n) => Number.isInteger(n) && n >= 0 && n <= 60, 'days')),
    14,
  ),
  /**
   * Local testing only (never set in Azure): the instant the app takes as "now" for opening hours, "today" and
   * past slots, ISO 8601 with a zone. Lets tests check outside-hours behaviour at any time of day.
   */
  EER_NOW: z.optional(z.iso.datetime({ offset: true })),
});

export interface Settings {
  sms: { url: string; token?: string } | null;
  smtp: { host: string; port: number; secure: boolean; user?: string; password?: string } | null;
  mailFrom: string;
  narrowSpecialtyCodes: string[];
  nearestDays: number;
  fixedNow?: Date;
}

/** Empty strings count as unset (app settings cannot be deleted in every portal, only emptied). */
function definedValues(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(Env.shape)) {
    const value = env[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}

/** Throws naming the setting (never its value: it may be a secret) when one is malformed. */
export function settings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = z.safeParse(Env, definedValues(env));
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))].join(', ');
    throw new Error(`Invalid app settings: ${names}`);
  }
  const e = parsed.data;
  return {
    sms: e.SMS_GATEWAY_URL ? { url: e.SMS_GATEWAY_URL.replace(/\/+$/, ''), token: e.SMS_GATEWAY_TOKEN } : null,
    smtp: e.SMTP_HOST
      ? { host: e.SMTP_HOST, port: e.SMTP_PORT, secure: e.SMTP_SECURE, user: e.SMTP_USER, password: e.SMTP_PASSWORD }
      : null,
    mailFrom: e.EER_MAIL_FROM,
    narrowSpecialtyCodes: e.EER_NARROW_SPECIALTIES
      ? e.EER_NARROW_SPECIALTIES.split(',').map((c) => c.trim()).filter((c) => c.length > 0)
      : DEFAULT_NARROW_SPECIALTIES.map((s) => s.code),
    nearestDays: e.EER_NEAREST_DAYS,
    fixedNow: e.EER_NOW ? new Date(e.EER_NOW) : undefined,
  };
}

/** "Now" for hours and dates: the real clock unless EER_NOW fixes it (local testing). */
export function now(env: NodeJS.ProcessEnv = process.env): Date {
  return settings(env).fixedNow ?? new Date();
}
