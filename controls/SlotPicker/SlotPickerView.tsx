import * as React from 'react';
import {
  Button,
  Combobox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
  Option,
  Spinner,
  Subtitle2,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Lang, Specialty } from '@eer/contract';
import { clockTime, longDate, shortDate } from '../shared/components/calendarText';
import { ConfirmDialog } from '../shared/components/ConfirmDialog';
import { DayStrip } from '../shared/components/DayStrip';
import { ErrorBar, errorView } from '../shared/components/ErrorBar';
import { format, type Strings } from '../shared/pcf/strings';
import { BookingDialog } from './BookingDialog';
import { regionDateOf } from './dates';
import { roomText } from './format';
import { ScheduleExport } from './ScheduleExport';
import { SlotCells } from './SlotCells';
import type { SlotPickerStringKey } from './strings';
import { TicketList } from './TicketList';
import type { ScheduleExportModel } from './useScheduleExport';
import type { BookingMode, Notice, SlotPickerModel } from './useSlotPicker';

export interface SlotPickerViewProps {
  model: SlotPickerModel;
  exporter: ScheduleExportModel;
  exportOpen: boolean;
  onToggleExport: () => void;
  patientName: string | null;
  /** The form gives this width (allocatedWidth). */
  width: number;
  lang: Lang;
  now: Date;
  strings: Strings<SlotPickerStringKey>;
}

/** Below this width the service field takes its own row and tickets show as blocks. */
export const NARROW_BELOW_PX = 640;
const CELL_PX = 92;

/** Time cells per row for the width the form gives. */
export function timeColumns(width: number): number {
  return Math.max(2, Math.min(10, Math.floor((width - 16) / CELL_PX)));
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: '0' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  target: { flexGrow: 1, minWidth: '240px' },
  targetNarrow: { flexBasis: '100%', minWidth: '0' },
  date: { width: '160px' },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: '0' },
  muted: { color: tokens.colorNeutralForeground3 },
});

function noticeOf(notice: Notice, s: Strings<SlotPickerStringKey>, lang: Lang): { intent: 'success' | 'warning' | 'info'; title: string; text: string } {
  switch (notice.kind) {
    case 'booked': {
      const t = notice.ticket;
      const when = `${shortDate(regionDateOf(t.start), lang)} ${clockTime(t.start, lang)}`;
      return {
        intent: 'success',
        title: s.Notice_Booked,
        text: `${format(s.Notice_BookedText, t.doctorName, when, t.room ? roomText(t.room, s.Room_Short) : s.Common_NotSet)} ${notice.smsSent ? s.Notice_SmsSent : s.Notice_SmsNotSent}`,
      };
    }
    case 'taken':
      return { intent: 'warning', title: s.Notice_Taken, text: s.Notice_TakenText };
    case 'cancelled': {
      const t = notice.ticket;
      const when = `${shortDate(regionDateOf(t.start), lang)} ${clockTime(t.start, lang)}`;
      return { intent: 'success', title: s.Notice_Cancelled, text: `${format(s.Notice_CancelledText, when, t.doctorName)} ${notice.smsSent ? s.Notice_SmsSent : s.Notice_SmsNotSent}` };
    }
    case 'complaint': {
      const t = notice.ticket;
      return { intent: 'info', title: s.Notice_Complaint, text: format(s.Notice_ComplaintText, shortDate(regionDateOf(t.start), lang), t.doctorName) };
    }
    case 'exported':
      return { intent: 'success', title: s.Notice_Exported, text: notice.filename };
  }
}

/** «Услуга»: narrow specialties with type-ahead; choosing one searches at once. */
function SpecialtyCombobox(props: { options: readonly Specialty[]; selected: Specialty | null; disabled: boolean; onChoose: (code: string | null) => void; s: Strings<SlotPickerStringKey> }): JSX.Element {
  const { options, selected, disabled, onChoose, s } = props;
  const [text, setText] = React.useState(selected?.name ?? '');
  React.useEffect(() => setText(selected?.name ?? ''), [selected]);
  const needle = text.trim().toLocaleLowerCase('ru');
  const matching = selected && text === selected.name ? options : options.filter((o) => o.name.toLocaleLowerCase('ru').includes(needle));
  return (
    <Combobox
      freeform
      disabled={disabled}
      placeholder={s.Narrow_Placeholder}
      value={text}
      selectedOptions={selected ? [selected.code] : []}
      onChange={(event) => setText(event.target.value)}
      onOptionSelect={(_e, data) => {
        setText(data.optionText ?? '');
        onChoose(data.optionValue ?? null);
      }}
      data-testid="narrow-combobox"
    >
      {matching.length === 0 ? (
        <Option key="none" value="" disabled text="">
          {s.Narrow_NoMatch}
        </Option>
      ) : (
        matching.map((o) => (
          <Option key={o.code} value={o.code}>
            {o.name}
          </Option>
        ))
      )}
    </Combobox>
  );
}

