import * as React from 'react';
import { Button, Dropdown, Field, Option, Radio, RadioGroup, Spinner, Text, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import { Vaccine, formatPhone, formatSnils, localDate, type Lang } from '@eer/contract';
import { clockTime, longDate, shortDate } from '../shared/components/calendarText';
import { ConfirmDialog } from '../shared/components/ConfirmDialog';
import { DayStrip } from '../shared/components/DayStrip';
import { ErrorBar, errorView } from '../shared/components/ErrorBar';
import { DeliveryBadge, deliveryStrings, DoneNotice, fieldBinder, PhoneField, SubmitButton, submitOnCtrlEnter, Summary, TextField, useFirstIssueFocus, useFocusWhen } from '../shared/components/FormParts';
import { MaskedInput } from '../shared/components/MaskedInput';
import { DATE_MASK, SNILS_MASK, dateMaskFromIso } from '../shared/components/masks';
import { OrganisationCombobox } from '../shared/components/OrganisationCombobox';
import { TimeCells } from '../shared/components/TimeCells';
import { usePresence } from '../shared/hooks/usePresence';
import { weekSummary, weekdayNames } from '../shared/components/weeklyHours';
import { format, type Strings } from '../shared/pcf/strings';
import type { VaccinationFormStringKey } from './strings';
import { FIELD_ORDER, type DoseChoice, type VaccinationFormState } from './useVaccinationForm';

export interface VaccinationFormViewProps {
  form: VaccinationFormState;
  /** Days of free time shown (the analyst's setting). */
  slotDays: number;
  readOnly: boolean;
  narrow: boolean;
  lang: Lang;
  strings: Strings<VaccinationFormStringKey>;
}

const DOSES: readonly DoseChoice[] = ['1', '2', 'booster'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  section: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalM, alignItems: 'start', border: 'none', margin: 0, padding: 0 },
  single: { gridTemplateColumns: 'minmax(0, 1fr)' },
  wide: { gridColumn: '1 / -1' },
  legend: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, marginBottom: tokens.spacingVerticalS, padding: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
});

