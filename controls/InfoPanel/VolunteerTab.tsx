import * as React from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatPhone, type Lang } from '@eer/contract';
import { ConfirmDialog } from '../shared/components/ConfirmDialog';
import { ErrorBar, errorView } from '../shared/components/ErrorBar';
import { deliveryStrings, DoneNotice, fieldBinder, PhoneField, SubmitButton, submitOnCtrlEnter, Summary, TextField, useFirstIssueFocus, useFocusWhen } from '../shared/components/FormParts';
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
});

/** IVR topic 2: the short volunteer-help request (who, address, phone, what help), its confirmation and notice. */
export function VolunteerTab({ form, age, minAge, readOnly, narrow, lang, strings }: VolunteerTabProps): JSX.Element {
  const styles = useStyles();
  const refs = useFirstIssueFocus<VolunteerField>(form.issueVersion, form.issues, VOLUNTEER_FIELDS, form.addressNotFound ? 'address' : null);
  const newButton = useFocusWhen(form.sent);
  const disabled = readOnly || form.sending;
  const dialog = usePresence(form.confirming);
  const pending = dialog.last;
  const { fields, issues } = form;
  const bind = fieldBinder({ fields, issues, refs, setField: form.setField, disabled });
  const errorViewOf = errorView(form.error, lang);
  const recordError = form.record.status === 'error' ? errorView(form.record.error, lang) : null;

  return (
    <div className={mergeClasses(styles.root, narrow && styles.single)} onKeyDown={submitOnCtrlEnter(form.submit)}>
      <Text className={styles.wide}>{format(strings.Volunteer_Intro, minAge)}</Text>
      {age !== null && age < minAge && (
        <MessageBar intent="warning" layout="multiline" className={styles.wide} data-testid="volunteer-young">
          <MessageBarBody>{format(strings.Volunteer_Young, yearsText(age, lang, strings), minAge)}</MessageBarBody>
        </MessageBar>
      )}
      {form.sent ? (
        <div className={styles.wide}>
          <DoneNotice title={strings.Volunteer_DoneTitle} delivery={form.delivery} strings={deliveryStrings(strings)} testId="volunteer-done">
            {form.delivery?.state === 'queued'
              ? format(strings.Volunteer_Queued, form.sent.moName)
              : format(strings.Volunteer_Done, form.delivery?.resultId ?? form.sent.accepted.appealId, form.sent.moName)}
          </DoneNotice>
          <Button ref={newButton} onClick={form.startNew} disabled={readOnly} style={{ marginTop: tokens.spacingVerticalS }}>
            {strings.Volunteer_New}
          </Button>
          {form.record.status === 'busy' && <Spinner size="extra-tiny" label={strings.Record_Saving} labelPosition="after" />}
          {recordError && <ErrorBar error={{ ...recordError, retryable: true }} title={strings.Error_RecordTitle} strings={errorStrings(strings)} onRetry={form.retryRecord} />}
        </div>
      ) : (
        <>
          <TextField
            {...bind('name')}
            label={strings.Volunteer_Who}
            required
            maxLength={200}
          />
          <PhoneField {...bind('phone')} label={strings.Volunteer_Phone} required />
          <TextField
            {...bind('address')}
            className={styles.wide}
            label={strings.Volunteer_Address}
            hint={strings.Volunteer_AddressHint}
            required
            issue={issues.address ?? (form.addressNotFound ? strings.Volunteer_AddressNotFound : undefined)}
            maxLength={500}
          />
          <TextField
            {...bind('help')}
            className={styles.wide}
            label={strings.Volunteer_Help}
            required
            multiline
            maxLength={3000}
          />
          {errorViewOf && (
            <div className={styles.wide}>
              <ErrorBar error={errorViewOf} title={strings.Error_Volunteer} strings={errorStrings(strings)} onRetry={form.retry} onDismiss={form.dismissError} />
            </div>
          )}
          <div className={mergeClasses(styles.wide, styles.actions)}>
            <SubmitButton label={strings.Volunteer_Save} keys={strings.Volunteer_SaveKeys} disabled={disabled} sending={form.sending} onClick={form.submit} testId="volunteer-submit" />
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
          <Summary
            testId="volunteer-summary"
            rows={[
              [strings.Volunteer_Who, pending.name],
              [strings.Volunteer_Address, pending.address.text],
              [strings.Volunteer_Phone, formatPhone(pending.phone)],
              [strings.Volunteer_Help, pending.help],
            ]}
          />
        </ConfirmDialog>
      )}
    </div>
  );
}
