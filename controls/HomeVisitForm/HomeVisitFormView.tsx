import * as React from 'react';
import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
} from '@fluentui/react-components';
import { formatPhone, type DeliveryStatus, type Lang } from '@eer/contract';
import { ConfirmDialog } from '../shared/components/ConfirmDialog';
import { ErrorBar, errorView } from '../shared/components/ErrorBar';
import { KeyHint } from '../shared/components/KeyHint';
import { MaskedInput } from '../shared/components/MaskedInput';
import { PHONE_MASK } from '../shared/components/phoneMask';
import { dayMonth, weekSummary, weekdayNames } from '../shared/components/weeklyHours';
import { isApiError } from '../shared/api/ApiError';
import { usePresence } from '../shared/hooks/usePresence';
import { format, type Strings } from '../shared/pcf/strings';
import type { HomeVisitFormStringKey } from './strings';
import { FIELD_ORDER, type HomeVisitField, type HomeVisitFormState, type HoursNotice } from './useHomeVisitForm';

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
  summary: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0, marginTop: tokens.spacingVerticalS },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' },
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

const STATUS_COLOR: Record<DeliveryStatus, 'informative' | 'success' | 'danger'> = {
  accepted: 'informative',
  delivered: 'success',
  failed: 'danger',
};

/**
 * Manual §5, fig. 13–15: the home-visit form, its confirmation and the notice that the request is made. Pure: data
 * and callbacks come in `form` (useHomeVisitForm).
 */
