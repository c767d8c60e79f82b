import * as React from 'react';
import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { PhoneUpdate, formatPhone, normalizePhone, validate, type ApiBody, type Lang, type PhoneUpdateResult } from '@eer/contract';
import { ConfirmDialog } from '../shared/components/ConfirmDialog';
import { MaskedInput } from '../shared/components/MaskedInput';
import { PHONE_MASK } from '../shared/components/phoneMask';
import { ErrorBar, errorView } from '../shared/components/ErrorBar';
import { newCorrelationId } from '../shared/api/client';
import { format, type Strings } from '../shared/pcf/strings';
import type { PatientSearchStringKey } from './strings';

export interface SmsConsentProps {
  patientId: string;
  /** The phone in the MIS (E.164), if any. */
  phone: string | undefined;
  smsConsent: boolean;
  readOnly: boolean;
  narrow: boolean;
  lang: Lang;
  strings: Strings<PatientSearchStringKey>;
  save: (update: ApiBody<'updatePatientPhone'>) => Promise<PhoneUpdateResult>;
  onSaved: (result: PhoneUpdateResult) => void;
}

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-end', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  column: { flexDirection: 'column', alignItems: 'stretch' },
  phone: { minWidth: '220px', flexGrow: 1 },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

/**
 * Manual §3, fig. 6: the operator checks the contact phone, ticks the SMS consent and presses Сохранить, then confirms
 * the phone update in a dialog. One idempotency key per confirmed change: a retry after a timeout cannot write twice.
 */
export function SmsConsent(props: SmsConsentProps): JSX.Element {
  const { patientId, phone, smsConsent, readOnly, narrow, lang, strings, save, onSaved } = props;
  const styles = useStyles();
  const [text, setText] = React.useState(phone ? formatPhone(phone) : '');
  const [consent, setConsent] = React.useState(smsConsent);
  const [issue, setIssue] = React.useState<string | undefined>();
  const [pending, setPending] = React.useState<ApiBody<'updatePatientPhone'> | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>(null);
  const [saved, setSaved] = React.useState(false);
  // The key of the last change sent: asking again for the same change (a retry) reuses it.
  const lastKey = React.useRef<{ change: string; clientKey: string } | null>(null);

  React.useEffect(() => {
    setText(phone ? formatPhone(phone) : '');
    setConsent(smsConsent);
  }, [patientId, phone, smsConsent]);

  const unchanged = normalizePhone(text) === (phone ?? null) && consent === smsConsent;

  const onSave = () => {
    setSaved(false);
    setError(null);
    const change = `${patientId}|${normalizePhone(text) ?? text}|${consent}`;
    if (lastKey.current?.change !== change) lastKey.current = { change, clientKey: newCorrelationId() };
    const update = { patientId, phone: text, smsConsent: consent, clientKey: lastKey.current.clientKey };
    const checked = validate(PhoneUpdate, update, lang);
    if (!checked.success) {
      setIssue(checked.issues.find((i) => i.field === 'phone')?.message ?? checked.issues[0]?.message);
      return;
    }
    setIssue(undefined);
    setPending(checked.data);
  };

  const onConfirm = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const result = await save(pending);
      setPending(null);
      setSaved(true);
      lastKey.current = null;
      onSaved(result);
    } catch (e) {
      setPending(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const shownError = errorView(error, lang);
  return (
    <section className={styles.section} aria-label={strings.Sms_Title}>
      <Text weight="semibold">{strings.Sms_Title}</Text>
      <div className={mergeClasses(styles.row, narrow && styles.column)}>
        <Field label={strings.Card_Phone} validationState={issue ? 'error' : 'none'} validationMessage={issue} className={styles.phone}>
          <MaskedInput
            mask={PHONE_MASK}
            type="tel"
            inputMode="tel"
            value={text}
            disabled={readOnly}
            onValueChange={(value) => {
              setText(value);
              setIssue(undefined);
              setSaved(false);
            }}
          />
        </Field>
        <Checkbox
          label={strings.Sms_Consent}
          checked={consent}
          disabled={readOnly}
          onChange={(_e, data) => {
            setConsent(data.checked === true);
            setSaved(false);
          }}
        />
        <Button appearance="primary" disabled={readOnly || unchanged || busy} onClick={onSave} title={unchanged ? strings.Sms_Unchanged : undefined}>
          {strings.Sms_Save}
        </Button>
      </div>
      {saved && (
        <MessageBar intent="success" politeness="polite" layout="multiline">
          <MessageBarBody>{strings.Sms_Saved}</MessageBarBody>
        </MessageBar>
      )}
      {shownError && (
        <ErrorBar
          error={shownError}
          title={strings.Error_Save}
          strings={{ correlationId: strings.Error_CorrelationId, retry: strings.Error_Retry, dismiss: strings.Error_Dismiss }}
          onRetry={onSave}
          onDismiss={() => setError(null)}
        />
      )}
      <ConfirmDialog
        open={pending !== null}
        title={strings.Sms_ConfirmTitle}
        confirmLabel={strings.Sms_Confirm}
        cancelLabel={strings.Sms_Cancel}
        busy={busy}
        busyLabel={strings.Sms_Saving}
        onConfirm={() => void onConfirm()}
        onCancel={() => setPending(null)}
      >
        {pending &&
          format(strings.Sms_ConfirmText, formatPhone(pending.phone), pending.smsConsent ? strings.Sms_ConsentOn : strings.Sms_ConsentOff)}
      </ConfirmDialog>
    </section>
  );
}
