import * as React from 'react';
import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '@eer/contract';
import { ConfirmDialog } from '../shared/components/ConfirmDialog';
import { ErrorBar, errorView } from '../shared/components/ErrorBar';
import type { Strings } from '../shared/pcf/strings';
import { clockTime, longDate } from '../shared/components/calendarText';
import { regionDateOf } from './dates';
import type { SlotPickerStringKey } from './strings';
import type { PendingBooking } from './useSlotPicker';

export interface BookingDialogProps {
  pending: PendingBooking | null;
  /** The SMS box: the operator's choice, else the patient's consent. */
  notifySms: boolean;
  patientName: string | null;
  moName: string | null;
  busy: boolean;
  error: unknown;
  lang: Lang;
  strings: Strings<SlotPickerStringKey>;
  onNotifySms: (value: boolean) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    marginTop: '0',
    marginBottom: tokens.spacingVerticalS,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { marginLeft: '0', fontWeight: tokens.fontWeightSemibold },
});

/**
 * The confirmation of manual §4.1 fig. 10 (ОК / Отмена): doctor, date, time, room and MO, and whether to send the
 * SMS (preset from the patient's consent). Focus starts on ОК, so Enter books. A retryable failure stays in the
 * dialog: ОК again sends the same request with the same client key.
 */
export function BookingDialog(props: BookingDialogProps): JSX.Element {
  const { pending, patientName, moName, busy, error, lang, strings: s } = props;
  const styles = useStyles();
  const view = errorView(error, lang);
  const slot = pending?.slot;
  const doctor = pending?.doctor;
  const facts: Array<[string, string]> = slot
    ? [
        [s.Confirm_Patient, patientName ?? s.Common_NotSet],
        [s.Confirm_Doctor, doctor ? `${doctor.fullName}, ${doctor.specialtyName}` : s.Common_NotSet],
        [s.Confirm_Date, longDate(regionDateOf(slot.start), lang)],
        [s.Confirm_Time, `${clockTime(slot.start, lang)}–${clockTime(slot.end, lang)}`],
        [s.Confirm_Room, slot.room ?? s.Common_NotSet],
        [s.Confirm_Mo, moName ?? s.Common_NotSet],
      ]
    : [];
  return (
    <ConfirmDialog
      open={pending !== null}
      title={s.Confirm_Title}
      confirmLabel={s.Confirm_Ok}
      cancelLabel={s.Confirm_Cancel}
      busy={busy}
      busyLabel={s.Confirm_Busy}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <dl className={styles.facts} data-testid="booking-facts">
        {facts.map(([term, value]) => (
          <React.Fragment key={term}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </React.Fragment>
        ))}
      </dl>
      <Checkbox
        label={s.Confirm_Sms}
        checked={props.notifySms}
        disabled={busy}
        onChange={(_e, data) => props.onNotifySms(data.checked === true)}
      />
      {view && <ErrorBar error={view} title={s.Error_Book} strings={{ correlationId: s.Error_CorrelationId, retry: s.Error_Retry, dismiss: s.Error_Dismiss }} />}
    </ConfirmDialog>
  );
}
