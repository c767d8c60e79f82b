import * as React from 'react';
import { TABLES, type Lang } from '@eer/contract';
import type { FunctionsClientOptions } from '../api/useFunctionsClient';
import { entraTokens } from '../auth/msalTokenSource';
import { ControlRoot } from '../components/ControlRoot';
import { formRecordId } from './formRecord';
import { appendId } from './idList';
import { allocatedWidth, fieldMode } from './mode';
import { readStrings, type Strings } from './strings';
import { hostTheme } from './theme';
import { uiLang } from './uiLang';

/** What every form control gets from its wrapper, whatever else it reads of the context. */
export interface FormControlProps<K extends string> {
  webAPI: ComponentFramework.WebApi;
  lcid: number | undefined;
  /** The sign-in for the function app. */
  tokens: NonNullable<FunctionsClientOptions['tokens']>;
  lang: Lang;
  strings: Strings<K>;
  /** The id list (or the control) cannot be changed. */
  readOnly: boolean;
  /** Field security: the user may not read the id list. */
  masked: boolean;
  narrow: boolean;
  /** The call record (eer_call) the form is on: the rows a control creates are linked to it. */
  callRecordId: string | null;
  /** Something was made: its id is appended to the bound id list. */
  onCreated: (id: string) => void;
}

export interface IdListControlSpec<TInputs, TOutputs, K extends string> {
  /** Short name for element ids: `eer-<name>-<n>-`. */
  name: string;
  /** The bound id list (an input and the output): `homeVisitIds`, `appealIds`, … */
  idList: keyof TInputs & keyof TOutputs & string;
  strings: readonly K[];
  narrowBelowPx: number;
}

let instances = 0;

/**
 * The PCF wrapper of a form that appends what it made to an id list column of the call (`eer_homevisitids`, …):
 * maps the context to plain props, keeps the output until the host echoes it. A control's class extends this and
 * adds what only it reads of the context (`render`); the class name stays the manifest's constructor.
 */
export abstract class IdListControl<TInputs, TOutputs, K extends string> implements ComponentFramework.ReactControl<TInputs, TOutputs> {
  private readonly idPrefix: string;
  private notifyOutputChanged: () => void = () => undefined;
  /** What the bound column holds now, and what this control wrote to it and the host has not echoed yet. */
  private bound: string | null = null;
  private written: string | null = null;

  protected constructor(private readonly spec: IdListControlSpec<TInputs, TOutputs, K>) {
    this.idPrefix = `eer-${spec.name}-${++instances}-`;
  }

  public init(context: ComponentFramework.Context<TInputs>, notifyOutputChanged: () => void): void {
    this.notifyOutputChanged = notifyOutputChanged;
    context.mode.trackContainerResize(true);
  }

  public updateView(context: ComponentFramework.Context<TInputs>): React.ReactElement {
    const list = context.parameters[this.spec.idList] as unknown as ComponentFramework.PropertyTypes.StringProperty;
    this.bound = list.raw ?? null;
    if (this.written !== null && this.written === this.bound) this.written = null;
    const mode = fieldMode(context, list);
    const lcid = context.userSettings.languageId;
    const strings = readStrings(context.resources, this.spec.strings);
    const common: FormControlProps<K> = {
      webAPI: context.webAPI,
      lcid,
      tokens: entraTokens({ webAPI: context.webAPI, userSettings: context.userSettings }),
      lang: uiLang((strings as Partial<Record<string, string>>).Lang, lcid),
      strings,
      readOnly: mode.readOnly,
      masked: mode.masked,
      narrow: allocatedWidth(context) < this.spec.narrowBelowPx,
      callRecordId: formRecordId(context, TABLES.call),
      onCreated: this.onCreated,
    };
    return React.createElement(ControlRoot, { idPrefix: this.idPrefix, theme: hostTheme(context) }, this.render(context, common));
  }

  /** The control's own element, given the common props. */
  protected abstract render(context: ComponentFramework.Context<TInputs>, common: FormControlProps<K>): React.ReactElement;

  private readonly onCreated = (id: string): void => {
    this.written = appendId(this.written ?? this.bound, id);
    this.notifyOutputChanged();
  };

  public getOutputs(): TOutputs {
    return (this.written === null ? {} : { [this.spec.idList]: this.written }) as TOutputs;
  }

  public destroy(): void {
    // The host unmounts the React tree of a virtual control; nothing else is held.
  }
}
