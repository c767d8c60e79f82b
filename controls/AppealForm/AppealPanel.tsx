import * as React from 'react';
import { Text } from '@fluentui/react-components';
import type { Strings } from '../shared/pcf/strings';
import type { AppealFormStringKey } from './strings';
import { AppealFormView } from './AppealFormView';
import { useAppealForm, type UseAppealOptions } from './useAppealForm';

export interface AppealPanelProps extends UseAppealOptions {
  patientName: string | null;
  /** Field security: the user may not read the call's appeals. */
  masked: boolean;
  narrow: boolean;
  strings: Strings<AppealFormStringKey>;
}

/** The container: the hook does the wiring, the view draws it. */
export function AppealPanel(props: AppealPanelProps): JSX.Element {
  const { masked, patientName, narrow, strings, ...options } = props;
  const form = useAppealForm(options);
  if (masked) return <Text role="status">{strings.Status_Masked}</Text>;
  return <AppealFormView form={form} patientName={patientName} readOnly={options.readOnly} narrow={narrow} lang={options.lang} strings={strings} />;
}
