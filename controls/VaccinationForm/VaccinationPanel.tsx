import * as React from 'react';
import { Text } from '@fluentui/react-components';
import type { Strings } from '../shared/pcf/strings';
import type { VaccinationFormStringKey } from './strings';
import { VaccinationFormView } from './VaccinationFormView';
import { useVaccinationForm, type UseVaccinationOptions } from './useVaccinationForm';

export interface VaccinationPanelProps extends UseVaccinationOptions {
  /** Field security: the user may not read the call's vaccinations. */
  masked: boolean;
  narrow: boolean;
  strings: Strings<VaccinationFormStringKey>;
}

/** The container: the hook does the wiring, the view draws it. */
export function VaccinationPanel(props: VaccinationPanelProps): JSX.Element {
  const { masked, narrow, strings, ...options } = props;
  const form = useVaccinationForm(options);
  if (masked) return <Text role="status">{strings.Status_Masked}</Text>;
  return <VaccinationFormView form={form} slotDays={options.slotDays} readOnly={options.readOnly} narrow={narrow} lang={options.lang} strings={strings} />;
}
