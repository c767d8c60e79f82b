import * as React from 'react';
import type { Lang } from '@eer/contract';
import type { ApiClient } from '../api/client';
import { useFunctionsClient, type FunctionsClientOptions } from '../api/useFunctionsClient';
import type { EnvironmentSettings, SettingsWebApi } from '../settings';
import { SetupGate } from './SetupGate';

/** The resx keys of the setup gate, the same in every control. */
export type GateStringKey = 'Loading' | 'Error_Setup' | 'Error_Settings' | 'Error_CorrelationId' | 'Error_Retry' | 'Error_Dismiss';

export interface FunctionsGateProps {
  webAPI: SettingsWebApi;
  lcid: number | undefined;
  lang: Lang;
  /** The sign-in for the function app (`entraTokens` of the wrapper). */
  tokens?: FunctionsClientOptions['tokens'];
  strings: Record<GateStringKey, string>;
  children: (client: ApiClient, settings: EnvironmentSettings) => React.ReactNode;
}

/** What a control renders first: its settings and the function-app client, then `children` with them. */
export function FunctionsGate({ webAPI, lcid, lang, tokens, strings: s, children }: FunctionsGateProps): JSX.Element {
  const state = useFunctionsClient(webAPI, { lcid, lang, tokens });
  const strings = { loading: s.Loading, missing: s.Error_Setup, settingsFailed: s.Error_Settings, correlationId: s.Error_CorrelationId, retry: s.Error_Retry, dismiss: s.Error_Dismiss };
  return (
    <SetupGate state={state} lang={lang} strings={strings}>
      {children}
    </SetupGate>
  );
}
