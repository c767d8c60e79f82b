import * as React from 'react';
import { MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import type { Lang } from '@eer/contract';
import type { Strings } from '../shared/pcf/strings';
import type { SlotApi } from './slotApi';
import type { SlotPickerStringKey } from './strings';
import { SlotPickerView } from './SlotPickerView';
import { useScheduleExport } from './useScheduleExport';
import { useSlotPicker, type BookingMode } from './useSlotPicker';

export interface SlotPickerPanelProps {
  /** Null only while no patient is chosen or the patient is masked (nothing is requested then). */
  api: SlotApi | null;
  patientId: string | null;
  patientName: string | null;
  defaultMode: BookingMode;
  periodDays: number;
  ticketHistoryDays: number;
  /** Booking, cancelling and complaints are off (form read-only, control disabled, column not editable). */
  readOnly: boolean;
  /** Field security hides the patient: nothing of them is shown. */
  masked: boolean;
  width: number;
  lang: Lang;
  callId?: string;
  strings: Strings<SlotPickerStringKey>;
  onBooked: (ticketId: string) => void;
  onComplaint: (ticketId: string) => void;
  now?: () => Date;
}

/** The slot picker as the form hosts it: the container hook and the pure view. */
export function SlotPickerPanel(props: SlotPickerPanelProps): JSX.Element {
  const { strings: s } = props;
  if (props.masked) {
    return (
      <Text role="status" data-testid="slot-picker-masked">
        {s.Status_Masked}
      </Text>
    );
  }
  if (!props.patientId) {
    return (
      <MessageBar intent="info" layout="multiline" data-testid="slot-picker-no-patient">
        <MessageBarBody>{s.Status_NoPatient}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!props.api) return <Spinner size="small" label={s.Status_Loading} labelPosition="after" />;
  // keyed by the patient: a new patient starts with a fresh window (mode, interval, export)
  return <SlotPickerBody key={props.patientId} {...props} patientId={props.patientId} />;
}

function SlotPickerBody(props: SlotPickerPanelProps & { patientId: string }): JSX.Element {
  const now = props.now ?? (() => new Date());
  const model = useSlotPicker({
    api: props.api,
    patientId: props.patientId,
    defaultMode: props.defaultMode,
    periodDays: props.periodDays,
    ticketHistoryDays: props.ticketHistoryDays,
    readOnly: props.readOnly,
    lang: props.lang,
    callId: props.callId,
    onBooked: props.onBooked,
    onComplaint: props.onComplaint,
    now,
  });
  const [exportToggled, setExportToggled] = React.useState<boolean | null>(null);
  // Open by itself when nothing was found (manual: export when no schedule fits); the operator's toggle wins.
  const nothingFound = model.search.status === 'success' && model.search.data !== undefined && model.days.length === 0;
  const exportOpen = exportToggled ?? nothingFound;
  const exporter = useScheduleExport({
    api: props.api,
    open: exportOpen,
    moId: model.card?.attachment?.moId ?? null,
    preferredDepartmentId: model.search.data?.doctors[0]?.departmentId ?? null,
    from: model.from,
    to: model.to,
    lang: props.lang,
    onSaved: model.notifyExported,
  });
  return (
    <SlotPickerView
      model={model}
      exporter={exporter}
      exportOpen={exportOpen}
      onToggleExport={() => setExportToggled(!exportOpen)}
      patientName={props.patientName}
      width={props.width}
      lang={props.lang}
      now={now()}
      strings={props.strings}
    />
  );
}
