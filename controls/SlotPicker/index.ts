import * as React from 'react';
import { TABLES } from '@eer/contract';
import { IInputs, IOutputs } from './generated/ManifestTypes';
import { ControlRoot } from '../shared/components/ControlRoot';
import { langOfLcid } from '../shared/api/client';
import { entraTokens } from '../shared/auth/msalTokenSource';
import { formRecordId } from '../shared/pcf/formRecord';
import { allocatedWidth, fieldMode } from '../shared/pcf/mode';
import { appendId, parseIdList } from '../shared/pcf/idList';
import { readStrings } from '../shared/pcf/strings';
import { hostTheme } from '../shared/pcf/theme';
import { SlotPickerControl } from './SlotPickerControl';
import { SLOT_PICKER_STRINGS } from './strings';

const DEFAULT_PERIOD_DAYS = 14;
const DEFAULT_TICKET_HISTORY_DAYS = 30;
let instances = 0;

function clamp(value: number | null | undefined, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(min, Math.min(max, Math.round(value))) : fallback;
}

/**
 * Thin PCF wrapper (the class name is the manifest's constructor): maps the context to plain props and stores the
 * outputs — the ids of created appointments appended to eer_appointmentids, and a complaint's ticket for the
 * appeal form. Requests and business logic live in the container hook (useSlotPicker).
 */
export class SlotPicker implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private readonly idPrefix = `eer-slotpicker-${++instances}-`;
  private notifyOutputChanged: () => void = () => undefined;
  private outputs: IOutputs = {};
  private boundIds: string | null = null;
  private writtenIds: string | null = null;

  public init(context: ComponentFramework.Context<IInputs>, notifyOutputChanged: () => void): void {
    context.mode.trackContainerResize(true);
    this.notifyOutputChanged = notifyOutputChanged;
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    const p = context.parameters;
    this.boundIds = p.appointmentIds.raw ?? null;
    const booking = fieldMode(context, p.appointmentIds);
    const patient = fieldMode(context, p.patientMisId);
    const lcid = context.userSettings.languageId;
    return React.createElement(
      ControlRoot,
      { idPrefix: this.idPrefix, theme: hostTheme(context) },
      React.createElement(SlotPickerControl, {
        webAPI: context.webAPI,
        lcid,
        tokens: entraTokens({ webAPI: context.webAPI, userSettings: context.userSettings }),
        // the call record the bookings belong to (sent with each booking for the MIS's audit)
        callId: formRecordId(context, TABLES.call) ?? undefined,
        patientId: p.patientMisId.raw?.trim() || null,
        patientName: p.patientName.raw?.trim() || null,
        defaultMode: p.defaultMode.raw === 'narrow' ? 'narrow' : 'district',
        periodDays: clamp(p.periodDays.raw, 1, 31, DEFAULT_PERIOD_DAYS),
        ticketHistoryDays: clamp(p.ticketHistoryDays.raw, 0, 365, DEFAULT_TICKET_HISTORY_DAYS),
        readOnly: booking.readOnly,
        masked: patient.masked,
        width: allocatedWidth(context),
        lang: langOfLcid(lcid),
        strings: readStrings(context.resources, SLOT_PICKER_STRINGS),
        onBooked: this.onBooked,
        onComplaint: this.onComplaint,
      }),
    );
  }

  /** Appends to the column's list: what the form holds plus what this control wrote and the form has not echoed yet. */
  private readonly onBooked = (ticketId: string): void => {
    const known = parseIdList(this.boundIds);
    for (const id of parseIdList(this.writtenIds)) if (!known.includes(id)) known.push(id);
    this.writtenIds = appendId(known.join(','), ticketId);
    this.outputs = { ...this.outputs, appointmentIds: this.writtenIds };
    this.notifyOutputChanged();
  };

  private readonly onComplaint = (ticketId: string): void => {
    this.outputs = { ...this.outputs, complaintTicketId: ticketId, appealKind: 'complaint' };
    this.notifyOutputChanged();
  };

  public getOutputs(): IOutputs {
    return this.outputs;
  }

  public destroy(): void {
    // The host unmounts the React tree of a virtual control; requests abort when their components unmount.
  }
}
