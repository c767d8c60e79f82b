import * as React from 'react';
import type { Lang } from '@eer/contract';
import type { TokenSource } from '../shared/auth/TokenSource';
import { useFunctionsClient } from '../shared/api/useFunctionsClient';
import { SetupGate } from '../shared/components/SetupGate';
import type { EnvironmentSettings, SettingsWebApi } from '../shared/settings';
import { patientApi } from './patientApi';
import { PatientSearchPanel, type PatientSearchPanelProps } from './PatientSearchPanel';

export interface PatientSearchRootProps extends Omit<PatientSearchPanelProps, 'api'> {
  webAPI: SettingsWebApi;
  lcid: number;
  lang: Lang;
  /** The operator's sign-in for the function app, from the environment settings. */
  tokens: (settings: EnvironmentSettings) => TokenSource | null;
}

/** Settings → function-app client → the panel; until it is ready a spinner, or what the admin must set. */
export function PatientSearchRoot(props: PatientSearchRootProps): JSX.Element {
  const { webAPI, lcid, tokens, ...panel } = props;
  const state = useFunctionsClient(webAPI, { lcid, tokens });
  const client = state.status === 'ready' ? state.client : null;
  const api = React.useMemo(() => (client ? patientApi(client) : null), [client]);
  const s = panel.strings;
  return (
    <SetupGate
      state={state}
      lang={panel.lang}
      strings={{
        loading: s.Status_Loading,
        missing: s.Setup_Missing,
        settingsFailed: s.Setup_Failed,
        correlationId: s.Error_CorrelationId,
        retry: s.Error_Retry,
        dismiss: s.Error_Dismiss,
      }}
    >
      {() => (api ? <PatientSearchPanel {...panel} api={api} /> : null)}
    </SetupGate>
  );
}