/**
 * The «Запись на прием» tab (manual §4): two ways in, the interval and «Поиск», the days with free time and the time
 * cells of the chosen day, the confirmation, the schedule export, and the patient's tickets.
 */
export function SlotPickerView(props: SlotPickerViewProps): JSX.Element {
  const { model: m, exporter, exportOpen, onToggleExport, patientName, width, lang, now, strings: s } = props;
  const styles = useStyles();
  const narrow = width < NARROW_BELOW_PX;
  const errorStrings = { correlationId: s.Error_CorrelationId, retry: s.Error_Retry, dismiss: s.Error_Dismiss };
  // The specialties' failure stops the search; the card's only the SMS default and the MO name: both are shown.
  const contextError = errorView(m.specialties.error ?? m.cardState.error, lang);
  const retryContext = m.specialties.error ? m.specialties.retry : m.cardState.retry;
  const searchError = errorView(m.search.error, lang);
  const ticketsError = errorView(m.tickets.error, lang);
  const cancelError = errorView(m.cancelling.error, lang);
  const result = m.search.data;
  const day = m.days.find((d) => d.date === m.selectedDate);
  const contextLoading = m.specialties.status === 'loading' || m.specialties.status === 'waiting';
  const notice = m.notice ? noticeOf(m.notice, s, lang) : null;
  const issueOf = (field: string) => m.intervalIssues.find((i) => i.field === field)?.message;
  // After a booking or a cancellation the dialog's opener may be gone (the booked cell, the cancelled row's button):
  // focus goes to the outcome, so it is read out and focus never falls to the page body behind the closed dialog.
  const noticeRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (m.notice?.kind === 'booked' || m.notice?.kind === 'cancelled') noticeRef.current?.focus();
  }, [m.notice]);

  const resource = m.mode === 'district' ? (result?.doctors ?? []).map((d) => `${d.fullName} (${d.specialtyName})`).join('; ') : '';
  const target =
    m.mode === 'district' ? (
      <Field className={mergeClasses(styles.target, narrow && styles.targetNarrow)} label={s.Field_Resource} hint={m.district ? m.district.name : undefined}>
        <Input readOnly value={resource || (contextLoading || m.search.searching ? s.Status_Loading : s.Common_NotSet)} data-testid="resource" />
      </Field>
    ) : (
      <Field className={mergeClasses(styles.target, narrow && styles.targetNarrow)} label={s.Field_Service}>
        <SpecialtyCombobox options={m.narrowOptions} selected={m.narrowSelected} disabled={contextLoading} onChoose={m.chooseNarrow} s={s} />
      </Field>
    );

  return (
    <div className={styles.root} data-testid="slot-picker" data-mode={m.mode}>
      <TabList selectedValue={m.mode} onTabSelect={(_e, data) => m.setMode(data.value as BookingMode)} aria-label={s.Mode_Label}>
        <Tab value="district">{s.Mode_District}</Tab>
        <Tab value="narrow">{s.Mode_Narrow}</Tab>
      </TabList>

      {patientName && (
        <Text>
          {s.Field_Patient}: <strong>{patientName}</strong>
          {m.readOnly && <span className={styles.muted}> · {s.Status_ReadOnly}</span>}
        </Text>
      )}

      {contextError && <ErrorBar error={contextError} title={s.Error_Patient} strings={errorStrings} onRetry={retryContext} />}

      <div className={styles.row}>
        {target}
        <Field className={styles.date} label={s.Field_From} validationMessage={issueOf('from')}>
          <Input type="date" value={m.from} onChange={(_e, data) => m.setFrom(data.value)} />
        </Field>
        <Field className={styles.date} label={s.Field_To} validationMessage={issueOf('to')}>
          <Input type="date" value={m.to} onChange={(_e, data) => m.setTo(data.value)} />
        </Field>
        <Button appearance="primary" onClick={m.runSearch} disabled={!(m.mode === 'district' ? m.district : m.narrowSelected)}>
          {s.Search_Run}
        </Button>
      </div>

      {notice && (
        <MessageBar ref={noticeRef} tabIndex={-1} intent={notice.intent} layout="multiline" politeness="polite" data-testid="notice" data-kind={m.notice?.kind}>
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.text}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" onClick={m.dismissNotice}>
              {s.Error_Dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {searchError && <ErrorBar error={searchError} title={s.Error_Search} strings={errorStrings} onRetry={m.search.retry} />}

      {m.search.searching && !result && <Spinner size="small" label={s.Search_Loading} labelPosition="after" />}

      {result && result.extendedTo && m.days.length > 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="extended">
          <MessageBarBody>{format(s.Search_Extended, shortDate(m.to, lang), shortDate(result.extendedTo, lang))}</MessageBarBody>
        </MessageBar>
      )}

      {result && m.days.length === 0 && !m.search.searching && (
        <MessageBar intent="warning" layout="multiline" data-testid="no-days">
          <MessageBarBody>
            <MessageBarTitle>{result.doctors.length === 0 ? s.Search_NoDoctors : s.Search_Empty}</MessageBarTitle>
            {format(s.Search_EmptyText, shortDate(result.extendedTo ?? m.to, lang))}
          </MessageBarBody>
        </MessageBar>
      )}

      {m.days.length > 0 && (
        <div className={styles.section} aria-busy={m.search.searching}>
          <Subtitle2>{s.Days_Title}</Subtitle2>
          <DayStrip
            days={m.days.map((d) => ({ date: d.date, count: d.freeCount }))}
            selectedDate={m.selectedDate}
            onSelect={m.selectDate}
            lang={lang}
            label={s.Days_Title}
            countLabel={s.Days_Free}
          />
          <Subtitle2>{day ? format(s.Times_Title, longDate(day.date, lang)) : s.Times_Choose}</Subtitle2>
          {day && (
            <SlotCells
              slots={day.slots}
              doctorsById={m.doctorsById}
              columns={timeColumns(width)}
              lang={lang}
              disabled={m.readOnly}
              pendingId={m.pending?.slot.id ?? null}
              label={format(s.Times_Title, longDate(day.date, lang))}
              roomLabel={s.Room_Short}
              onChoose={m.openBooking}
            />
          )}
          {!m.readOnly && <Text className={styles.muted}>{s.Times_Hint}</Text>}
        </div>
      )}

      <div className={styles.section}>
        <div className={styles.row}>
          <Button appearance="subtle" aria-expanded={exportOpen} onClick={onToggleExport} data-testid="export-toggle">
            {exportOpen ? s.Export_Hide : s.Export_Show}
          </Button>
        </div>
        {exportOpen && <ScheduleExport model={exporter} from={m.from} to={m.to} lang={lang} disabled={false} strings={s} />}
      </div>

      <div className={styles.section}>
        <Subtitle2>{s.Tickets_Title}</Subtitle2>
        {ticketsError && <ErrorBar error={ticketsError} title={s.Error_Tickets} strings={errorStrings} onRetry={m.tickets.retry} />}
        {(m.tickets.status === 'loading' || m.tickets.status === 'waiting') && !m.tickets.data && <Spinner size="tiny" label={s.Tickets_Loading} labelPosition="after" />}
        {m.tickets.data && m.tickets.data.length === 0 && <Text className={styles.muted}>{s.Tickets_Empty}</Text>}
        {m.tickets.data && m.tickets.data.length > 0 && (
          <TicketList
            tickets={m.tickets.data}
            lang={lang}
            compact={narrow}
            readOnly={m.readOnly}
            now={now}
            strings={s}
            onCancel={m.openCancel}
            onComplain={m.complain}
          />
        )}
      </div>

      <BookingDialog
        pending={m.pending}
        notifySms={m.pending?.notifySms ?? m.card?.smsConsent ?? false}
        patientName={patientName}
        moName={m.pending?.doctor ? (m.moNames.get(m.pending.doctor.moId) ?? null) : null}
        busy={m.booking.busy}
        error={m.booking.error}
        lang={lang}
        strings={s}
        onNotifySms={m.setNotifySms}
        onConfirm={m.confirmBooking}
        onCancel={m.closeBooking}
      />

      <ConfirmDialog
        open={m.pendingCancel !== null}
        title={s.CancelTicket_Title}
        confirmLabel={s.CancelTicket_Ok}
        cancelLabel={s.Confirm_Cancel}
        busy={m.cancelling.busy}
        busyLabel={s.Confirm_Busy}
        onConfirm={m.confirmCancel}
        onCancel={m.closeCancel}
      >
        {m.pendingCancel && (
          <Text>
            {format(
              s.CancelTicket_Text,
              `${shortDate(regionDateOf(m.pendingCancel.ticket.start), lang)} ${clockTime(m.pendingCancel.ticket.start, lang)}`,
              m.pendingCancel.ticket.doctorName,
              m.pendingCancel.ticket.moName,
            )}
          </Text>
        )}
        {cancelError && <ErrorBar error={cancelError} title={s.Error_Cancel} strings={errorStrings} />}
      </ConfirmDialog>
    </div>
  );
}
