import * as React from 'react';
import { useFunctionsClient } from '../shared/api/useFunctionsClient';
import type { ApiClient } from '../shared/api/client';
import type { TokenSource } from '../shared/auth/TokenSource';
import { SetupGate } from '../shared/components/SetupGate';
import type { Strings } from '../shared/pcf/strings';
import type { EnvironmentSettings } from '../shared/settings';
import { narrowTableReader } from './narrowTable';
import { slotApi } from './slotApi';
import type { SlotPickerStringKey } from './strings';
import { SlotPickerPanel, type SlotPickerPanelProps } from './SlotPickerPanel';

export interface SlotPickerControlProps extends Omit<SlotPickerPanelProps, 'api'> {
  /** The form's webAPI: environment variables (function app URL, sign-in) and the analysts' narrow list. */
  webAPI: ComponentFramework.WebApi;
  lcid: number | undefined;
  tokens?: (settings: EnvironmentSettings) => TokenSource | null;
}

/**
 * What the wrapper renders. Nothing is read for a masked patient or before a patient is chosen; then the settings
 * and the function-app client (shared SetupGate), then the booking window.
 */
export function SlotPickerControl({ webAPI, lcid, tokens, ...props }: SlotPickerControlProps): JSX.Element {
  if (props.masked || !props.patientId) return <SlotPickerPanel api={null} {...props} />;
  return <WithClient webAPI={webAPI} lcid={lcid} tokens={tokens} {...props} />;
}

function WithClient({ webAPI, lcid, tokens, ...props }: SlotPickerControlProps): JSX.Element {
  const state = useFunctionsClient(webAPI, { lcid, tokens });
  return (
    <SetupGate state={state} lang={props.lang} strings={gateStrings(props.strings)}>
      {(client) => <Connected client={client} webAPI={webAPI} {...props} />}
    </SetupGate>
  );
}

function Connected({ client, webAPI, ...props }: Omit<SlotPickerPanelProps, 'api'> & { client: ApiClient; webAPI: ComponentFramework.WebApi }): JSX.Element {
  const api = React.useMemo(() => slotApi(client, narrowTableReader(webAPI)), [client, webAPI]);
  return <SlotPickerPanel api={api} {...props} />;
}

function gateStrings(s: Strings<SlotPickerStringKey>) {
  return {
    loading: s.Status_Loading,
    missing: s.Error_Setup,
    settingsFailed: s.Error_Settings,
    correlationId: s.Error_CorrelationId,
    retry: s.Error_Retry,
    dismiss: s.Error_Dismiss,
  };
}
