import * as React from 'react';
import * as z from 'zod/mini';
import {
  BirthDate,
  Snils,
  TABLES,
  VaccinationRegistration,
  localDate,
  validate,
  type Lang,
  type MedicalOrganisation,
  type VaccinationAccepted,
  type VaccinationPoint,
  type VaccinationSlot,
  type Vaccine,
} from '@eer/contract';
import { isApiError } from '../shared/api/ApiError';
import { SNILS_MASK, DATE_MASK, isoFromDateMask } from '../shared/components/masks';
import { issueText, issuesOf } from '../shared/hooks/fieldIssues';
import { submitState, useConfirmedSend, type SubmitState } from '../shared/hooks/useConfirmedSend';
import { useLoad, type LoadState } from '../shared/hooks/useLoad';
import { smsDelivery, useOutboxStatus, type Delivery } from '../shared/hooks/useOutboxStatus';
import { vaccinationColumns, type CallRecords } from '../shared/records/callRecords';
import { useCallRecord, type CallRecordState } from '../shared/records/useCallRecord';
import type { VaccinationApi } from './vaccinationApi';

export type DoseChoice = '1' | '2' | 'booster';

export interface VaccinationFields {
  lastName: string;
  firstName: string;
  middleName: string;
  /** `ДД.ММ.ГГГГ` as typed. */
  birthDate: string;
  /** `XXX-XXX-XXX YY` as typed. */
  snils: string;
  phone: string;
  employerMoId: string | null;
  position: string;
  vaccine: Vaccine | null;
  dose: DoseChoice | null;
  pointId: string | null;
  slotId: string | null;
}
export type VaccinationField = keyof VaccinationFields;
export const FIELD_ORDER: readonly VaccinationField[] = [
  'lastName',
  'firstName',
  'middleName',
  'birthDate',
  'snils',
  'phone',
  'employerMoId',
  'position',
  'vaccine',
  'dose',
  'pointId',
  'slotId',
];
const EMPTY: VaccinationFields = {
  lastName: '',
  firstName: '',
  middleName: '',
  birthDate: '',
  snils: '',
  phone: '',
  employerMoId: null,
  position: '',
  vaccine: null,
  dose: null,
  pointId: null,
  slotId: null,
};

export interface SlotDay {
  date: string;
  /** Free places that day. */
  free: number;
  slots: VaccinationSlot[];
}

export interface UseVaccinationOptions {
  api: VaccinationApi;
  /** The CRM rows (eer_vaccination) of the registrations made. */
  records: CallRecords;
  callId: string | null;
  /** The call record (eer_call) the form is on: the vaccination row is linked to it. */
  callRecordId: string | null;
  /** How many days of free time are shown (1–31). */
  slotDays: number;
  readOnly: boolean;
  lang: Lang;
  onCreated: (registrationId: string) => void;
  /** Pauses between reads of a queued SMS's outbox entry (tests shorten them). */
  pollDelays?: readonly number[];
}

export interface Booked {
  accepted: VaccinationAccepted;
  clientKey: string;
  point: VaccinationPoint | null;
  slot: VaccinationSlot | null;
}

