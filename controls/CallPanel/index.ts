import * as React from 'react';
import { Text } from '@fluentui/react-components';
import { CALL_STATUS_VALUES, TABLES } from '@eer/contract';
import { langOfLcid } from '../shared/api/client';
import { entraTokens } from '../shared/auth/msalTokenSource';
import { ControlRoot } from '../shared/components/ControlRoot';
import { allocatedWidth, fieldMode } from '../shared/pcf/mode';
import { readStrings } from '../shared/pcf/strings';
import { hostTheme } from '../shared/pcf/theme';
import type { CallOutputs } from './CallFormPanel';
import { CallFormRoot } from './CallFormRoot';
import { IInputs, IOutputs } from './generated/ManifestTypes';
import { CALL_PANEL_STRINGS } from './strings';
import { boundCall, resolveSurface } from './surface';
import { WorkspaceRoot } from './WorkspaceRoot';

/** Below these widths the start window stacks its columns and the call header its timer. */
const WORKSPACE_NARROW_BELOW_PX = 640;
const CALL_NARROW_BELOW_PX = 480;
let instances = 0;

/**
 * Thin PCF wrapper (the class name is the manifest's constructor): maps the context to plain props, keeps what the
 * call form writes as outputs (status, ended at, duration, call type, comment) and tells the host; navigation goes
 * through `context.navigation`. No fetches or business logic here.
 */
export class CallPanel implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private readonly idPrefix = `eer-callpanel-${++instances}-`;
  private notifyOutputChanged: () => void = () => undefined;
  private outputs: IOutputs = {};

  public init(context: ComponentFramework.Context<IInputs>, notifyOutputChanged: () => void): void {
    this.notifyOutputChanged = notifyOutputChanged;
    context.mode.trackContainerResize(true);
  }

  private readonly write = (changes: CallOutputs): void => {
    const next: IOutputs = { ...this.outputs };
    if (changes.status !== undefined) next.status = CALL_STATUS_VALUES[changes.status];
    if (changes.endedAt !== undefined) next.endedAt = changes.endedAt;
    if (changes.durationSeconds !== undefined) next.durationSeconds = changes.durationSeconds;
    if (changes.callType !== undefined) next.callType = changes.callType;
    if (changes.comment !== undefined) next.comment = changes.comment;
    this.outputs = next;
    this.notifyOutputChanged();
  };

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    const p = context.parameters;
    const mode = fieldMode(context, p.status);
    const strings = readStrings(context.resources, CALL_PANEL_STRINGS);
    const lcid = context.userSettings.languageId;
    const lang = langOfLcid(lcid);
    const width = allocatedWidth(context);
    const call = boundCall(p);
    const navigation = context.navigation;
    const workspaceForm = { entityName: p.workspaceTable.raw || TABLES.call, formId: p.workspaceFormId.raw || undefined };
    const callFormId = p.callFormId.raw || undefined;

    let body: React.ReactElement;
    if (mode.masked) {
      body = React.createElement(Text, { role: 'status' }, strings.Status_Masked);
    } else if (resolveSurface(p.surface.raw, call) === 'callForm') {
      body = React.createElement(CallFormRoot, {
        webAPI: context.webAPI,
        call,
        greeting: p.greeting.raw ?? '',
        resxGreeting: strings.Greeting_Default,
        manifestThresholdSeconds: p.thresholdSeconds.raw,
        readOnly: mode.readOnly,
        narrow: width < CALL_NARROW_BELOW_PX,
        lang,
        strings,
        onOutputs: this.write,
        backToWorkspace: () => navigation.openForm(workspaceForm).then(() => undefined),
      });
    } else {
      body = React.createElement(WorkspaceRoot, {
        webAPI: context.webAPI,
        lcid,
        lang,
        tokens: entraTokens({ webAPI: context.webAPI, userSettings: context.userSettings }),
        openCall: (id: string) => navigation.openForm({ entityName: TABLES.call, entityId: id, formId: callFormId }).then(() => undefined),
        readOnly: mode.readOnly,
        narrow: width < WORKSPACE_NARROW_BELOW_PX,
        strings,
      });
    }
    return React.createElement(ControlRoot, { idPrefix: this.idPrefix, theme: hostTheme(context) }, body);
  }

  public getOutputs(): IOutputs {
    return this.outputs;
  }

  public destroy(): void {
    // The host unmounts the React tree of a virtual control; its effects close the connection and abort requests.
  }
}
