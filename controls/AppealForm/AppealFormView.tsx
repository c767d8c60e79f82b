import * as React from 'react';
import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
} from '@fluentui/react-components';
import { APPEAL_KINDS, APPEAL_TOPICS, AppealKind, AppealTopic, REGION_TIME_ZONE, type Lang, type Ticket } from '@eer/contract';
import { ConfirmDialog } from '../shared/components/ConfirmDialog';
import { ErrorBar, errorView } from '../shared/components/ErrorBar';
import { deliveryStrings, DoneNotice, fieldBinder, SubmitButton, submitOnCtrlEnter, Summary, TextField, useFirstIssueFocus, useFocusWhen } from '../shared/components/FormParts';
import { usePresence } from '../shared/hooks/usePresence';
import { OrganisationCombobox } from '../shared/components/OrganisationCombobox';
import { format, type Strings } from '../shared/pcf/strings';
import type { AppealFormStringKey } from './strings';
import { FIELD_ORDER, type AppealFormState } from './useAppealForm';

export interface AppealFormViewProps {
  form: AppealFormState;
  patientName: string | null;
  readOnly: boolean;
  narrow: boolean;
  lang: Lang;
  strings: Strings<AppealFormStringKey>;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalM },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalM, alignItems: 'start' },
  single: { gridTemplateColumns: 'minmax(0, 1fr)' },
  wide: { gridColumn: '1 / -1' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
});

const visitFormats = new Map<Lang, Intl.DateTimeFormat>();
/** «врач Петров П. П., 12.11.2026 09:30, ГП № 3» — the visit a complaint is about, on the region's clock. */
function visitText(ticket: Ticket, lang: Lang): string {
  let f = visitFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', {
      timeZone: REGION_TIME_ZONE,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    visitFormats.set(lang, f);
  }
  return `${ticket.specialtyName} ${ticket.doctorName}, ${f.format(new Date(ticket.start))}, ${ticket.moName}`;
}

