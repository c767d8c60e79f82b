import * as React from 'react';
import type { ApiClient } from '../shared/api/client';
import { FunctionsGate, type FunctionsGateProps } from '../shared/components/FunctionsGate';
import { callRecords, type RecordsWebApi } from '../shared/records/callRecords';
import type { SettingsWebApi } from '../shared/settings';
import { infoApi } from './infoApi';
import { infoArticles, type ArticlesWebApi } from './infoArticles';
import { InfoPanelContainer, type InfoPanelContainerProps } from './InfoPanelContainer';

type ContainerProps = Omit<InfoPanelContainerProps, 'api' | 'articles' | 'records'>;
type InfoWebApi = ArticlesWebApi & RecordsWebApi;

export interface InfoControlProps extends ContainerProps, Pick<FunctionsGateProps, 'lcid' | 'tokens'> {
  webAPI: SettingsWebApi & InfoWebApi;
}

/** What the wrapper renders: the settings and the function-app client first, then the tabs. */
export function InfoControl({ webAPI, lcid, tokens, ...props }: InfoControlProps): JSX.Element {
  return (
    <FunctionsGate webAPI={webAPI} lcid={lcid} lang={props.lang} tokens={tokens} strings={props.strings}>
      {(client) => <Connected client={client} webAPI={webAPI} {...props} />}
    </FunctionsGate>
  );
}

function Connected({ client, webAPI, ...props }: ContainerProps & { client: ApiClient; webAPI: InfoWebApi }): JSX.Element {
  const api = React.useMemo(() => infoApi(client), [client]);
  const articles = React.useMemo(() => infoArticles(webAPI), [webAPI]);
  const records = React.useMemo(() => callRecords(webAPI), [webAPI]);
  return <InfoPanelContainer api={api} articles={articles} records={records} {...props} />;
}
