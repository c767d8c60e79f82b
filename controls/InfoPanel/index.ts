import * as React from 'react';
import { IInputs, IOutputs } from './generated/ManifestTypes';
import { IdListControl, type FormControlProps } from '../shared/pcf/IdListControl';
import { fieldMode } from '../shared/pcf/mode';
import { InfoControl } from './InfoControl';
import type { InfoTab } from './InfoPanelContainer';
import { INFO_PANEL_STRINGS, type InfoPanelStringKey } from './strings';

const DEFAULT_VOLUNTEER_MIN_AGE = 65;
const TABS: readonly string[] = ['covid', 'volunteer', 'hours', 'checkups'];

/** Thin PCF wrapper (the class name is the manifest's constructor): a volunteer request's appeal id goes to eer_appealids. */
export class InfoPanel extends IdListControl<IInputs, IOutputs, InfoPanelStringKey> {
  public constructor() {
    super({ name: 'info', idList: 'appealIds', strings: INFO_PANEL_STRINGS, narrowBelowPx: 640 });
  }

  protected render(context: ComponentFramework.Context<IInputs>, common: FormControlProps<InfoPanelStringKey>): React.ReactElement {
    const p = context.parameters;
    // The topic drives what is shown (its field security masks the panel); the appeal list is where a volunteer request goes.
    const topicMode = fieldMode(context, p.topic);
    const tab = p.defaultTab.raw;
    const minAge = p.volunteerMinAge.raw;
    return React.createElement(InfoControl, {
      ...common,
      masked: topicMode.masked,
      topic: topicMode.masked ? null : (p.topic.raw ?? null),
      defaultTab: tab && TABS.includes(tab) ? (tab as InfoTab) : 'auto',
      patientId: p.patientMisId.raw || null,
      patientName: p.patientName.raw || null,
      callId: p.callId.raw || null,
      volunteerMinAge: minAge !== null && minAge > 0 ? minAge : DEFAULT_VOLUNTEER_MIN_AGE,
    });
  }
}
