import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import { formatPhone, type Lang } from '@eer/contract';
import { ConfirmDialog } from '../shared/components/ConfirmDialog';
import { ErrorBar, errorView } from '../shared/components/ErrorBar';
import { deliveryStrings, DoneNotice, fieldBinder, PhoneField, SubmitButton, submitOnCtrlEnter, Summary, TextField, useFirstIssueFocus, useFocusWhen } from '../shared/components/FormParts';
import { dayMonth, weekSummary, weekdayNames } from '../shared/components/weeklyHours';
import { isApiError } from '../shared/api/ApiError';
import { usePresence } from '../shared/hooks/usePresence';
import { format, type Strings } from '../shared/pcf/strings';
import type { HomeVisitFormStringKey } from './strings';
import { FIELD_ORDER, type HomeVisitFormState, type HoursNotice } from './useHomeVisitForm';

export interface HomeVisitFormViewProps {
  form: HomeVisitFormState;
  patientName: string | null;
  readOnly: boolean;
  narrow: boolean;
  lang: Lang;
  strings: Strings<HomeVisitFormStringKey>;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalM },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalM, alignItems: 'start' },
  single: { gridTemplateColumns: 'minmax(0, 1fr)' },
  wide: { gridColumn: '1 / -1' },
  resolved: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
});

