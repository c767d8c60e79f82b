import * as React from 'react';
import type { Lang } from '@eer/contract';
import { useFunctionsClient } from '../shared/api/useFunctionsClient';
import type { TokenSource } from '../shared/auth/TokenSource';
import { SetupGate } from '../shared/components/SetupGate';
import type { EnvironmentSettings } from '../shared/settings';
import type { Strings } from '../shared/pcf/strings';
import { callRecords } from './callRecords';
import { callDesk } from './deskApi';
import { useCallPushes } from './pushes';
import type { CallPanelStringKey } from './strings';
import { WorkspacePanel } from './WorkspacePanel';

export interface WorkspaceRootProps {
  webAPI: ComponentFramework.WebApi;
  lcid: number;
  lang: Lang;
  tokens: (settings: EnvironmentSettings) => TokenSource | null;
  openCall: (recordId: string) => Promise<void>;
  readOnly: boolean;
  narrow: boolean;
  strings: Strings<CallPanelStringKey>;
}

/** Settings → function-app client and realtime connection → the start window. */
export function WorkspaceRoot(props: WorkspaceRootProps): JSX.Element {
  const { webAPI, lcid, lang, tokens, openCall, readOnly, narrow, strings } = props;
  const state = useFunctionsClient(webAPI, { lcid, tokens });
  const client = state.status === 'ready' ? state.client : null;
  const desk = React.useMemo(() => (client ? callDesk(client) : null), [client]);
  const records = React.useMemo(() => callRecords(webAPI), [webAPI]);
  const pushes = useCallPushes(client);
  return (
    <SetupGate
      state={state}
      lang={lang}
      strings={{
        loading: strings.Status_Loading,
        missing: strings.Setup_Missing,
        settingsFailed: strings.Setup_Failed,
        correlationId: strings.Error_CorrelationId,
        retry: strings.Error_Retry,
        dismiss: strings.Error_Dismiss,
      }}
    >
      {() =>
        desk ? (
          <WorkspacePanel
            desk={desk}
            connection={pushes.connection}
            connectedEpoch={pushes.connectedEpoch}
            subscribe={pushes.subscribe}
            records={records}
            openCall={openCall}
            readOnly={readOnly}
            narrow={narrow}
            lang={lang}
            strings={strings}
          />
        ) : null
      }
    </SetupGate>
  );
}
