import * as React from 'react';
import type { ApiClient } from '../shared/api/client';
import { FunctionsGate, type FunctionsGateProps } from '../shared/components/FunctionsGate';
import { callRecords, type RecordsWebApi } from '../shared/records/callRecords';
import type { SettingsWebApi } from '../shared/settings';
import { vaccinationApi } from './vaccinationApi';
import { VaccinationPanel, type VaccinationPanelProps } from './VaccinationPanel';

type PanelProps = Omit<VaccinationPanelProps, 'api' | 'records'>;

export interface VaccinationControlProps extends PanelProps, Pick<FunctionsGateProps, 'lcid' | 'tokens'> {
  webAPI: SettingsWebApi & RecordsWebApi;
}

/** What the wrapper renders: the settings and the function-app client first, then the form. */
export function VaccinationControl({ webAPI, lcid, tokens, ...props }: VaccinationControlProps): JSX.Element {
  return (
    <FunctionsGate webAPI={webAPI} lcid={lcid} lang={props.lang} tokens={tokens} strings={props.strings}>
      {(client) => <Connected client={client} webAPI={webAPI} {...props} />}
    </FunctionsGate>
  );
}

function Connected({ client, webAPI, ...props }: PanelProps & { client: ApiClient; webAPI: RecordsWebApi }): JSX.Element {
  const api = React.useMemo(() => vaccinationApi(client), [client]);
  const records = React.useMemo(() => callRecords(webAPI), [webAPI]);
  return <VaccinationPanel api={api} records={records} {...props} />;
}
