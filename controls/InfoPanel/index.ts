import * as React from 'react';
import { IInputs, IOutputs } from './generated/ManifestTypes';
import { ControlRoot } from '../shared/components/ControlRoot';
import { entraTokens } from '../shared/auth/msalTokenSource';
import { hostTheme } from '../shared/pcf/theme';
import { allocatedWidth, fieldMode } from '../shared/pcf/mode';
import { appendId } from '../shared/pcf/idList';
import { readStrings } from '../shared/pcf/strings';
import { uiLang } from '../shared/pcf/uiLang';
import { InfoControl } from './InfoControl';
import type { InfoTab } from './InfoPanelContainer';
import { INFO_PANEL_STRINGS } from './strings';

const NARROW_BELOW_PX = 640;
const DEFAULT_VOLUNTEER_MIN_AGE = 65;
const TABS: readonly string[] = ['covid', 'volunteer', 'hours', 'checkups'];
let instances = 0;

/** Thin PCF wrapper (the class name is the manifest's constructor): maps the context to plain props, keeps the output. */
export class InfoPanel implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private readonly idPrefix = `eer-info-${++instances}-`;
  private notifyOutputChanged: () => void = () => undefined;
  private bound: string | null = null;
  private written: string | null = null;

  public init(context: ComponentFramework.Context<IInputs>, notifyOutputChanged: () => void): void {
    this.notifyOutputChanged = notifyOutputChanged;
    context.mode.trackContainerResize(true);
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    const p = context.parameters;
    this.bound = p.appealIds.raw ?? null;
    if (this.written !== null && this.written === this.bound) this.written = null;
    // The topic drives what is shown; the appeal list is where a volunteer request goes.
    const topicMode = fieldMode(context, p.topic);
    const appealMode = fieldMode(context, p.appealIds);
    const lcid = context.userSettings.languageId;
    const strings = readStrings(context.resources, INFO_PANEL_STRINGS);
    const tab = p.defaultTab.raw;
    const minAge = p.volunteerMinAge.raw;
    return React.createElement(
      ControlRoot,
      { idPrefix: this.idPrefix, theme: hostTheme(context) },
      React.createElement(InfoControl, {
        webAPI: context.webAPI,
        lcid,
        tokens: entraTokens({ webAPI: context.webAPI, userSettings: context.userSettings }),
        lang: uiLang(strings.Lang, lcid),
        topic: topicMode.masked ? null : (p.topic.raw ?? null),
        defaultTab: tab && TABS.includes(tab) ? (tab as InfoTab) : 'auto',
        patientId: p.patientMisId.raw || null,
        patientName: p.patientName.raw || null,
        callId: p.callId.raw || null,
        volunteerMinAge: minAge !== null && minAge > 0 ? minAge : DEFAULT_VOLUNTEER_MIN_AGE,
        readOnly: appealMode.readOnly,
        masked: topicMode.masked,
        narrow: allocatedWidth(context) < NARROW_BELOW_PX,
        strings,
        onCreated: this.onCreated,
      }),
    );
  }

  /** A volunteer-help request was registered as an appeal: its id is appended to the call's appeals. */
  private readonly onCreated = (appealId: string): void => {
    this.written = appendId(this.written ?? this.bound, appealId);
    this.notifyOutputChanged();
  };

  public getOutputs(): IOutputs {
    return this.written === null ? {} : { appealIds: this.written };
  }

  public destroy(): void {
    // The host unmounts the React tree of a virtual control; nothing else is held.
  }
}
