import * as React from 'react';
import { useEnvironmentSettings } from '../shared/settings';
import { callRecords } from './callRecords';
import { CallFormPanel, type CallFormPanelProps } from './CallFormPanel';
import { thresholdSeconds } from './threshold';

export interface CallFormRootProps extends Omit<CallFormPanelProps, 'records' | 'thresholdSeconds' | 'defaultGreeting'> {
  webAPI: ComponentFramework.WebApi;
  /** The manifest's greeting (may be empty) and the resx default behind it. */
  greeting: string;
  resxGreeting: string;
  manifestThresholdSeconds: number | null;
}

/**
 * The call form needs only Dataverse (webAPI): the record, topics, call types, and the threshold variable. It works
 * while the function app or the settings are unavailable (then the manifest's threshold applies).
 */
export function CallFormRoot(props: CallFormRootProps): JSX.Element {
  const { webAPI, greeting, resxGreeting, manifestThresholdSeconds, ...panel } = props;
  const records = React.useMemo(() => callRecords(webAPI), [webAPI]);
  const { settings } = useEnvironmentSettings(webAPI);
  return (
    <CallFormPanel
      {...panel}
      records={records}
      defaultGreeting={greeting.trim() !== '' ? greeting : resxGreeting}
      thresholdSeconds={thresholdSeconds(settings, manifestThresholdSeconds)}
    />
  );
}
