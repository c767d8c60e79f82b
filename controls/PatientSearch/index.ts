import * as React from 'react';
import { Text } from '@fluentui/react-components';
import { langOfLcid } from '../shared/api/client';
import { entraTokens } from '../shared/auth/msalTokenSource';
import { ControlRoot } from '../shared/components/ControlRoot';
import { allocatedWidth, fieldMode } from '../shared/pcf/mode';
import { readStrings } from '../shared/pcf/strings';
import { hostTheme } from '../shared/pcf/theme';
import { IInputs, IOutputs } from './generated/ManifestTypes';
import type { ChosenPatient } from './PatientSearchPanel';
import { PatientSearchRoot } from './PatientSearchRoot';
import { PATIENT_SEARCH_STRINGS } from './strings';

/** Below this width the fields and the card take one column. */
const NARROW_BELOW_PX = 560;
const LIMIT = { min: 1, max: 50, fallback: 10 };
const DELAY = { min: 0, max: 2000, fallback: 300 };
let instances = 0;

function clamp(value: number | null | undefined, range: { min: number; max: number; fallback: number }): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(range.max, Math.max(range.min, Math.round(value))) : range.fallback;
}

/**
 * Thin PCF wrapper (the class name is the manifest's constructor): maps the context to plain props, keeps the chosen
 * patient as outputs (→ eer_patientmisid, eer_patientname) and tells the host. No fetches or business logic here.
 */
export class PatientSearch implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private readonly idPrefix = `eer-patientsearch-${++instances}-`;
  private notifyOutputChanged: () => void = () => undefined;
  private outputs: IOutputs = {};

  public init(context: ComponentFramework.Context<IInputs>, notifyOutputChanged: () => void): void {
    this.notifyOutputChanged = notifyOutputChanged;
    context.mode.trackContainerResize(true);
  }

  private readonly choose = (patient: ChosenPatient): void => {
    this.outputs = { patientMisId: patient.misId, patientName: patient.fullName };
    this.notifyOutputChanged();
  };

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    const p = context.parameters;
    const mode = fieldMode(context, p.patientMisId);
    const strings = readStrings(context.resources, PATIENT_SEARCH_STRINGS);
    const lcid = context.userSettings.languageId;
    const body = mode.masked
      ? React.createElement(Text, { role: 'status' }, strings.Status_Masked)
      : React.createElement(PatientSearchRoot, {
          webAPI: context.webAPI,
          lcid,
          lang: langOfLcid(lcid),
          tokens: entraTokens({ webAPI: context.webAPI, userSettings: context.userSettings }),
          chosenId: p.patientMisId.raw || null,
          callerNumber: p.callerNumber.raw || null,
          preIdentify: p.preIdentify.raw !== 'off',
          limit: clamp(p.resultLimit.raw, LIMIT),
          delayMs: clamp(p.searchDelayMs.raw, DELAY),
          readOnly: mode.readOnly,
          narrow: allocatedWidth(context) < NARROW_BELOW_PX,
          strings,
          onChoose: this.choose,
        });
    return React.createElement(ControlRoot, { idPrefix: this.idPrefix, theme: hostTheme(context) }, body);
  }

  public getOutputs(): IOutputs {
    return this.outputs;
  }

  public destroy(): void {
    // The host unmounts the React tree of a virtual control; requests in flight are aborted by the components.
  }
}