/** Manual §6, fig. 16–19: the appeal card, its confirmation, the notice and the review-certificate tag. Pure. */
export function AppealFormView(props: AppealFormViewProps): JSX.Element {
  const { form, patientName, readOnly, narrow, lang, strings } = props;
  const styles = useStyles();
  const titleId = useId('ap-title');
  const errorStrings = { correlationId: strings.Error_CorrelationId, retry: strings.Error_Retry, dismiss: strings.Error_Dismiss };
  const { fields, issues, saved, delivery } = form;
  const refs = useFirstIssueFocus(form.issueVersion, issues, FIELD_ORDER);
  const newButton = useFocusWhen(saved);
  const organisations = form.organisations.status === 'success' ? form.organisations.data : [];
  const ticketMoName = fields.moId && form.ticket?.found?.moId === fields.moId ? form.ticket.found.moName : undefined;
  const moName = organisations.find((o) => o.id === fields.moId)?.shortName ?? ticketMoName ?? '';


  const disabled = readOnly || form.sending;
  const bind = fieldBinder({ fields, issues, refs, setField: form.setField, disabled });
  const submitErrorView = errorView(form.submitError, lang);
  const moErrorView = form.organisations.status === 'error' ? errorView(form.organisations.error, lang) : null;
  const recordErrorView = form.record.status === 'error' ? errorView(form.record.error, lang) : null;
  const certificateErrorView = form.certificate.status === 'error' ? errorView(form.certificate.error, lang) : null;
  const dialog = usePresence(form.confirming);
  const pending = dialog.last;
  const certificateDialog = usePresence(form.certificateAsked ? saved : null);
  const ticketText = form.ticket
    ? format(strings.Complaint_Ticket, form.ticket.found ? visitText(form.ticket.found, lang) : format(strings.Complaint_TicketUnknown, form.ticket.id))
    : null;

  return (
    <section className={styles.root} aria-labelledby={titleId} onKeyDown={submitOnCtrlEnter(form.submit)}>
      <div className={styles.header}>
        <Text id={titleId} as="h2" size={500} weight="semibold">
          {strings.Header_Title}
        </Text>
        {patientName && <Text>{format(strings.Header_Patient, patientName)}</Text>}
      </div>
      {ticketText && (
        <MessageBar intent="info" layout="multiline" data-testid="complaint-ticket">
          <MessageBarBody>{ticketText}</MessageBarBody>
        </MessageBar>
      )}

      {saved ? (
        <>
          <DoneNotice title={saved.appeal.kind === 'complaint' ? strings.Done_TitleComplaint : strings.Done_TitleAppeal} delivery={delivery} strings={deliveryStrings(strings)}>
            {delivery?.state === 'queued' ? format(strings.Done_Queued, saved.moName) : format(strings.Done_Text, delivery?.resultId ?? saved.accepted.appealId, saved.moName)}
          </DoneNotice>
          <div className={styles.actions}>
            <ToggleButton
              checked={form.certificate.status === 'done'}
              disabled={readOnly || form.record.status !== 'done' || form.certificate.status === 'done' || form.certificate.status === 'busy'}
              onClick={form.askCertificate}
              shape="circular"
              data-testid="certificate-tag"
            >
              {strings.Certificate_Tag}
            </ToggleButton>
            {form.certificate.status === 'done' && <Text size={200}>{strings.Certificate_Set}</Text>}
            {form.record.status === 'busy' && <Spinner size="extra-tiny" label={strings.Record_Saving} labelPosition="after" />}
            <Button ref={newButton} onClick={form.startNew} disabled={readOnly}>
              {strings.Action_New}
            </Button>
          </div>
          {recordErrorView && <ErrorBar error={{ ...recordErrorView, retryable: true }} title={strings.Error_RecordTitle} strings={errorStrings} onRetry={form.retryRecord} />}
          {certificateErrorView && (
            <ErrorBar error={{ ...certificateErrorView, retryable: true }} title={strings.Error_CertificateTitle} strings={errorStrings} onRetry={form.askCertificate} />
          )}
        </>
      ) : (
        <div className={mergeClasses(styles.grid, narrow && styles.single)}>
          <Field label={strings.Field_Kind} validationState={issues.kind ? 'error' : 'none'} validationMessage={issues.kind}>
            <RadioGroup
              layout="horizontal"
              value={fields.kind}
              disabled={disabled}
              onChange={(_e, d) => form.setField('kind', d.value as AppealKind)}
              ref={(el) => {
                refs.current.kind = el?.querySelector('input') ?? null;
              }}
            >
              {AppealKind.options.map((k) => (
                <Radio key={k} value={k} label={APPEAL_KINDS[k][lang]} />
              ))}
            </RadioGroup>
          </Field>
          <Field label={strings.Field_Topic} required validationState={issues.topic || issues.ticketId ? 'error' : 'none'} validationMessage={issues.topic ?? issues.ticketId}>
            <Dropdown
              ref={(el) => {
                refs.current.topic = el;
              }}
              placeholder={strings.Field_TopicPlaceholder}
              value={fields.topic ? APPEAL_TOPICS[fields.topic][lang] : ''}
              selectedOptions={fields.topic ? [fields.topic] : []}
              disabled={disabled}
              onOptionSelect={(_e, d) => d.optionValue && form.setField('topic', d.optionValue as AppealTopic)}
            >
              {AppealTopic.options.map((t) => (
                <Option key={t} value={t}>
                  {APPEAL_TOPICS[t][lang]}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <div className={styles.wide}>
            <Field label={strings.Field_Mo} required validationState={issues.moId ? 'error' : 'none'} validationMessage={issues.moId}>
              <OrganisationCombobox
                ref={(el) => {
                  refs.current.moId = el;
                }}
                organisations={organisations}
                value={fields.moId}
                fallbackName={ticketMoName}
                onChange={(id) => form.setField('moId', id)}
                disabled={disabled}
                placeholder={form.organisations.status === 'loading' ? strings.Mo_Loading : strings.Field_MoPlaceholder}
                noneText={strings.Mo_None}
                data-testid="mo-combobox"
              />
            </Field>
            {moErrorView && <ErrorBar error={moErrorView} title={strings.Error_MoTitle} strings={errorStrings} onRetry={form.reloadOrganisations} />}
          </div>
          <TextField
            {...bind('address')}
            className={styles.wide}
            label={strings.Field_Address}
            hint={strings.Field_AddressHint}
            maxLength={500}
          />
          <TextField
            {...bind('comment')}
            className={styles.wide}
            label={strings.Field_Comment}
            hint={strings.Field_CommentHint}
            required
            multiline
            maxLength={4000}
          />
          {submitErrorView && (
            <div className={styles.wide}>
              <ErrorBar error={submitErrorView} title={strings.Error_SaveTitle} strings={errorStrings} onRetry={form.retrySubmit} onDismiss={form.dismissError} />
            </div>
          )}
          <div className={mergeClasses(styles.wide, styles.actions)}>
            <SubmitButton label={strings.Action_Save} keys={strings.Action_SaveKeys} disabled={disabled} sending={form.sending} onClick={form.submit} />
          </div>
        </div>
      )}

      {dialog.mounted && pending && (
        <ConfirmDialog
          open={dialog.open}
          title={strings.Confirm_Title}
          confirmLabel={strings.Confirm_Ok}
          cancelLabel={strings.Confirm_Cancel}
          busy={form.sending}
          busyLabel={strings.Confirm_Busy}
          onConfirm={form.confirm}
          onCancel={form.cancel}
        >
          <Summary
            rows={[
              [strings.Field_Kind, APPEAL_KINDS[pending.kind][lang]],
              [strings.Field_Topic, APPEAL_TOPICS[pending.topic][lang]],
              [strings.Field_Mo, moName || pending.moId],
              [strings.Field_Address, pending.address?.text],
              [strings.Field_Comment, pending.comment],
            ]}
          />
        </ConfirmDialog>
      )}
      {certificateDialog.mounted && certificateDialog.last && (
        <ConfirmDialog
          open={certificateDialog.open}
          title={strings.Certificate_Title}
          confirmLabel={strings.Confirm_Ok}
          cancelLabel={strings.Confirm_Cancel}
          busy={form.certificate.status === 'busy'}
          busyLabel={strings.Certificate_Busy}
          onConfirm={form.confirmCertificate}
          onCancel={form.cancelCertificate}
        >
          <Text>{format(strings.Certificate_Text, certificateDialog.last.accepted.appealId)}</Text>
        </ConfirmDialog>
      )}
    </section>
  );
}
