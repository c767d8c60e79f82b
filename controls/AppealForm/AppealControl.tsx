import * as React from 'react';
import type { ApiClient } from '../shared/api/client';
import { useFunctionsClient, type FunctionsClientOptions } from '../shared/api/useFunctionsClient';
import { SetupGate } from '../shared/components/SetupGate';
import type { Strings } from '../shared/pcf/strings';
import type { SettingsWebApi } from '../shared/settings';
import { appealApi } from './appealApi';
import { appealRecords, type AppealWebApi } from './appealRecords';
import { AppealPanel, type AppealPanelProps } from './AppealPanel';
import type { AppealFormStringKey } from './strings';

export interface AppealControlProps extends Omit<AppealPanelProps, 'api' | 'records'> {
  webAPI: SettingsWebApi & AppealWebApi;
  lcid: number | undefined;
  /** The sign-in for the function app (`entraTokens` of the wrapper). */
  tokens?: FunctionsClientOptions['tokens'];
}

/** What the wrapper renders: the settings and the function-app client first, then the form. */
export function AppealControl({ webAPI, lcid, tokens, ...props }: AppealControlProps): JSX.Element {
  const state = useFunctionsClient(webAPI, { lcid, lang: props.lang, tokens });
  return (
    <SetupGate state={state} lang={props.lang} strings={gateStrings(props.strings)}>
      {(client) => <Connected client={client} webAPI={webAPI} {...props} />}
    </SetupGate>
  );
}

function Connected({ client, webAPI, ...props }: Omit<AppealPanelProps, 'api' | 'records'> & { client: ApiClient; webAPI: AppealWebApi }): JSX.Element {
  const api = React.useMemo(() => appealApi(client), [client]);
  const records = React.useMemo(() => appealRecords(webAPI), [webAPI]);
  return <AppealPanel api={api} records={records} {...props} />;
}

function gateStrings(s: Strings<AppealFormStringKey>) {
  return { loading: s.Loading, missing: s.Error_Setup, settingsFailed: s.Error_Settings, correlationId: s.Error_CorrelationId, retry: s.Error_Retry, dismiss: s.Error_Dismiss };
}
