import * as React from 'react';
import { IInputs, IOutputs } from './generated/ManifestTypes';
import { IdListControl, type FormControlProps } from '../shared/pcf/IdListControl';
import { HomeVisitControl } from './HomeVisitControl';
import { HOME_VISIT_FORM_STRINGS, type HomeVisitFormStringKey } from './strings';

const DEFAULT_ADDRESS_DELAY_MS = 700;

/** Thin PCF wrapper (the class name is the manifest's constructor): the request ids go to eer_homevisitids. */
export class HomeVisitForm extends IdListControl<IInputs, IOutputs, HomeVisitFormStringKey> {
  public constructor() {
    super({ name: 'homevisit', idList: 'homeVisitIds', strings: HOME_VISIT_FORM_STRINGS, narrowBelowPx: 560 });
  }

  protected render(context: ComponentFramework.Context<IInputs>, common: FormControlProps<HomeVisitFormStringKey>): React.ReactElement {
    const p = context.parameters;
    const delay = p.addressDelayMs.raw;
    return React.createElement(HomeVisitControl, {
      ...common,
      patientId: p.patientMisId.raw || null,
      patientName: p.patientName.raw || null,
      callId: p.callId.raw || null,
      temperatureRequired: p.temperature.raw === 'required',
      addressDelayMs: delay !== null && delay >= 0 ? delay : DEFAULT_ADDRESS_DELAY_MS,
    });
  }
}
