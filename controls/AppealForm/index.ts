import * as React from 'react';
import { AppealKind } from '@eer/contract';
import { IInputs, IOutputs } from './generated/ManifestTypes';
import { IdListControl, type FormControlProps } from '../shared/pcf/IdListControl';
import { AppealControl } from './AppealControl';
import { APPEAL_FORM_STRINGS, type AppealFormStringKey } from './strings';

/** The contract's kind for a text column value, or null. */
function kindOf(value: string | null | undefined): AppealKind | null {
  const parsed = AppealKind.safeParse(value?.trim());
  return parsed.success ? parsed.data : null;
}

/** Thin PCF wrapper (the class name is the manifest's constructor): the appeal ids go to eer_appealids. */
export class AppealForm extends IdListControl<IInputs, IOutputs, AppealFormStringKey> {
  public constructor() {
    super({ name: 'appeal', idList: 'appealIds', strings: APPEAL_FORM_STRINGS, narrowBelowPx: 560 });
  }

  protected render(context: ComponentFramework.Context<IInputs>, common: FormControlProps<AppealFormStringKey>): React.ReactElement {
    const p = context.parameters;
    return React.createElement(AppealControl, {
      ...common,
      patientId: p.patientMisId.raw || null,
      patientName: p.patientName.raw || null,
      callId: p.callId.raw || null,
      complaintTicketId: p.complaintTicketId.raw?.trim() || null,
      handedKind: kindOf(p.appealKind.raw),
      defaultKind: kindOf(p.defaultKind.raw) ?? 'appeal',
    });
  }
}