export function HomeVisitFormView(props: HomeVisitFormViewProps): JSX.Element {
  const { form, patientName, readOnly, narrow, lang, strings } = props;
  const styles = useStyles();
  const titleId = useId('hv-title');
  const blockedId = useId('hv-blocked');
  const refs = React.useRef<Partial<Record<HomeVisitField, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  const newButton = React.useRef<HTMLButtonElement>(null);
  const errorStrings = { correlationId: strings.Error_CorrelationId, retry: strings.Error_Retry, dismiss: strings.Error_Dismiss };

  // A refused submit puts the caret in the first field to fix.
  React.useEffect(() => {
    if (form.issueVersion === 0) return;
    const first = FIELD_ORDER.find((f) => form.issues[f] !== undefined);
    if (first) refs.current[first]?.focus();
    // only on a new refusal, not on every edit
  }, [form.issueVersion]);
  React.useEffect(() => {
    if (form.result) newButton.current?.focus();
  }, [form.result]);

  const { fields, issues, resolution, result } = form;
  const disabled = readOnly || form.sending;
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey) {
      event.preventDefault();
      form.submit();
    }
  };
  const resolveError = resolution.status === 'error' ? resolution.error : null;
  const notFound = isApiError(resolveError) && resolveError.code === 'not_found';
  const resolveErrorView = notFound ? null : errorView(resolveError, lang);
  const submitErrorView = errorView(form.submitError, lang);
  const cardErrorView = form.card.status === 'error' ? errorView(form.card.error, lang) : null;
  const dialog = usePresence(form.confirming);
  const pending = dialog.last;

  return (
    <section className={styles.root} aria-labelledby={titleId} onKeyDown={onKeyDown}>
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

      {result ? (
        <>
          <MessageBar intent={result.status === 'failed' ? 'warning' : 'success'} layout="multiline" politeness="polite" data-testid="done">
            <MessageBarBody>
              <MessageBarTitle>{result.status === 'failed' ? strings.Done_FailedTitle : strings.Done_Title}</MessageBarTitle>
              {format(strings.Done_Text, result.requestId, result.moName)}{' '}
              {result.emailSent ? strings.Done_Emailed : strings.Done_NotEmailed}
              {result.reason && <div>{result.reason}</div>}
            </MessageBarBody>
            <MessageBarActions>
              <Badge appearance="tint" color={STATUS_COLOR[result.status]} data-testid="delivery-status">
                {`${strings.Status_Label}: ${strings[`Status_${result.status}`]}`}
              </Badge>
            </MessageBarActions>
          </MessageBar>
          <div className={styles.actions}>
            <Button ref={newButton} onClick={form.startNew} disabled={readOnly}>
              {strings.Action_New}
            </Button>
          </div>
        </>
      ) : (
        <div className={mergeClasses(styles.grid, narrow && styles.single)}>
          <div className={styles.wide}>
            <Field
              label={strings.Field_Address}
              required
              hint={form.addressFromCard ? strings.Address_FromCard : strings.Field_AddressHint}
              validationState={issues.address || notFound ? 'error' : 'none'}
              validationMessage={issues.address ?? (notFound ? strings.Address_NotFound : undefined)}
            >
              <Input
                ref={(el) => {
                  refs.current.address = el;
                }}
                value={fields.address}
                disabled={disabled}
                autoComplete="off"
                maxLength={500}
                onChange={(_e, d) => form.setField('address', d.value)}
                onBlur={form.commitAddress}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
                    e.preventDefault();
                    form.commitAddress();
                  }
                }}
              />
            </Field>
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
          <Field label={strings.Field_Intercom} validationState={issues.intercomCode ? 'error' : 'none'} validationMessage={issues.intercomCode}>
            <Input
              ref={(el) => {
                refs.current.intercomCode = el;
              }}
              value={fields.intercomCode}
              disabled={disabled}
              autoComplete="off"
              maxLength={20}
              onChange={(_e, d) => form.setField('intercomCode', d.value)}
            />
          </Field>
          <Field
            label={strings.Field_Phone}
            required
            hint={form.phoneFromCard ? strings.Phone_FromCard : undefined}
            validationState={issues.phone ? 'error' : 'none'}
            validationMessage={issues.phone}
          >
            <MaskedInput
              ref={(el) => {
                refs.current.phone = el;
              }}
              mask={PHONE_MASK}
              inputMode="tel"
              value={fields.phone}
              disabled={disabled}
              onValueChange={(v) => form.setField('phone', v)}
            />
          </Field>
          <Field
            label={strings.Field_Temperature}
            hint={strings.Field_TemperatureHint}
            validationState={issues.temperature ? 'error' : 'none'}
            validationMessage={issues.temperature}
          >
            <Input
              ref={(el) => {
                refs.current.temperature = el;
              }}
              value={fields.temperature}
              disabled={disabled}
              inputMode="decimal"
              autoComplete="off"
              maxLength={4}
              onChange={(_e, d) => form.setField('temperature', d.value)}
            />
          </Field>
          <div className={styles.wide}>
            <Field label={strings.Field_Complaints} required validationState={issues.complaints ? 'error' : 'none'} validationMessage={issues.complaints}>
              <Textarea
                ref={(el) => {
                  refs.current.complaints = el;
                }}
                value={fields.complaints}
                disabled={disabled}
                resize="vertical"
                maxLength={2000}
                onChange={(_e, d) => form.setField('complaints', d.value)}
              />
            </Field>
          </div>
          {submitErrorView && (
            <div className={styles.wide}>
              <ErrorBar
                error={submitErrorView}
                title={strings.Error_SubmitTitle}
                strings={errorStrings}
                onRetry={form.retrySubmit}
                onDismiss={form.dismissError}
              />
            </div>
          )}
          <div className={mergeClasses(styles.wide, styles.actions)}>
            <Button
              appearance="primary"
              disabled={readOnly || form.sending || form.blocked === 'patient' || form.blocked === 'closed'}
              onClick={form.submit}
              aria-describedby={form.blocked === 'mo' ? blockedId : undefined}
              icon={form.sending ? <Spinner size="tiny" /> : undefined}
              aria-keyshortcuts="Control+Enter"
              data-testid="submit"
            >
              {strings.Action_Submit}
              <KeyHint keys={strings.Action_SubmitKeys} />
            </Button>
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
              <dl className={styles.summary} data-testid="confirm-summary">
                <dt className={styles.term}>{strings.Field_Address}</dt>
                <dd className={styles.value}>{pending.address.text}</dd>
                {pending.intercomCode && (
                  <>
                    <dt className={styles.term}>{strings.Field_Intercom}</dt>
                    <dd className={styles.value}>{pending.intercomCode}</dd>
                  </>
                )}
                <dt className={styles.term}>{strings.Field_Phone}</dt>
                <dd className={styles.value}>{formatPhone(pending.phone)}</dd>
                {pending.temperature !== undefined && (
                  <>
                    <dt className={styles.term}>{strings.Field_Temperature}</dt>
                    <dd className={styles.value}>{pending.temperature.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { minimumFractionDigits: 1 })}</dd>
                  </>
                )}
                <dt className={styles.term}>{strings.Field_Complaints}</dt>
                <dd className={styles.value}>{pending.complaints}</dd>
              </dl>
            </>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
