/**
 * Dataverse settings of the function app (app settings), read on each use like config.ts. With none of the four
 * connection settings set the CRM update is off: the outbox still delivers, and the forms keep writing their rows
 * while the call form is open. A half-set connection fails naming the missing settings (never a value).
 *
 *   DATAVERSE_URL            the environment's URL, e.g. https://org.crm4.dynamics.com (token scope `{url}/.default`)
 *   DATAVERSE_AUTHORITY      the tenant's authority, e.g. https://login.microsoftonline.com/<tenant id>
 *   DATAVERSE_CLIENT_ID      the app registration of the function app (an application user in Dataverse)
 *   DATAVERSE_CLIENT_SECRET  its client secret (Key Vault reference in Azure)
 *   DATAVERSE_ROW_ATTEMPTS   attempts to find a row not made yet (the form may still be creating it), default 5
 *   DATAVERSE_TIMEOUT_MS     timeout of one Web API or token request, default 10000
 */
import * as z from 'zod/mini';

const text = z.optional(z.string().check(z.trim(), z.minLength(1)));
const int = (min: number, max: number, fallback: number) =>
  z._default(z.pipe(z.string(), z.transform(Number)).check(z.refine((n) => Number.isInteger(n) && n >= min && n <= max, 'range')), fallback);

const Env = z.object({
  DATAVERSE_URL: z.optional(z.url({ protocol: /^https?$/ })),
  DATAVERSE_AUTHORITY: z.optional(z.url({ protocol: /^https?$/ })),
  DATAVERSE_CLIENT_ID: text,
  DATAVERSE_CLIENT_SECRET: text,
  DATAVERSE_ROW_ATTEMPTS: int(1, 50, 5),
  DATAVERSE_TIMEOUT_MS: int(100, 120_000, 10_000),
});

const CONNECTION = ['DATAVERSE_URL', 'DATAVERSE_AUTHORITY', 'DATAVERSE_CLIENT_ID', 'DATAVERSE_CLIENT_SECRET'] as const;

export interface DataverseSettings {
  /** Without a trailing slash. */
  url: string;
  authority: string;
  clientId: string;
  clientSecret: string;
  rowAttempts: number;
  timeoutMs: number;
}

/** Null when the CRM update is off (no connection setting set). Throws naming the settings that are wrong or missing. */
export function dataverseSettings(env: NodeJS.ProcessEnv = process.env): DataverseSettings | null {
  const values: Record<string, string> = {};
  for (const key of Object.keys(Env.shape)) {
    const value = env[key]?.trim();
    if (value) values[key] = value;
  }
  const missing = CONNECTION.filter((key) => !values[key]);
  if (missing.length === CONNECTION.length) return null;
  const parsed = z.safeParse(Env, values);
  const wrong = parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0]));
  const names = [...new Set([...missing, ...wrong])];
  if (names.length > 0 || !parsed.success) throw new Error(`Invalid app settings: ${names.join(', ')} (the Dataverse connection needs all four of ${CONNECTION.join(', ')})`);
  const e = parsed.data;
  return {
    url: e.DATAVERSE_URL!.replace(/\/+$/, ''),
    authority: e.DATAVERSE_AUTHORITY!.replace(/\/+$/, ''),
    clientId: e.DATAVERSE_CLIENT_ID!,
    clientSecret: e.DATAVERSE_CLIENT_SECRET!,
    rowAttempts: e.DATAVERSE_ROW_ATTEMPTS,
    timeoutMs: e.DATAVERSE_TIMEOUT_MS,
  };
}
