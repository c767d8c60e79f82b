import * as React from 'react';
import { IInputs, IOutputs } from './generated/ManifestTypes';
import { IdListControl, type FormControlProps } from '../shared/pcf/IdListControl';
import { VaccinationControl } from './VaccinationControl';
import { VACCINATION_FORM_STRINGS, type VaccinationFormStringKey } from './strings';

const DEFAULT_SLOT_DAYS = 14;

/** Thin PCF wrapper (the class name is the manifest's constructor): the registration ids go to eer_vaccinationids. */
export class VaccinationForm extends IdListControl<IInputs, IOutputs, VaccinationFormStringKey> {
  public constructor() {
    super({ name: 'vaccination', idList: 'vaccinationIds', strings: VACCINATION_FORM_STRINGS, narrowBelowPx: 640 });
  }

  protected render(context: ComponentFramework.Context<IInputs>, common: FormControlProps<VaccinationFormStringKey>): React.ReactElement {
    const p = context.parameters;
    const days = p.slotDays.raw;
    return React.createElement(VaccinationControl, {
      ...common,
      callId: p.callId.raw || null,
      slotDays: days !== null && days >= 1 && days <= 31 ? days : DEFAULT_SLOT_DAYS,
    });
  }
}
