import * as React from 'react';
import type { Lang } from '@eer/contract';
import type { TokenSource } from '../auth/TokenSource';
import { missingSettings, useEnvironmentSettings, type EnvironmentSettings, type SettingsWebApi } from '../settings';
import { createApiClient, type ApiClient } from './client';

export type FunctionsClientState =
  | { status: 'loading' }
  /** The environment variables could not be read (privileges, offline); `reload` tries again. */
  | { status: 'error'; error: unknown; reload: () => void }
  /** The environment lacks what the client needs: schema names for the admin. */
  | { status: 'missing'; missing: string[] }
  | { status: 'ready'; client: ApiClient; settings: EnvironmentSettings };

export interface FunctionsClientOptions {
  /** The user's language: `context.userSettings.languageId`. */
  lcid: number | undefined;
  /** The control's language when known (`uiLang`): wins over `lcid` for the Accept-Language of requests. */
  lang?: Lang;
  /** Where the bearer token comes from; null (the default until sign-in is set up): operator routes answer `unauthenticated`. */
  tokens?: (settings: EnvironmentSettings) => TokenSource | null;
}

const noTokens = (): null => null;

/**
 * The function-app client of a control: the environment settings (one read per page), then a client for their base
 * URL, the user's language and the sign-in, made once per settings. What a control's container renders first.
 */
export function useFunctionsClient(webAPI: SettingsWebApi, options: FunctionsClientOptions): FunctionsClientState {
  const { settings, loading, error, reload } = useEnvironmentSettings(webAPI);
  const { lcid, lang, tokens = noTokens } = options;
  const latestTokens = React.useRef(tokens);
  latestTokens.current = tokens;
  const client = React.useMemo(
    () =>
      settings?.functionsBaseUrl ? createApiClient({ baseUrl: settings.functionsBaseUrl, lcid, ...(lang ? { lang } : {}), tokens: latestTokens.current(settings) }) : null,
    [settings, lcid, lang],
  );
  if (loading) return { status: 'loading' };
  if (error || !settings) return { status: 'error', error, reload };
  if (!client) return { status: 'missing', missing: missingSettings(settings, ['functionsBaseUrl']) };
  return { status: 'ready', client, settings };
}
