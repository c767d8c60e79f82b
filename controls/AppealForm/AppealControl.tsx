import * as React from 'react';
import type { ApiClient } from '../shared/api/client';
import { FunctionsGate, type FunctionsGateProps } from '../shared/components/FunctionsGate';
import { callRecords, type RecordsWebApi } from '../shared/records/callRecords';
import type { SettingsWebApi } from '../shared/settings';
import { appealApi } from './appealApi';
import { AppealPanel, type AppealPanelProps } from './AppealPanel';

type PanelProps = Omit<AppealPanelProps, 'api' | 'records'>;

export interface AppealControlProps extends PanelProps, Pick<FunctionsGateProps, 'lcid' | 'tokens'> {
  webAPI: SettingsWebApi & RecordsWebApi;
}

/** What the wrapper renders: the settings and the function-app client first, then the form. */
export function AppealControl({ webAPI, lcid, tokens, ...props }: AppealControlProps): JSX.Element {
  return (
    <FunctionsGate webAPI={webAPI} lcid={lcid} lang={props.lang} tokens={tokens} strings={props.strings}>
      {(client) => <Connected client={client} webAPI={webAPI} {...props} />}
    </FunctionsGate>
  );
}

function Connected({ client, webAPI, ...props }: PanelProps & { client: ApiClient; webAPI: RecordsWebApi }): JSX.Element {
  const api = React.useMemo(() => appealApi(client), [client]);
  const records = React.useMemo(() => callRecords(webAPI), [webAPI]);
  return <AppealPanel api={api} records={records} {...props} />;
}
