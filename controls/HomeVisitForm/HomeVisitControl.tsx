import * as React from 'react';
import type { Lang } from '@eer/contract';
import { useFunctionsClient, type FunctionsClientOptions } from '../shared/api/useFunctionsClient';
import { SetupGate } from '../shared/components/SetupGate';
import type { Strings } from '../shared/pcf/strings';
import type { SettingsWebApi } from '../shared/settings';
import { homeVisitApi } from './homeVisitApi';
import { HomeVisitPanel, type HomeVisitPanelProps } from './HomeVisitPanel';
import type { HomeVisitFormStringKey } from './strings';

export interface HomeVisitControlProps extends Omit<HomeVisitPanelProps, 'api' | 'defaultHours'> {
  webAPI: SettingsWebApi;
  lcid: number | undefined;
  /** The sign-in for the function app (`entraTokens` of the wrapper). */
  tokens?: FunctionsClientOptions['tokens'];
}

/** What the wrapper renders: the settings and the function-app client first, then the form. */
export function HomeVisitControl({ webAPI, lcid, tokens, ...props }: HomeVisitControlProps): JSX.Element {
  const state = useFunctionsClient(webAPI, { lcid, lang: props.lang, tokens });
  return (
    <SetupGate state={state} lang={props.lang} strings={gateStrings(props.strings)}>
      {(client, settings) => <Connected client={client} defaultHours={settings.homeVisitHours} {...props} />}
    </SetupGate>
  );
}

function Connected({ client, ...props }: Omit<HomeVisitPanelProps, 'api'> & { client: Parameters<typeof homeVisitApi>[0] }): JSX.Element {
  const api = React.useMemo(() => homeVisitApi(client), [client]);
  return <HomeVisitPanel api={api} {...props} />;
}

function gateStrings(s: Strings<HomeVisitFormStringKey>) {
  return {
    loading: s.Loading,
    missing: s.Error_Setup,
    settingsFailed: s.Error_Settings,
    correlationId: s.Error_CorrelationId,
    retry: s.Error_Retry,
    dismiss: s.Error_Dismiss,
  };
}

export type { Lang };
