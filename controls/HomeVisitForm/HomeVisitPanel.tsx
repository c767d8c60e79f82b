import * as React from 'react';
import { Text } from '@fluentui/react-components';
import type { Strings } from '../shared/pcf/strings';
import type { HomeVisitFormStringKey } from './strings';
import { HomeVisitFormView } from './HomeVisitFormView';
import { useHomeVisitForm, type UseHomeVisitOptions } from './useHomeVisitForm';

export interface HomeVisitPanelProps extends UseHomeVisitOptions {
  patientName: string | null;
  /** Field security: the user may not read the call's home visits. */
  masked: boolean;
  narrow: boolean;
  strings: Strings<HomeVisitFormStringKey>;
}

/** The container: the hook does the wiring, the view draws it. */
export function HomeVisitPanel(props: HomeVisitPanelProps): JSX.Element {
  const { masked, patientName, narrow, strings, ...options } = props;
  const form = useHomeVisitForm(options);
  if (masked) return <Text role="status">{strings.Status_Masked}</Text>;
  return <HomeVisitFormView form={form} patientName={patientName} readOnly={options.readOnly} narrow={narrow} lang={options.lang} strings={strings} />;
}
