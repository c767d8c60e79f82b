import * as React from 'react';
import {
  Badge,
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
} from '@fluentui/react-components';
import { Vaccine, formatPhone, formatSnils, localDate, type DeliveryStatus, type Lang } from '@eer/contract';
import { clockTime, longDate, shortDate } from '../shared/components/calendarText';
import { ConfirmDialog } from '../shared/components/ConfirmDialog';
import { DayStrip } from '../shared/components/DayStrip';
import { ErrorBar, errorView } from '../shared/components/ErrorBar';
import { KeyHint } from '../shared/components/KeyHint';
import { MaskedInput } from '../shared/components/MaskedInput';
import { DATE_MASK, SNILS_MASK, dateMaskFromIso } from '../shared/components/masks';
import { OrganisationCombobox } from '../shared/components/OrganisationCombobox';
import { PHONE_MASK } from '../shared/components/phoneMask';
import { TimeCells } from '../shared/components/TimeCells';
import { usePresence } from '../shared/hooks/usePresence';
import { weekSummary, weekdayNames } from '../shared/components/weeklyHours';
import { format, type Strings } from '../shared/pcf/strings';
import type { VaccinationFormStringKey } from './strings';
import { FIELD_ORDER, type DoseChoice, type VaccinationField, type VaccinationFormState } from './useVaccinationForm';

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
const STATUS_COLOR: Record<DeliveryStatus, 'informative' | 'success' | 'danger'> = { accepted: 'informative', delivered: 'success', failed: 'danger' };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  section: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalM, alignItems: 'start', border: 'none', margin: 0, padding: 0 },
  single: { gridTemplateColumns: 'minmax(0, 1fr)' },
  wide: { gridColumn: '1 / -1' },
  legend: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, marginBottom: tokens.spacingVerticalS, padding: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  summary: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
});

/** Manual §7, fig. 20: the worker, the vaccination and the time; the confirmation and the notice. Pure. */
export function VaccinationFormView({ form, slotDays, readOnly, narrow, lang, strings }: VaccinationFormViewProps): JSX.Element {
  const styles = useStyles();
  const titleId = useId('vac-title');
  const refs = React.useRef<Partial<Record<VaccinationField, HTMLElement | null>>>({});
  const newButton = React.useRef<HTMLButtonElement>(null);
  const errorStrings = { correlationId: strings.Error_CorrelationId, retry: strings.Error_Retry, dismiss: strings.Error_Dismiss };
  const { fields, issues, booked } = form;
  React.useEffect(() => {
    if (form.issueVersion === 0) return;
    const first = FIELD_ORDER.find((f) => form.issues[f] !== undefined);
    if (first) refs.current[first]?.focus();
  }, [form.issueVersion]);
  React.useEffect(() => {
    if (booked) newButton.current?.focus();
  }, [booked]);

  const disabled = readOnly || form.sending;
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey) {
      event.preventDefault();
      form.submit();
    }
  };
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
    <Field label={label} required={required} validationState={issues[name] ? 'error' : 'none'} validationMessage={issues[name]}>
      <Input
        ref={(el) => void (refs.current[name] = el)}
        value={fields[name]}
        disabled={disabled}
        autoComplete="off"
        maxLength={max}
        onChange={(_e, d) => form.setField(name, d.value)}
      />
    </Field>
  );
  const slotWhen = (slot: { start: string }) => `${shortDate(localDate(new Date(slot.start)), lang)} ${clockTime(slot.start, lang)}`;

  return (
    <section className={styles.root} aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <Text id={titleId} as="h2" size={500} weight="semibold">
        {strings.Header_Title}
      </Text>
      {booked ? (
        <>
          <MessageBar intent={booked.accepted.status === 'failed' ? 'warning' : 'success'} layout="multiline" politeness="polite" data-testid="done">
            <MessageBarBody>
              <MessageBarTitle>{strings.Done_Title}</MessageBarTitle>
              {format(strings.Done_Text, booked.accepted.registrationId, booked.point?.name ?? '', booked.slot ? slotWhen(booked.slot) : '')}{' '}
              {booked.accepted.smsSent ? strings.Done_Sms : strings.Done_NoSms}
              {booked.accepted.reason && <div>{booked.accepted.reason}</div>}
            </MessageBarBody>
            <MessageBarActions>
              <Badge appearance="tint" color={STATUS_COLOR[booked.accepted.status]} data-testid="delivery-status">
                {`${strings.Status_Label}: ${strings[`Status_${booked.accepted.status}`]}`}
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
            <Field label={strings.Field_Phone} hint={strings.Field_PhoneHint} required validationState={issues.phone ? 'error' : 'none'} validationMessage={issues.phone}>
              <MaskedInput
                ref={(el) => void (refs.current.phone = el)}
                mask={PHONE_MASK}
                inputMode="tel"
                value={fields.phone}
                disabled={disabled}
                onValueChange={(v) => form.setField('phone', v)}
              />
            </Field>
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
            <Button
              appearance="primary"
              disabled={disabled}
              onClick={form.submit}
              icon={form.sending ? <Spinner size="tiny" /> : undefined}
              aria-keyshortcuts="Control+Enter"
              data-testid="submit"
            >
              {strings.Action_Submit}
              <KeyHint keys={strings.Action_SubmitKeys} />
            </Button>
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
          <dl className={styles.summary} data-testid="confirm-summary">
            <dt className={styles.term}>{strings.Section_Worker}</dt>
            <dd className={styles.value}>{[pending.lastName, pending.firstName, pending.middleName].filter(Boolean).join(' ')}</dd>
            <dt className={styles.term}>{strings.Field_BirthDate}</dt>
            <dd className={styles.value}>{dateMaskFromIso(pending.birthDate)}</dd>
            <dt className={styles.term}>{strings.Field_Snils}</dt>
            <dd className={styles.value}>{formatSnils(pending.snils)}</dd>
            <dt className={styles.term}>{strings.Field_Phone}</dt>
            <dd className={styles.value}>{formatPhone(pending.phone)}</dd>
            <dt className={styles.term}>{strings.Field_Vaccine}</dt>
            <dd className={styles.value}>{pending.vaccine ? strings[`Vaccine_${pending.vaccine}`] : strings.Vaccine_any}</dd>
            <dt className={styles.term}>{strings.Field_Dose}</dt>
            <dd className={styles.value}>{strings[`Dose_${String(pending.dose) as DoseChoice}`]}</dd>
            <dt className={styles.term}>{strings.Field_Slot}</dt>
            <dd className={styles.value}>{chosenSlot ? `${point?.name ?? ''}, ${slotWhen(chosenSlot)}` : ''}</dd>
          </dl>
        </ConfirmDialog>
      )}
    </section>
  );
}