/** The warning at the top when requests are not taken, or one line saying until when they are. */
function HoursBar({ notice, lang, strings }: { notice: HoursNotice; lang: Lang; strings: Strings<HomeVisitFormStringKey> }): JSX.Element {
  const summary = weekSummary(notice.hours, weekdayNames(lang, 'short'), strings.Hours_Closed);
  const hoursText = notice.source === 'mo' ? format(strings.Hours_Mo, notice.moName ?? '', summary) : format(strings.Hours_Region, summary);
  if (notice.open) {
    return (
      <Text size={200} data-testid="hours-open">
        {notice.until ? `${format(strings.Hours_OpenUntil, notice.until)} ` : ''}
        {hoursText}
      </Text>
    );
  }
  const day = notice.next ? weekdayNames(lang, 'long')[notice.next.weekday] : '';
  const nextText = notice.next
    ? format(strings.Hours_NextOpens, lang === 'ru' ? day.toLowerCase() : day, dayMonth(notice.next.date), notice.next.time)
    : strings.Hours_NeverOpens;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="hours-closed">
      <MessageBarBody>
        <MessageBarTitle>{strings.Hours_ClosedTitle}</MessageBarTitle>
        {hoursText} {nextText}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Manual §5, fig. 13–15: the home-visit form, its confirmation and the notice that the request is made. Pure: data
 * and callbacks come in `form` (useHomeVisitForm).
 */
export function HomeVisitFormView(props: HomeVisitFormViewProps): JSX.Element {
  const { form, patientName, readOnly, narrow, lang, strings } = props;
  const styles = useStyles();
  const titleId = useId('hv-title');
  const blockedId = useId('hv-blocked');
  const errorStrings = { correlationId: strings.Error_CorrelationId, retry: strings.Error_Retry, dismiss: strings.Error_Dismiss };
  const { fields, issues, resolution, result, delivery } = form;
  // A refused submit puts the caret in the first field to fix; after a send «new request» takes the focus.
  const refs = useFirstIssueFocus(form.issueVersion, issues, FIELD_ORDER);
  const newButton = useFocusWhen(result);
  const disabled = readOnly || form.sending;
  const bind = fieldBinder({ fields, issues, refs, setField: form.setField, disabled });
  const resolveError = resolution.status === 'error' ? resolution.error : null;
  const notFound = isApiError(resolveError) && resolveError.code === 'not_found';
  const resolveErrorView = notFound ? null : errorView(resolveError, lang);
  const submitErrorView = errorView(form.submitError, lang);
  const cardErrorView = form.card.status === 'error' ? errorView(form.card.error, lang) : null;
  const recordErrorView = form.record.status === 'error' ? errorView(form.record.error, lang) : null;
  const dialog = usePresence(form.confirming);
  const pending = dialog.last;

  return (
    <section className={styles.root} aria-labelledby={titleId} onKeyDown={submitOnCtrlEnter(form.submit)}>
      {form.hours && <HoursBar notice={form.hours} lang={lang} strings={strings} />}
      <div className={styles.header}>
        <Text id={titleId} as="h2" size={500} weight="semibold">
          {strings.Header_Title}
        </Text>
        {patientName && <Text>{format(strings.Header_Patient, patientName)}</Text>}
      </div>
      {form.blocked === 'patient' && (
        <MessageBar intent="info" layout="multiline" data-testid="no-patient">
          <MessageBarBody>{strings.Patient_None}</MessageBarBody>
        </MessageBar>
      )}
      {cardErrorView && <ErrorBar error={cardErrorView} title={strings.Error_CardTitle} strings={errorStrings} onRetry={form.reloadCard} />}

      {result && delivery ? (
        <>
          <DoneNotice title={delivery.state === 'failed' ? strings.Done_FailedTitle : strings.Done_Title} delivery={delivery} strings={deliveryStrings(strings)}>
            {delivery.state === 'queued'
              ? format(strings.Done_Queued, result.moName)
              : `${format(strings.Done_Text, delivery.resultId ?? result.requestId, result.moName)} ${delivery.state === 'delivered' || result.emailSent ? strings.Done_Emailed : strings.Done_NotEmailed}`}
          </DoneNotice>
          <div className={styles.actions}>
            <Button ref={newButton} onClick={form.startNew} disabled={readOnly}>
              {strings.Action_New}
            </Button>
            {form.record.status === 'busy' && <Spinner size="extra-tiny" label={strings.Record_Saving} labelPosition="after" />}
          </div>
          {recordErrorView && <ErrorBar error={{ ...recordErrorView, retryable: true }} title={strings.Error_RecordTitle} strings={errorStrings} onRetry={form.retryRecord} />}
        </>
      ) : (
        <div className={mergeClasses(styles.grid, narrow && styles.single)}>
          <div className={styles.wide}>
            <TextField
              {...bind('address')}
              label={strings.Field_Address}
              required
              hint={form.addressFromCard ? strings.Address_FromCard : strings.Field_AddressHint}
              issue={issues.address ?? (notFound ? strings.Address_NotFound : undefined)}
              maxLength={500}
              onBlur={form.commitAddress}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
                  e.preventDefault();
                  form.commitAddress();
                }
              }}
            />
            <div className={styles.resolved} aria-live="polite" data-testid="resolution">
              {(resolution.status === 'loading' || resolution.status === 'waiting') && fields.address.trim() !== '' && (
                <Spinner size="extra-tiny" label={strings.Address_Resolving} labelPosition="after" />
              )}
              {resolution.data && (
                <>
                  <span>
                    {strings.Address_Mo}: <strong>{resolution.data.moName}</strong>
                  </span>
                  <span>
                    {strings.Address_Zone}: <strong>{resolution.data.zoneName}</strong>
                  </span>
                </>
              )}
            </div>
            {resolveErrorView && (
              <ErrorBar error={resolveErrorView} title={strings.Error_ResolveTitle} strings={errorStrings} onRetry={resolution.retry} />
            )}
          </div>
          <TextField
            {...bind('intercomCode')}
            label={strings.Field_Intercom}
            maxLength={20}
          />
          <PhoneField {...bind('phone')} label={strings.Field_Phone} required hint={form.phoneFromCard ? strings.Phone_FromCard : undefined} />
          <TextField
            {...bind('temperature')}
            label={strings.Field_Temperature}
            hint={strings.Field_TemperatureHint}
            inputMode="decimal"
            maxLength={4}
          />
          <TextField
            {...bind('complaints')}
            className={styles.wide}
            label={strings.Field_Complaints}
            required
            multiline
            maxLength={2000}
          />
          {submitErrorView && (
            <div className={styles.wide}>
              <ErrorBar error={submitErrorView} title={strings.Error_SubmitTitle} strings={errorStrings} onRetry={form.retrySubmit} onDismiss={form.dismissError} />
            </div>
          )}
          <div className={mergeClasses(styles.wide, styles.actions)}>
            <SubmitButton
              label={strings.Action_Submit}
              keys={strings.Action_SubmitKeys}
              disabled={readOnly || form.sending || form.blocked === 'patient' || form.blocked === 'closed'}
              sending={form.sending}
              onClick={form.submit}
              describedBy={form.blocked === 'mo' ? blockedId : undefined}
            />
            {form.blocked === 'mo' && !readOnly && (
              <Text id={blockedId} size={200} className={styles.muted}>
                {strings.Submit_NeedsMo}
              </Text>
            )}
          </div>
        </div>
      )}

      {/* Mounted only around asking: a closed Fluent dialog still plants focus-trap stubs in the page. */}
      {dialog.mounted && (
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
          {pending && resolution.data && (
            <>
              <Text>{format(strings.Confirm_Text, resolution.data.moName, resolution.data.zoneName)}</Text>
              <Summary
                rows={[
                  [strings.Field_Address, pending.address.text],
                  [strings.Field_Intercom, pending.intercomCode],
                  [strings.Field_Phone, formatPhone(pending.phone)],
                  [strings.Field_Temperature, pending.temperature?.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { minimumFractionDigits: 1 })],
                  [strings.Field_Complaints, pending.complaints],
                ]}
              />
            </>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
