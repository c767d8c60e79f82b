import * as React from 'react';
import { AppealKind, TABLES } from '@eer/contract';
import { IInputs, IOutputs } from './generated/ManifestTypes';
import { ControlRoot } from '../shared/components/ControlRoot';
import { entraTokens } from '../shared/auth/msalTokenSource';
import { hostTheme } from '../shared/pcf/theme';
import { allocatedWidth, fieldMode } from '../shared/pcf/mode';
import { formRecordId } from '../shared/pcf/formRecord';
import { appendId } from '../shared/pcf/idList';
import { readStrings } from '../shared/pcf/strings';
import { uiLang } from '../shared/pcf/uiLang';
import { AppealControl } from './AppealControl';
import { APPEAL_FORM_STRINGS } from './strings';

const NARROW_BELOW_PX = 560;
let instances = 0;

/** The contract's kind for a text column value, or null. */
function kindOf(value: string | null | undefined): AppealKind | null {
  const parsed = AppealKind.safeParse(value?.trim());
  return parsed.success ? parsed.data : null;
}

/** Thin PCF wrapper (the class name is the manifest's constructor): maps the context to plain props, keeps the output. */
export class AppealForm implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private readonly idPrefix = `eer-appeal-${++instances}-`;
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
    const mode = fieldMode(context, p.appealIds);
    const lcid = context.userSettings.languageId;
    const strings = readStrings(context.resources, APPEAL_FORM_STRINGS);
    return React.createElement(
      ControlRoot,
      { idPrefix: this.idPrefix, theme: hostTheme(context) },
      React.createElement(AppealControl, {
        webAPI: context.webAPI,
        lcid,
        tokens: entraTokens({ webAPI: context.webAPI, userSettings: context.userSettings }),
        lang: uiLang(strings.Lang, lcid),
        patientId: p.patientMisId.raw || null,
        patientName: p.patientName.raw || null,
        callId: p.callId.raw || null,
        callRecordId: formRecordId(context, TABLES.call),
        complaintTicketId: p.complaintTicketId.raw?.trim() || null,
        handedKind: kindOf(p.appealKind.raw),
        defaultKind: kindOf(p.defaultKind.raw) ?? 'appeal',
        readOnly: mode.readOnly,
        masked: mode.masked,
        narrow: allocatedWidth(context) < NARROW_BELOW_PX,
        strings,
        onCreated: this.onCreated,
      }),
    );
  }

  /** An appeal was registered: its MIS id is appended to the call's list. */
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
