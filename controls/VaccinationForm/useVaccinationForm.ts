import * as React from 'react';
import * as z from 'zod/mini';
import {
  BirthDate,
  Snils,
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
import { newCorrelationId } from '../shared/api/client';
import { SNILS_MASK, DATE_MASK, isoFromDateMask } from '../shared/components/masks';
import { useLoad, type LoadState } from '../shared/hooks/useLoad';
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
  callId: string | null;
  /** How many days of free time are shown (1–31). */
  slotDays: number;
  readOnly: boolean;
  lang: Lang;
  onCreated: (registrationId: string) => void;
}

export interface Booked {
  accepted: VaccinationAccepted;
  point: VaccinationPoint | null;
  slot: VaccinationSlot | null;
}

export interface VaccinationFormState {
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
  submit: () => void;
  confirming: VaccinationRegistration | null;
  confirm: () => void;
  cancel: () => void;
  sending: boolean;
  submitError: unknown;
  retrySubmit: () => void;
  dismissError: () => void;
  booked: Booked | null;
  startNew: () => void;
}

function issueText(text: string): string {
  const at = text.indexOf(': ');
  return at >= 0 ? text.slice(at + 2) : text;
}

function issuesOf(list: ReadonlyArray<{ field: string; message: string }>): Partial<Record<VaccinationField, string>> {
  const found: Partial<Record<VaccinationField, string>> = {};
  for (const issue of list) {
    const head = (issue.field.split('.')[0] ?? '') as VaccinationField;
    if (FIELD_ORDER.includes(head) && found[head] === undefined) found[head] = issueText(issue.message);
  }
  return found;
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
  const { api, callId, slotDays: dayCount, readOnly, lang, onCreated } = options;
  const [fields, setFields] = React.useState<VaccinationFields>(EMPTY);
  const [issues, setIssues] = React.useState<Partial<Record<VaccinationField, string>>>({});
  const [issueVersion, setIssueVersion] = React.useState(0);
  const [date, setDate] = React.useState<string | null>(null);
  const [confirming, setConfirming] = React.useState<VaccinationRegistration | null>(null);
  const [sending, setSending] = React.useState(false);
  const [submitError, setSubmitError] = React.useState<unknown>(null);
  const [booked, setBooked] = React.useState<Booked | null>(null);
  const lastAttempt = React.useRef<{ content: string; clientKey: string } | null>(null);
  const pending = React.useRef<VaccinationRegistration | null>(null);
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

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
      setIssues(issuesOf(checked.issues));
      setIssueVersion((n) => n + 1);
      return;
    }
    setIssues({});
    setSubmitError(null);
    setConfirming(checked.data);
  }, [readOnly, sending, booked, fields, callId, lang]);

  const pointsList = points.state.status === 'success' ? points.state.data : [];
  const slotList = slots.state.status === 'success' ? slots.state.data : [];
  const reloadSlots = slots.reload;
  const send = React.useCallback(
    (registration: VaccinationRegistration) => {
      const { clientKey: _ignored, ...content } = registration;
      const contentKey = JSON.stringify(content);
      if (lastAttempt.current?.content !== contentKey) lastAttempt.current = { content: contentKey, clientKey: newCorrelationId() };
      setSending(true);
      setSubmitError(null);
      api.register({ ...content, clientKey: lastAttempt.current.clientKey }).then(
        (accepted) => {
          if (!mounted.current) return;
          lastAttempt.current = null;
          setSending(false);
          setConfirming(null);
          setBooked({ accepted, point: pointsList.find((p) => p.id === content.pointId) ?? null, slot: slotList.find((s) => s.id === content.slotId) ?? null });
          onCreated(accepted.registrationId);
        },
        (error: unknown) => {
          if (!mounted.current) return;
          setSending(false);
          setConfirming(null);
          setSubmitError(error);
          if (isApiError(error)) {
            if (error.code === 'slot_taken') {
              // Taken meanwhile: a fresh list, and the operator picks another time.
              setFields((f) => ({ ...f, slotId: null }));
              reloadSlots();
            }
            if (error.issues) setIssues(issuesOf(error.issues));
          }
        },
      );
    },
    [api, onCreated, pointsList, slotList, reloadSlots],
  );

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
    submit,
    confirming,
    confirm: () => {
      if (!confirming || sending) return;
      pending.current = confirming;
      send(confirming);
    },
    cancel: () => {
      if (!sending) setConfirming(null);
    },
    sending,
    submitError,
    retrySubmit: () => {
      if (pending.current && !sending) send(pending.current);
    },
    dismissError: () => setSubmitError(null),
    booked,
    startNew: () => {
      lastAttempt.current = null;
      pending.current = null;
      setBooked(null);
      setSubmitError(null);
      setIssues({});
      // the next worker is often from the same organisation and point
      setFields((f) => ({ ...EMPTY, employerMoId: f.employerMoId, pointId: f.pointId, vaccine: f.vaccine }));
      reloadSlots();
    },
  };
}
