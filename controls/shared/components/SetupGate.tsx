import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { Lang } from '@eer/contract';
import type { ApiClient } from '../api/client';
import type { FunctionsClientState } from '../api/useFunctionsClient';
import type { EnvironmentSettings } from '../settings';
import { format } from '../pcf/strings';
import { ErrorBar, errorView, type ErrorBarStrings } from './ErrorBar';

export interface SetupGateStrings extends ErrorBarStrings {
  loading: string;
  /** «Элемент не настроен: нет переменных среды {0}». */
  missing: string;
  /** Heading when the settings could not be read. */
  settingsFailed: string;
}

export interface SetupGateProps {
  state: FunctionsClientState;
  lang: Lang;
  strings: SetupGateStrings;
  children: (client: ApiClient, settings: EnvironmentSettings) => React.ReactNode;
}

/** Renders the control once its function-app client is ready; until then a spinner, or what the admin must fix. */
export function SetupGate({ state, lang, strings, children }: SetupGateProps): JSX.Element {
  switch (state.status) {
    case 'loading':
      return <Spinner size="small" label={strings.loading} />;
    case 'missing':
      return (
        <MessageBar intent="error" layout="multiline" data-testid="setup-missing">
          <MessageBarBody>{format(strings.missing, state.missing.join(', '))}</MessageBarBody>
        </MessageBar>
      );
    case 'error': {
      const view = errorView(state.error, lang);
      return view ? (
        <ErrorBar error={{ ...view, retryable: true }} title={strings.settingsFailed} strings={strings} onRetry={state.reload} />
      ) : (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.settingsFailed}</MessageBarTitle>
          </MessageBarBody>
        </MessageBar>
      );
    }
    case 'ready':
      return <>{children(state.client, state.settings)}</>;
  }
}
