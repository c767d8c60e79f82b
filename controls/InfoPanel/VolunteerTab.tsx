import * as React from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { formatPhone, type Lang } from '@eer/contract';
import { ConfirmDialog } from '../shared/components/ConfirmDialog';
import { ErrorBar, errorView } from '../shared/components/ErrorBar';
import { KeyHint } from '../shared/components/KeyHint';
import { MaskedInput } from '../shared/components/MaskedInput';
import { PHONE_MASK } from '../shared/components/phoneMask';
import { usePresence } from '../shared/hooks/usePresence';
import { format, type Strings } from '../shared/pcf/strings';
import { errorStrings } from './ArticleList';
import { yearsText } from './CheckupsTab';
import type { InfoPanelStringKey } from './strings';
import { VOLUNTEER_FIELDS, type VolunteerField, type VolunteerFormState } from './useVolunteerForm';

export interface VolunteerTabProps {
  form: VolunteerFormState;
  /** The identified patient's age, when known: younger than `minAge` gets a warning. */
  age: number | null;
  minAge: number;
  readOnly: boolean;
  narrow: boolean;
  lang: Lang;
  strings: Strings<InfoPanelStringKey>;
}

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalM, alignItems: 'start' },
  single: { gridTemplateColumns: 'minmax(0, 1fr)' },
  wide: { gridColumn: '1 / -1' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  summary: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0, marginTop: tokens.spacingVerticalS },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' },
});

/** IVR topic 2: the short volunteer-help request (who, address, phone, what help), its confirmation and notice. */
export function VolunteerTab({ form, age, minAge, readOnly, narrow, lang, strings }: VolunteerTabProps): JSX.Element {
  const styles = useStyles();
  const refs = React.useRef<Partial<Record<VolunteerField, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  const newButton = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => {
    if (form.issueVersion === 0) return;
    const first = form.addressNotFound ? 'address' : VOLUNTEER_FIELDS.find((f) => form.issues[f] !== undefined);
    if (first) refs.current[first]?.focus();
  }, [form.issueVersion]);
  React.useEffect(() => {
    if (form.sent) newButton.current?.focus();
  }, [form.sent]);
  const disabled = readOnly || form.sending;
  const dialog = usePresence(form.confirming);
  const pending = dialog.last;
  const { fields, issues } = form;
  const errorViewOf = errorView(form.error, lang);
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey) {
      event.preventDefault();
      form.submit();
    }
  };

  return (
    <div className={mergeClasses(styles.root, narrow && styles.single)} onKeyDown={onKeyDown}>
      <Text className={styles.wide}>{format(strings.Volunteer_Intro, minAge)}</Text>
      {age !== null && age < minAge && (
        <MessageBar intent="warning" layout="multiline" className={styles.wide} data-testid="volunteer-young">
          <MessageBarBody>{format(strings.Volunteer_Young, yearsText(age, lang, strings), minAge)}</MessageBarBody>
        </MessageBar>
      )}
      {form.sent ? (
        <div className={styles.wide}>
          <MessageBar intent="success" layout="multiline" politeness="polite" data-testid="volunteer-done">
            <MessageBarBody>
              <MessageBarTitle>{strings.Volunteer_DoneTitle}</MessageBarTitle>
              {format(strings.Volunteer_Done, form.sent.appealId, form.sent.moName)}
            </MessageBarBody>
          </MessageBar>
          <Button ref={newButton} onClick={form.startNew} disabled={readOnly} style={{ marginTop: tokens.spacingVerticalS }}>
            {strings.Volunteer_New}
          </Button>
        </div>
      ) : (
        <>
          <Field label={strings.Volunteer_Who} required validationState={issues.name ? 'error' : 'none'} validationMessage={issues.name}>
            <Input ref={(el) => void (refs.current.name = el)} value={fields.name} disabled={disabled} autoComplete="off" maxLength={200} onChange={(_e, d) => form.setField('name', d.value)} />
          </Field>
          <Field label={strings.Volunteer_Phone} required validationState={issues.phone ? 'error' : 'none'} validationMessage={issues.phone}>
            <MaskedInput
              ref={(el) => void (refs.current.phone = el)}
              mask={PHONE_MASK}
              inputMode="tel"
              value={fields.phone}
              disabled={disabled}
              onValueChange={(v) => form.setField('phone', v)}
            />
          </Field>
          <Field
            className={styles.wide}
            label={strings.Volunteer_Address}
            hint={strings.Volunteer_AddressHint}
            required
            validationState={issues.address || form.addressNotFound ? 'error' : 'none'}
            validationMessage={issues.address ?? (form.addressNotFound ? strings.Volunteer_AddressNotFound : undefined)}
          >
            <Input ref={(el) => void (refs.current.address = el)} value={fields.address} disabled={disabled} autoComplete="off" maxLength={500} onChange={(_e, d) => form.setField('address', d.value)} />
          </Field>
          <Field className={styles.wide} label={strings.Volunteer_Help} required validationState={issues.help ? 'error' : 'none'} validationMessage={issues.help}>
            <Textarea ref={(el) => void (refs.current.help = el)} value={fields.help} disabled={disabled} resize="vertical" maxLength={3000} onChange={(_e, d) => form.setField('help', d.value)} />
          </Field>
          {errorViewOf && (
            <div className={styles.wide}>
              <ErrorBar error={errorViewOf} title={strings.Error_Volunteer} strings={errorStrings(strings)} onRetry={form.retry} onDismiss={form.dismissError} />
            </div>
          )}
          <div className={mergeClasses(styles.wide, styles.actions)}>
            <Button
              appearance="primary"
              disabled={disabled}
              onClick={form.submit}
              icon={form.sending ? <Spinner size="tiny" /> : undefined}
              aria-keyshortcuts="Control+Enter"
              data-testid="volunteer-submit"
            >
              {strings.Volunteer_Save}
              <KeyHint keys={strings.Volunteer_SaveKeys} />
            </Button>
          </div>
        </>
      )}
      {dialog.mounted && pending && (
        <ConfirmDialog
          open={dialog.open}
          title={strings.Volunteer_ConfirmTitle}
          confirmLabel={strings.Confirm_Ok}
          cancelLabel={strings.Confirm_Cancel}
          busy={form.sending}
          busyLabel={strings.Volunteer_Busy}
          onConfirm={form.confirm}
          onCancel={form.cancel}
        >
          <Text>{strings.Volunteer_ConfirmText}</Text>
          <dl className={styles.summary}>
            <dt className={styles.term}>{strings.Volunteer_Who}</dt>
            <dd className={styles.value}>{pending.name}</dd>
            <dt className={styles.term}>{strings.Volunteer_Address}</dt>
            <dd className={styles.value}>{pending.address.text}</dd>
            <dt className={styles.term}>{strings.Volunteer_Phone}</dt>
            <dd className={styles.value}>{formatPhone(pending.phone)}</dd>
            <dt className={styles.term}>{strings.Volunteer_Help}</dt>
            <dd className={styles.value}>{pending.help}</dd>
          </dl>
        </ConfirmDialog>
      )}
    </div>
  );
}
