import * as React from 'react';
import { IInputs, IOutputs } from './generated/ManifestTypes';
import { ControlRoot } from '../shared/components/ControlRoot';
import { entraTokens } from '../shared/auth/msalTokenSource';
import { hostTheme } from '../shared/pcf/theme';
import { allocatedWidth, fieldMode } from '../shared/pcf/mode';
import { appendId } from '../shared/pcf/idList';
import { readStrings } from '../shared/pcf/strings';
import { uiLang } from '../shared/pcf/uiLang';
import { VaccinationControl } from './VaccinationControl';
import { VACCINATION_FORM_STRINGS } from './strings';

const NARROW_BELOW_PX = 640;
const DEFAULT_SLOT_DAYS = 14;
let instances = 0;

/** Thin PCF wrapper (the class name is the manifest's constructor): maps the context to plain props, keeps the output. */
export class VaccinationForm implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private readonly idPrefix = `eer-vaccination-${++instances}-`;
  private notifyOutputChanged: () => void = () => undefined;
  private bound: string | null = null;
  private written: string | null = null;

  public init(context: ComponentFramework.Context<IInputs>, notifyOutputChanged: () => void): void {
    this.notifyOutputChanged = notifyOutputChanged;
    context.mode.trackContainerResize(true);
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    const p = context.parameters;
    this.bound = p.vaccinationIds.raw ?? null;
    if (this.written !== null && this.written === this.bound) this.written = null;
    const mode = fieldMode(context, p.vaccinationIds);
    const lcid = context.userSettings.languageId;
    const strings = readStrings(context.resources, VACCINATION_FORM_STRINGS);
    const days = p.slotDays.raw;
    return React.createElement(
      ControlRoot,
      { idPrefix: this.idPrefix, theme: hostTheme(context) },
      React.createElement(VaccinationControl, {
        webAPI: context.webAPI,
        lcid,
        tokens: entraTokens({ webAPI: context.webAPI, userSettings: context.userSettings }),
        lang: uiLang(strings.Lang, lcid),
        callId: p.callId.raw || null,
        slotDays: days !== null && days >= 1 && days <= 31 ? days : DEFAULT_SLOT_DAYS,
        readOnly: mode.readOnly,
        masked: mode.masked,
        narrow: allocatedWidth(context) < NARROW_BELOW_PX,
        strings,
        onCreated: this.onCreated,
      }),
    );
  }

  /** A worker was booked: the MIS registration id is appended to the call's list. */
  private readonly onCreated = (registrationId: string): void => {
    this.written = appendId(this.written ?? this.bound, registrationId);
    this.notifyOutputChanged();
  };

  public getOutputs(): IOutputs {
    return this.written === null ? {} : { vaccinationIds: this.written };
  }

  public destroy(): void {
    // The host unmounts the React tree of a virtual control; nothing else is held.
  }
}
