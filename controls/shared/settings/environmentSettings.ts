/**
 * Per-environment settings from Dataverse environment variables: one webAPI query per page (shared by every
 * control on it), the current value winning over the definition's default, each value checked.
 */
import { WeeklyHours, validate } from '@eer/contract';
import { ENVIRONMENT_VARIABLES, type SettingKey } from './names';
import { forgetPageShared, pageShared } from '../pageShared';

export interface EnvironmentSettings {
  /** API root of the function app, without a trailing slash. */
  functionsBaseUrl: string | null;
  authClientId: string | null;
  authAuthority: string | null;
  functionsScope: string | null;
  callTimeThresholdSeconds: number;
  homeVisitHours: WeeklyHours | null;
  /** Variables whose value was present but unusable (the fallback is used): show them to an admin, not an operator. */
  invalid: SettingKey[];
}

/** Used when neither a current value nor a default exists, or the value is unusable. */
export const SETTING_FALLBACKS = { callTimeThresholdSeconds: 180 } as const;

/** The webAPI part settings need; `context.webAPI` fits. */
export type SettingsWebApi = Pick<ComponentFramework.WebApi, 'retrieveMultipleRecords'>;

const DEFINITION = 'environmentvariabledefinition';
const VALUES = 'environmentvariabledefinition_environmentvariablevalue';

/** The one OData query: our definitions by schema name, each with its current value(s). */
export function settingsQuery(): string {
  const names = Object.values(ENVIRONMENT_VARIABLES).map((name) => `schemaname eq '${name}'`);
  return `?$select=schemaname,defaultvalue&$filter=(${names.join(' or ')})&$expand=${VALUES}($select=value)`;
}

function httpsUrl(text: string): string | null {
  try {
    const url = new URL(text);
    // http only for the local stack on this machine (the desk); Dynamics itself is always https.
    const local = url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
    return url.protocol === 'https:' || local ? url.href.replace(/\/+$/, '') : null;
  } catch {
    return null;
  }
}

/** Turns the definition records into settings; exported for tests and for a host that reads the values itself. */
export function settingsFromRecords(records: ReadonlyArray<Record<string, unknown>>): EnvironmentSettings {
  const raw = new Map<string, string>();
  for (const record of records) {
    const name = typeof record.schemaname === 'string' ? record.schemaname.toLowerCase() : '';
    const values = record[VALUES];
    const current = Array.isArray(values) ? values.map((v) => (v as { value?: unknown }).value).find((v) => typeof v === 'string' && v !== '') : undefined;
    const value = typeof current === 'string' ? current : typeof record.defaultvalue === 'string' ? record.defaultvalue : '';
    if (name && value.trim() !== '') raw.set(name, value.trim());
  }
  const invalid: SettingKey[] = [];
  const read = (key: SettingKey) => raw.get(ENVIRONMENT_VARIABLES[key].toLowerCase()) ?? null;
  const check = <T>(key: SettingKey, parse: (text: string) => T | null): T | null => {
    const text = read(key);
    if (text === null) return null;
    const value = parse(text);
    if (value === null) invalid.push(key);
    return value;
  };
  const text = (value: string) => value;

  const seconds = check('callTimeThresholdSeconds', (t) => (/^\d{1,5}$/.test(t) && Number(t) > 0 ? Number(t) : null));
  const hours = check('homeVisitHours', (t) => {
    try {
      const parsed = validate(WeeklyHours, JSON.parse(t), 'en');
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  });
  return {
    functionsBaseUrl: check('functionsBaseUrl', httpsUrl),
    authClientId: check('authClientId', text),
    authAuthority: check('authAuthority', httpsUrl),
    functionsScope: check('functionsScope', text),
    callTimeThresholdSeconds: seconds ?? SETTING_FALLBACKS.callTimeThresholdSeconds,
    homeVisitHours: hours,
    invalid,
  };
}

const CACHE_KEY = 'settings:v1';

/** Reads the settings once per page; a failed read is forgotten so the next call tries again. */
export function loadEnvironmentSettings(webAPI: SettingsWebApi): Promise<EnvironmentSettings> {
  return pageShared(CACHE_KEY, () =>
    webAPI.retrieveMultipleRecords(DEFINITION, settingsQuery()).then(
      (result) => settingsFromRecords(result.entities),
      (error: unknown) => {
        forgetPageShared(CACHE_KEY);
        throw error;
      },
    ),
  );
}

/** Forget the cached settings (after an admin changed a value; tests). */
export function clearEnvironmentSettingsCache(): void {
  forgetPageShared(CACHE_KEY);
}

/** Settings that a feature needs but the environment lacks (or has unusable), by schema name for the admin. */
export function missingSettings(settings: EnvironmentSettings, keys: readonly SettingKey[]): string[] {
  return keys.filter((key) => settings[key] === null || settings.invalid.includes(key)).map((key) => ENVIRONMENT_VARIABLES[key]);
}
