import * as React from 'react';
import { IInputs, IOutputs } from './generated/ManifestTypes';
import { ControlRoot } from '../shared/components/ControlRoot';
import { hostTheme } from '../shared/pcf/theme';
import { allocatedWidth, fieldMode } from '../shared/pcf/mode';
import { readStrings } from '../shared/pcf/strings';
import { CallPanelView } from './CallPanelView';
import { CALL_PANEL_STRINGS } from './strings';

const NARROW_BELOW_PX = 480;
const DEFAULT_THRESHOLD_SECONDS = 180;
let instances = 0;

/** Thin PCF wrapper (the class name is the manifest's constructor): maps the context to plain props; no fetches or business logic here. */
export class CallPanel implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private readonly idPrefix = `eer-callpanel-${++instances}-`;

  public init(context: ComponentFramework.Context<IInputs>): void {
    context.mode.trackContainerResize(true);
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    const p = context.parameters;
    const mode = fieldMode(context, p.status);
    const threshold = p.thresholdSeconds.raw;
    return React.createElement(
      ControlRoot,
      { idPrefix: this.idPrefix, theme: hostTheme(context) },
      React.createElement(CallPanelView, {
        topic: p.topic.raw ?? null,
        answeredAt: p.answeredAt.raw ?? null,
        greeting: p.greeting.raw ?? '',
        thresholdSeconds: threshold && threshold > 0 ? threshold : DEFAULT_THRESHOLD_SECONDS,
        masked: mode.masked,
        narrow: allocatedWidth(context) < NARROW_BELOW_PX,
        strings: readStrings(context.resources, CALL_PANEL_STRINGS),
      }),
    );
  }

  public getOutputs(): IOutputs {
    return {};
  }

  public destroy(): void {
    // React tree is unmounted by the host for virtual controls; nothing else is held.
  }
}
