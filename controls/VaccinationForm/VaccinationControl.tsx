import * as React from 'react';
import type { ApiClient } from '../shared/api/client';
import { useFunctionsClient, type FunctionsClientOptions } from '../shared/api/useFunctionsClient';
import { SetupGate } from '../shared/components/SetupGate';
import type { Strings } from '../shared/pcf/strings';
import type { SettingsWebApi } from '../shared/settings';
import { vaccinationApi } from './vaccinationApi';
import { VaccinationPanel, type VaccinationPanelProps } from './VaccinationPanel';
import type { VaccinationFormStringKey } from './strings';

export interface VaccinationControlProps extends Omit<VaccinationPanelProps, 'api'> {
  webAPI: SettingsWebApi;
  lcid: number | undefined;
  /** The sign-in for the function app (`entraTokens` of the wrapper). */
  tokens?: FunctionsClientOptions['tokens'];
}

/** What the wrapper renders: the settings and the function-app client first, then the form. */
export function VaccinationControl({ webAPI, lcid, tokens, ...props }: VaccinationControlProps): JSX.Element {
  const state = useFunctionsClient(webAPI, { lcid, lang: props.lang, tokens });
  return (
    <SetupGate state={state} lang={props.lang} strings={gateStrings(props.strings)}>
      {(client) => <Connected client={client} {...props} />}
    </SetupGate>
  );
}

function Connected({ client, ...props }: Omit<VaccinationPanelProps, 'api'> & { client: ApiClient }): JSX.Element {
  const api = React.useMemo(() => vaccinationApi(client), [client]);
  return <VaccinationPanel api={api} {...props} />;
}

function gateStrings(s: Strings<VaccinationFormStringKey>) {
  return { loading: s.Loading, missing: s.Error_Setup, settingsFailed: s.Error_Settings, correlationId: s.Error_CorrelationId, retry: s.Error_Retry, dismiss: s.Error_Dismiss };
}