export interface VaccinationFormState extends SubmitState<VaccinationRegistration> {
  fields: VaccinationFields;
  setField: <K extends VaccinationField>(name: K, value: VaccinationFields[K]) => void;
  /** Checks a field now (the operator left it): a SNILS checksum or a birth date shows at once. */
  checkField: (name: 'snils' | 'birthDate') => void;
  organisations: LoadState<MedicalOrganisation[]>;
  reloadOrganisations: () => void;
  points: LoadState<VaccinationPoint[]>;
  reloadPoints: () => void;
  slots: LoadState<VaccinationSlot[]> | null;
  reloadSlots: () => void;
  days: SlotDay[];
  date: string | null;
  setDate: (date: string) => void;
  issues: Partial<Record<VaccinationField, string>>;
  issueVersion: number;
  booked: Booked | null;
  /** The confirmation SMS, once the outbox reports it (it did not go out while the operator waited). */
  sms: Delivery | null;
  /** The CRM row of the registration. */
  record: CallRecordState;
  retryRecord: () => void;
  startNew: () => void;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Free slots by the region's calendar day, in time order. */
export function slotDays(slots: readonly VaccinationSlot[]): SlotDay[] {
  const byDate = new Map<string, SlotDay>();
  for (const slot of [...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))) {
    if (slot.free <= 0) continue;
    const date = localDate(new Date(slot.start));
    const day = byDate.get(date) ?? { date, free: 0, slots: [] };
    day.free += slot.free;
    day.slots.push(slot);
    byDate.set(date, day);
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Manual §7: a medical worker is booked for vaccination with every field the MIS needs (contract
 * VaccinationRegistration). The point's free time shows as days and time cells; Запись на вакцинацию checks the
 * fields with the contract, asks for ОК and books once per confirmed content; a slot taken meanwhile reloads the time.
 */
export function useVaccinationForm(options: UseVaccinationOptions): VaccinationFormState {
  const { api, records, callId, callRecordId, slotDays: dayCount, readOnly, lang, onCreated, pollDelays } = options;
  const [fields, setFields] = React.useState<VaccinationFields>(EMPTY);
  const [issues, setIssues] = React.useState<Partial<Record<VaccinationField, string>>>({});
  const [issueVersion, setIssueVersion] = React.useState(0);
  const [date, setDate] = React.useState<string | null>(null);
  const [booked, setBooked] = React.useState<Booked | null>(null);
  const record = useCallRecord(records, TABLES.vaccination, callRecordId);
  const smsPoll = useOutboxStatus(api.outbox, booked && !booked.accepted.smsSent ? booked.clientKey : null, pollDelays);

  const organisations = useLoad('all', (_k, signal) => api.organisations(signal));
  const points = useLoad('all', (_k, signal) => api.points(signal));
  const from = localDate(new Date());
  const to = addDays(from, Math.max(1, Math.min(31, dayCount)) - 1);
  const slots = useLoad(fields.pointId ? `${fields.pointId}|${from}|${to}` : null, (_k, signal) => api.slots(fields.pointId!, from, to, signal));
  const days = React.useMemo(() => (slots.state.status === 'success' ? slotDays(slots.state.data) : []), [slots.state]);
  // The first day with free time is shown without a click.
  React.useEffect(() => {
    if (days.length > 0 && !days.some((d) => d.date === date)) setDate(days[0]!.date);
  }, [days, date]);

  const setField = React.useCallback(<K extends VaccinationField>(name: K, value: VaccinationFields[K]) => {
    setFields((f) => {
      const next = { ...f, [name]: value };
      // another point: its own time
      if (name === 'pointId' && value !== f.pointId) next.slotId = null;
      return next;
    });
    setIssues((i) => (i[name] === undefined && (name !== 'pointId' || i.slotId === undefined) ? i : { ...i, [name]: undefined }));
  }, []);

  const checkField = React.useCallback(
    (name: 'snils' | 'birthDate') => {
      const text = fields[name];
      const complete = name === 'snils' ? SNILS_MASK.complete(text) : DATE_MASK.complete(text);
      if (!complete) return;
      // checked as a field of an object, so the text reads like the submit's (label, then the rule)
      const checked =
        name === 'snils' ? validate(z.object({ snils: Snils }), { snils: text }, lang) : validate(z.object({ birthDate: BirthDate }), { birthDate: isoFromDateMask(text) ?? text }, lang);
      setIssues((i) => ({ ...i, [name]: checked.success ? undefined : issueText(checked.issues[0]?.message ?? '') }));
    },
    [fields, lang],
  );

  const pointsList = points.state.status === 'success' ? points.state.data : [];
  const slotList = slots.state.status === 'success' ? slots.state.data : [];
  const reloadSlots = slots.reload;
  const flow = useConfirmedSend(
    (registration: VaccinationRegistration, keyOf) => {
      const { clientKey: _ignored, ...content } = registration;
      const body = { ...content, clientKey: keyOf(content) };
      return api.register(body).then((accepted) => ({ accepted, body }));
    },
    {
      onSent: ({ accepted, body }) => {
        const point = pointsList.find((p) => p.id === body.pointId) ?? null;
        const slot = slotList.find((s) => s.id === body.slotId) ?? null;
        setBooked({ accepted, clientKey: body.clientKey, point, slot });
        onCreated(accepted.registrationId);
        record.save(vaccinationColumns(body, { misRegistrationId: accepted.registrationId, pointName: point?.name ?? null, slotStart: slot?.start ?? null }));
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        if (error.code === 'slot_taken') {
          // Taken meanwhile: a fresh list, and the operator picks another time.
          setFields((f) => ({ ...f, slotId: null }));
          reloadSlots();
        }
        if (error.issues) setIssues(issuesOf(error.issues, FIELD_ORDER));
      },
    },
  );
  const { sending } = flow;

  const submit = React.useCallback(() => {
    if (readOnly || sending || booked) return;
    const candidate = {
      lastName: fields.lastName,
      firstName: fields.firstName,
      middleName: fields.middleName.trim() || undefined,
      birthDate: fields.birthDate ? (isoFromDateMask(fields.birthDate) ?? fields.birthDate) : undefined,
      snils: fields.snils || undefined,
      phone: fields.phone || undefined,
      employerMoId: fields.employerMoId ?? undefined,
      position: fields.position,
      vaccine: fields.vaccine ?? undefined,
      dose: fields.dose === null ? undefined : fields.dose === 'booster' ? 'booster' : Number(fields.dose),
      pointId: fields.pointId ?? undefined,
      slotId: fields.slotId ?? undefined,
      callId: callId ?? undefined,
      clientKey: 'placeholder-key',
    };
    const checked = validate(VaccinationRegistration, candidate, lang);
    if (!checked.success) {
      setIssues(issuesOf(checked.issues, FIELD_ORDER));
      setIssueVersion((n) => n + 1);
      return;
    }
    setIssues({});
    flow.ask(checked.data);
  }, [readOnly, sending, booked, fields, callId, lang, flow.ask]);

  return {
    fields,
    setField,
    checkField,
    organisations: organisations.state,
    reloadOrganisations: organisations.reload,
    points: points.state,
    reloadPoints: points.reload,
    slots: fields.pointId ? slots.state : null,
    reloadSlots,
    days,
    date,
    setDate,
    issues,
    issueVersion,
    ...submitState(flow, submit),
    booked,
    sms: smsDelivery(smsPoll.status),
    record: record.state,
    retryRecord: record.retry,
    startNew: () => {
      flow.reset();
      record.reset();
      setBooked(null);
      setIssues({});
      // the next worker is often from the same organisation and point
      setFields((f) => ({ ...EMPTY, employerMoId: f.employerMoId, pointId: f.pointId, vaccine: f.vaccine }));
      reloadSlots();
    },
  };
}
