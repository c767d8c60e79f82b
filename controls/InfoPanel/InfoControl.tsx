import * as React from 'react';
import type { ApiClient } from '../shared/api/client';
import { useFunctionsClient, type FunctionsClientOptions } from '../shared/api/useFunctionsClient';
import { SetupGate } from '../shared/components/SetupGate';
import type { Strings } from '../shared/pcf/strings';
import type { SettingsWebApi } from '../shared/settings';
import { infoApi } from './infoApi';
import { infoArticles, type ArticlesWebApi } from './infoArticles';
import { InfoPanelContainer, type InfoPanelContainerProps } from './InfoPanelContainer';
import type { InfoPanelStringKey } from './strings';

export interface InfoControlProps extends Omit<InfoPanelContainerProps, 'api' | 'articles'> {
  webAPI: SettingsWebApi & ArticlesWebApi;
  lcid: number | undefined;
  /** The sign-in for the function app (`entraTokens` of the wrapper). */
  tokens?: FunctionsClientOptions['tokens'];
}

/** What the wrapper renders: the settings and the function-app client first, then the tabs. */
export function InfoControl({ webAPI, lcid, tokens, ...props }: InfoControlProps): JSX.Element {
  const state = useFunctionsClient(webAPI, { lcid, lang: props.lang, tokens });
  return (
    <SetupGate state={state} lang={props.lang} strings={gateStrings(props.strings)}>
      {(client) => <Connected client={client} webAPI={webAPI} {...props} />}
    </SetupGate>
  );
}

function Connected({ client, webAPI, ...props }: Omit<InfoPanelContainerProps, 'api' | 'articles'> & { client: ApiClient; webAPI: ArticlesWebApi }): JSX.Element {
  const api = React.useMemo(() => infoApi(client), [client]);
  const articles = React.useMemo(() => infoArticles(webAPI), [webAPI]);
  return <InfoPanelContainer api={api} articles={articles} {...props} />;
}

function gateStrings(s: Strings<InfoPanelStringKey>) {
  return { loading: s.Loading, missing: s.Error_Setup, settingsFailed: s.Error_Settings, correlationId: s.Error_CorrelationId, retry: s.Error_Retry, dismiss: s.Error_Dismiss };
}
