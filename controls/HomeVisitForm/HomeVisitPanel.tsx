import * as React from 'react';
import { Text } from '@fluentui/react-components';
import type { Lang, WeeklyHours } from '@eer/contract';
import type { Strings } from '../shared/pcf/strings';
import type { HomeVisitApi } from './homeVisitApi';
import type { HomeVisitFormStringKey } from './strings';
import { HomeVisitFormView } from './HomeVisitFormView';
import { useHomeVisitForm } from './useHomeVisitForm';

export interface HomeVisitPanelProps {
  api: HomeVisitApi;
  patientId: string | null;
  patientName: string | null;
  callId: string | null;
  defaultHours: WeeklyHours | null;
  temperatureRequired: boolean;
  addressDelayMs: number;
  readOnly: boolean;
  /** Field security: the user may not read the call's home visits. */
  masked: boolean;
  narrow: boolean;
  lang: Lang;
  strings: Strings<HomeVisitFormStringKey>;
  onCreated: (requestId: string) => void;
}

/** The container: the hook does the wiring, the view draws it. */
export function HomeVisitPanel(props: HomeVisitPanelProps): JSX.Element {
  const { masked, patientName, narrow, strings, ...options } = props;
  const form = useHomeVisitForm(options);
  if (masked) return <Text role="status">{strings.Status_Masked}</Text>;
  return <HomeVisitFormView form={form} patientName={patientName} readOnly={options.readOnly} narrow={narrow} lang={options.lang} strings={strings} />;
}