/** Manual §7, fig. 20: the worker, the vaccination and the time; the confirmation and the notice. Pure. */
export function VaccinationFormView({ form, slotDays, readOnly, narrow, lang, strings }: VaccinationFormViewProps): JSX.Element {
  const styles = useStyles();
  const titleId = useId('vac-title');
  const errorStrings = { correlationId: strings.Error_CorrelationId, retry: strings.Error_Retry, dismiss: strings.Error_Dismiss };
  const { fields, issues, booked, sms } = form;
  const refs = useFirstIssueFocus(form.issueVersion, issues, FIELD_ORDER);
  const newButton = useFocusWhen(booked);

  const disabled = readOnly || form.sending;
  const bind = fieldBinder({ fields, issues, refs, setField: form.setField, disabled });
  const points = form.points.status === 'success' ? form.points.data : [];
  const point = points.find((p) => p.id === fields.pointId) ?? null;
  const organisations = form.organisations.status === 'success' ? form.organisations.data : [];
  const day = form.days.find((d) => d.date === form.date) ?? null;
  const allSlots = form.days.flatMap((d) => d.slots);
  const chosenSlot = allSlots.find((s) => s.id === fields.slotId) ?? null;
  const error = (state: { status: string; error?: unknown }) => (state.status === 'error' ? errorView(state.error, lang) : null);
  const pointsError = error(form.points);
  const orgsError = error(form.organisations);
  const slotsError = form.slots ? error(form.slots) : null;
  const submitError = errorView(form.submitError, lang);
  const dialog = usePresence(form.confirming);
  const pending = dialog.last;
  const text = (name: 'lastName' | 'firstName' | 'middleName' | 'position', label: string, required: boolean, max: number) => (
    <TextField {...bind(name)} label={label} required={required} maxLength={max} />
  );
  const recordError = error(form.record);
  const slotWhen = (slot: { start: string }) => `${shortDate(localDate(new Date(slot.start)), lang)} ${clockTime(slot.start, lang)}`;

  return (
    <section className={styles.root} aria-labelledby={titleId} onKeyDown={submitOnCtrlEnter(form.submit)}>
      <Text id={titleId} as="h2" size={500} weight="semibold">
        {strings.Header_Title}
      </Text>
      {booked ? (
        <>
          <DoneNotice title={strings.Done_Title} delivery={{ state: booked.accepted.status, reason: booked.accepted.reason }} strings={deliveryStrings(strings)}>
            {format(strings.Done_Text, booked.accepted.registrationId, booked.point?.name ?? '', booked.slot ? slotWhen(booked.slot) : '')}{' '}
            {booked.accepted.smsSent || sms?.state === 'delivered' ? strings.Done_Sms : strings.Done_NoSms}
          </DoneNotice>
          {sms && (
            <DeliveryBadge
              delivery={sms}
              testId="sms-status"
              strings={{ label: strings.Sms_Label, states: { queued: strings.Sms_queued, accepted: strings.Sms_accepted, delivered: strings.Sms_delivered, failed: strings.Sms_failed }, reason: strings.Status_Reason }}
            />
          )}
          <div className={styles.actions}>
            <Button ref={newButton} onClick={form.startNew} disabled={readOnly}>
              {strings.Action_New}
            </Button>
            {form.record.status === 'busy' && <Spinner size="extra-tiny" label={strings.Record_Saving} labelPosition="after" />}
          </div>
          {recordError && <ErrorBar error={{ ...recordError, retryable: true }} title={strings.Error_RecordTitle} strings={errorStrings} onRetry={form.retryRecord} />}
        </>
      ) : (
        <>
          <fieldset className={mergeClasses(styles.section, narrow && styles.single)}>
            <legend className={styles.legend}>{strings.Section_Worker}</legend>
            {text('lastName', strings.Field_LastName, true, 60)}
            {text('firstName', strings.Field_FirstName, true, 60)}
            {text('middleName', strings.Field_MiddleName, false, 60)}
            <Field label={strings.Field_BirthDate} required validationState={issues.birthDate ? 'error' : 'none'} validationMessage={issues.birthDate}>
              <MaskedInput
                ref={(el) => void (refs.current.birthDate = el)}
                mask={DATE_MASK}
                value={fields.birthDate}
                disabled={disabled}
                onValueChange={(v) => form.setField('birthDate', v)}
                onBlur={() => form.checkField('birthDate')}
              />
            </Field>
            <Field label={strings.Field_Snils} required validationState={issues.snils ? 'error' : 'none'} validationMessage={issues.snils}>
              <MaskedInput
                ref={(el) => void (refs.current.snils = el)}
                mask={SNILS_MASK}
                value={fields.snils}
                disabled={disabled}
                onValueChange={(v) => form.setField('snils', v)}
                onBlur={() => form.checkField('snils')}
              />
            </Field>
            <PhoneField {...bind('phone')} label={strings.Field_Phone} hint={strings.Field_PhoneHint} required />
            <Field className={narrow ? undefined : styles.wide} label={strings.Field_Employer} required validationState={issues.employerMoId ? 'error' : 'none'} validationMessage={issues.employerMoId}>
              <OrganisationCombobox
                ref={(el) => void (refs.current.employerMoId = el)}
                organisations={organisations}
                value={fields.employerMoId}
                onChange={(id) => form.setField('employerMoId', id)}
                disabled={disabled}
                placeholder={strings.Field_EmployerPlaceholder}
                noneText={strings.Employer_None}
              />
            </Field>
            {orgsError && (
              <div className={styles.wide}>
                <ErrorBar error={orgsError} title={strings.Error_EmployersTitle} strings={errorStrings} onRetry={form.reloadOrganisations} />
              </div>
            )}
            {text('position', strings.Field_Position, true, 200)}
          </fieldset>

          <fieldset className={mergeClasses(styles.section, narrow && styles.single)}>
            <legend className={styles.legend}>{strings.Section_Vaccination}</legend>
            <Field label={strings.Field_Vaccine} validationState={issues.vaccine ? 'error' : 'none'} validationMessage={issues.vaccine}>
              <Dropdown
                ref={(el) => void (refs.current.vaccine = el)}
                value={fields.vaccine ? strings[`Vaccine_${fields.vaccine}`] : strings.Vaccine_any}
                selectedOptions={[fields.vaccine ?? '']}
                disabled={disabled}
                onOptionSelect={(_e, d) => form.setField('vaccine', d.optionValue ? (d.optionValue as Vaccine) : null)}
              >
                <Option value="">{strings.Vaccine_any}</Option>
                {Vaccine.options.map((v) => (
                  <Option key={v} value={v}>
                    {strings[`Vaccine_${v}`]}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label={strings.Field_Dose} required validationState={issues.dose ? 'error' : 'none'} validationMessage={issues.dose}>
              <RadioGroup
                layout="horizontal"
                value={fields.dose ?? ''}
                disabled={disabled}
                onChange={(_e, d) => form.setField('dose', d.value as DoseChoice)}
                ref={(el) => void (refs.current.dose = el?.querySelector('input') ?? null)}
              >
                {DOSES.map((dose) => (
                  <Radio key={dose} value={dose} label={strings[`Dose_${dose}`]} />
                ))}
              </RadioGroup>
            </Field>
            <Field label={strings.Field_Point} required validationState={issues.pointId ? 'error' : 'none'} validationMessage={issues.pointId}>
              <Dropdown
                ref={(el) => void (refs.current.pointId = el)}
                placeholder={strings.Field_PointPlaceholder}
                value={point?.name ?? ''}
                selectedOptions={fields.pointId ? [fields.pointId] : []}
                disabled={disabled}
                onOptionSelect={(_e, d) => d.optionValue && form.setField('pointId', d.optionValue)}
              >
                {points.map((p) => (
                  <Option key={p.id} value={p.id} text={p.name}>
                    <span>
                      {p.name}
                      <Text size={100} block className={styles.muted}>
                        {p.address}
                      </Text>
                    </span>
                  </Option>
                ))}
              </Dropdown>
            </Field>
            {pointsError && (
              <div className={styles.wide}>
                <ErrorBar error={pointsError} title={strings.Error_PointsTitle} strings={errorStrings} onRetry={form.reloadPoints} />
              </div>
            )}
            {point && (
              <Text size={200} className={mergeClasses(styles.wide, styles.muted)} data-testid="point-details">
                {point.address}
                {point.hours ? ` · ${format(strings.Point_Hours, weekSummary(point.hours, weekdayNames(lang, 'short'), strings.Point_Closed))}` : ''}
              </Text>
            )}
            <div className={styles.wide} role="group" aria-label={strings.Field_Slot}>
              <Text weight="semibold">{strings.Field_Slot}</Text>
              <div ref={(el) => void (refs.current.slotId = (el?.querySelector('[role="listbox"]') as HTMLElement | null) ?? null)}>
                {!fields.pointId && <Text className={styles.muted}> — {strings.Slots_ChoosePoint}</Text>}
                {form.slots?.status === 'loading' && <Spinner size="extra-tiny" label={strings.Slots_Loading} labelPosition="after" />}
                {slotsError && <ErrorBar error={slotsError} title={strings.Error_SlotsTitle} strings={errorStrings} onRetry={form.reloadSlots} />}
                {form.slots?.status === 'success' && form.days.length === 0 && <Text className={styles.muted}>{format(strings.Slots_None, slotDays)}</Text>}
                {form.days.length > 0 && (
                  <>
                    <DayStrip
                      days={form.days.map((d) => ({ date: d.date, count: d.free }))}
                      selectedDate={form.date}
                      onSelect={form.setDate}
                      lang={lang}
                      label={strings.Slots_Days}
                      countLabel={strings.Slots_Free}
                    />
                    {day && (
                      <TimeCells
                        cells={day.slots.map((s) => ({ id: s.id, start: s.start, detail: format(strings.Slots_Places, s.free) }))}
                        columns={narrow ? 3 : 6}
                        selectedId={fields.slotId}
                        disabled={disabled}
                        lang={lang}
                        label={format(strings.Slots_Times, longDate(day.date, lang))}
                        onChoose={(cell) => form.setField('slotId', cell.id)}
                      />
                    )}
                  </>
                )}
              </div>
              {issues.slotId && (
                <Text size={200} style={{ color: tokens.colorPaletteRedForeground1 }} role="alert">
                  {issues.slotId}
                </Text>
              )}
              {chosenSlot && (
                <Text size={200} data-testid="slot-chosen">
                  {format(strings.Slots_Chosen, point?.name ?? '', slotWhen(chosenSlot))}
                </Text>
              )}
            </div>
          </fieldset>
          {submitError && <ErrorBar error={submitError} title={strings.Error_SubmitTitle} strings={errorStrings} onRetry={form.retrySubmit} onDismiss={form.dismissError} />}
          <div className={styles.actions}>
            <SubmitButton label={strings.Action_Submit} keys={strings.Action_SubmitKeys} disabled={disabled} sending={form.sending} onClick={form.submit} />
          </div>
        </>
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
              [strings.Section_Worker, [pending.lastName, pending.firstName, pending.middleName].filter(Boolean).join(' ')],
              [strings.Field_BirthDate, dateMaskFromIso(pending.birthDate)],
              [strings.Field_Snils, formatSnils(pending.snils)],
              [strings.Field_Phone, formatPhone(pending.phone)],
              [strings.Field_Vaccine, pending.vaccine ? strings[`Vaccine_${pending.vaccine}`] : strings.Vaccine_any],
              [strings.Field_Dose, strings[`Dose_${String(pending.dose) as DoseChoice}`]],
              [strings.Field_Slot, chosenSlot ? `${point?.name ?? ''}, ${slotWhen(chosenSlot)}` : ''],
            ]}
          />
        </ConfirmDialog>
      )}
    </section>
  );
}
