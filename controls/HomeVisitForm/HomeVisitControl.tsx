import * as React from 'react';
import type { ApiClient } from '../shared/api/client';
import { FunctionsGate, type FunctionsGateProps } from '../shared/components/FunctionsGate';
import { callRecords, type RecordsWebApi } from '../shared/records/callRecords';
import type { SettingsWebApi } from '../shared/settings';
import { homeVisitApi } from './homeVisitApi';
import { HomeVisitPanel, type HomeVisitPanelProps } from './HomeVisitPanel';

type PanelProps = Omit<HomeVisitPanelProps, 'api' | 'records' | 'defaultHours'>;

export interface HomeVisitControlProps extends PanelProps, Pick<FunctionsGateProps, 'lcid' | 'tokens'> {
  webAPI: SettingsWebApi & RecordsWebApi;
}

/** What the wrapper renders: the settings and the function-app client first, then the form. */
export function HomeVisitControl({ webAPI, lcid, tokens, ...props }: HomeVisitControlProps): JSX.Element {
  return (
    <FunctionsGate webAPI={webAPI} lcid={lcid} lang={props.lang} tokens={tokens} strings={props.strings}>
      {(client, settings) => <Connected client={client} webAPI={webAPI} defaultHours={settings.homeVisitHours} {...props} />}
    </FunctionsGate>
  );
}

function Connected({ client, webAPI, ...props }: Omit<HomeVisitPanelProps, 'api' | 'records'> & { client: ApiClient; webAPI: RecordsWebApi }): JSX.Element {
  const api = React.useMemo(() => homeVisitApi(client), [client]);
  const records = React.useMemo(() => callRecords(webAPI), [webAPI]);
  return <HomeVisitPanel api={api} records={records} {...props} />;
}
