import * as React from 'react';
import { IInputs, IOutputs } from './generated/ManifestTypes';
import { ControlRoot } from '../shared/components/ControlRoot';
import { entraTokens } from '../shared/auth/msalTokenSource';
import { hostTheme } from '../shared/pcf/theme';
import { allocatedWidth, fieldMode } from '../shared/pcf/mode';
import { appendId } from '../shared/pcf/idList';
import { readStrings } from '../shared/pcf/strings';
import { uiLang } from '../shared/pcf/uiLang';
import { HomeVisitControl } from './HomeVisitControl';
import { HOME_VISIT_FORM_STRINGS } from './strings';

const NARROW_BELOW_PX = 560;
const DEFAULT_ADDRESS_DELAY_MS = 700;
let instances = 0;

/** Thin PCF wrapper (the class name is the manifest's constructor): maps the context to plain props, keeps the output. */
export class HomeVisitForm implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private readonly idPrefix = `eer-homevisit-${++instances}-`;
  private notifyOutputChanged: () => void = () => undefined;
  /** What the bound column holds now, and what this control wrote to it and the host has not echoed yet. */
  private bound: string | null = null;
  private written: string | null = null;

  public init(context: ComponentFramework.Context<IInputs>, notifyOutputChanged: () => void): void {
    this.notifyOutputChanged = notifyOutputChanged;
    context.mode.trackContainerResize(true);
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    const p = context.parameters;
    this.bound = p.homeVisitIds.raw ?? null;
    if (this.written !== null && this.written === this.bound) this.written = null;
    const mode = fieldMode(context, p.homeVisitIds);
    const delay = p.addressDelayMs.raw;
    const lcid = context.userSettings.languageId;
    const strings = readStrings(context.resources, HOME_VISIT_FORM_STRINGS);
    return React.createElement(
      ControlRoot,
      { idPrefix: this.idPrefix, theme: hostTheme(context) },
      React.createElement(HomeVisitControl, {
        webAPI: context.webAPI,
        lcid,
        tokens: entraTokens({ webAPI: context.webAPI, userSettings: context.userSettings }),
        lang: uiLang(strings.Lang, lcid),
        patientId: p.patientMisId.raw || null,
        patientName: p.patientName.raw || null,
        callId: p.callId.raw || null,
        temperatureRequired: p.temperature.raw === 'required',
        addressDelayMs: delay !== null && delay >= 0 ? delay : DEFAULT_ADDRESS_DELAY_MS,
        readOnly: mode.readOnly,
        masked: mode.masked,
        narrow: allocatedWidth(context) < NARROW_BELOW_PX,
        strings,
        onCreated: this.onCreated,
      }),
    );
  }

  /** A request was made: its MIS id is appended to the call's list. */
  private readonly onCreated = (requestId: string): void => {
    this.written = appendId(this.written ?? this.bound, requestId);
    this.notifyOutputChanged();
  };

  public getOutputs(): IOutputs {
    return this.written === null ? {} : { homeVisitIds: this.written };
  }

  public destroy(): void {
    // The host unmounts the React tree of a virtual control; nothing else is held.
  }
}
