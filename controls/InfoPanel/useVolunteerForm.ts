import * as React from 'react';
import * as z from 'zod/mini';
import { Address, Phone, TABLES, boundedText, formatPhone, validate, type Appeal, type AppealAccepted, type Lang, type PatientCard } from '@eer/contract';
import { isApiError } from '../shared/api/ApiError';
import { PHONE_MASK } from '../shared/components/phoneMask';
import { issuesOf } from '../shared/hooks/fieldIssues';
import { useConfirmedSend } from '../shared/hooks/useConfirmedSend';
import { useDelivery } from '../shared/hooks/useDelivery';
import { useNewPatient } from '../shared/hooks/useNewPatient';
import type { LoadState } from '../shared/hooks/useLoad';
import { appealDelivery, type Delivery } from '../shared/hooks/useOutboxStatus';
import { appealColumns, deliveryColumns, type CallRecords } from '../shared/records/callRecords';
import { useCallRecord, type CallRecordState } from '../shared/records/useCallRecord';
import type { InfoApi } from './infoApi';

/** What the operator takes down for volunteer help (IVR topic 2), checked with the contract's field rules. */
export const VolunteerRequest = z.object({
  name: boundedText(200, 2),
  address: Address,
  phone: Phone,
  help: boundedText(3000, 3),
});
export type VolunteerRequest = z.infer<typeof VolunteerRequest>;

export interface VolunteerFields {
  name: string;
  address: string;
  phone: string;
  help: string;
}
export type VolunteerField = keyof VolunteerFields;
export const VOLUNTEER_FIELDS: readonly VolunteerField[] = ['name', 'address', 'phone', 'help'];
const EMPTY: VolunteerFields = { name: '', address: '', phone: '', help: '' };

/**
 * The appeal text the MO receives. Russian whatever the operator's language: it is data for the MIS, not UI.
 * Names and phones go into the MIS like every request's; they are never logged.
 */
export function volunteerComment(request: VolunteerRequest): string {
  return ['Помощь волонтёров (линия 122, тема 2)', `Кому: ${request.name}`, `Телефон: ${formatPhone(request.phone)}`, `Чем помочь: ${request.help}`].join('\n');
}

export interface VolunteerSent {
  appeal: Appeal;
  accepted: AppealAccepted;
  moName: string;
}

export interface UseVolunteerOptions {
  api: InfoApi;
  /** The CRM rows (eer_appeal) of the requests made. */
  records: CallRecords;
  patientId: string | null;
  patientName: string | null;
  card: LoadState<PatientCard> | null;
  callId: string | null;
  /** The call record (eer_call): the request's appeal row is linked to it. */
  callRecordId: string | null;
  readOnly: boolean;
  lang: Lang;
  onCreated: (appealId: string) => void;
  pollDelays?: readonly number[];
}

export interface VolunteerFormState {
  fields: VolunteerFields;
  setField: (name: VolunteerField, value: string) => void;
  issues: Partial<Record<VolunteerField, string>>;
  /** The address is served by no zone. */
  addressNotFound: boolean;
  issueVersion: number;
  submit: () => void;
  confirming: VolunteerRequest | null;
  confirm: () => void;
  cancel: () => void;
  sending: boolean;
  error: unknown;
  retry: () => void;
  dismissError: () => void;
  sent: VolunteerSent | null;
  /** Live: from the answer, then from the outbox while queued. */
  delivery: Delivery | null;
  /** The request's appeal row in the CRM. */
  record: CallRecordState;
  retryRecord: () => void;
  startNew: () => void;
}

/**
 * IVR topic 2: a request for volunteer help for a citizen over 65. Decision: it is registered as an appeal with the
 * contract topic `volunteer_help`, sent to the MO serving the citizen's address (resolveAddress), and its id goes to
 * the call's eer_appealids like every appeal, with its eer_appeal row — one route, its idempotency and delivery.
 */
export function useVolunteerForm(options: UseVolunteerOptions): VolunteerFormState {
  const { api, records, patientId, patientName, card, callId, callRecordId, readOnly, lang, onCreated, pollDelays } = options;
  const [fields, setFields] = React.useState<VolunteerFields>(EMPTY);
  const touched = React.useRef<Set<VolunteerField>>(new Set());
  const [issues, setIssues] = React.useState<Partial<Record<VolunteerField, string>>>({});
  const [addressNotFound, setAddressNotFound] = React.useState(false);
  const [issueVersion, setIssueVersion] = React.useState(0);
  const [sent, setSent] = React.useState<VolunteerSent | null>(null);
  const record = useCallRecord(records, TABLES.appeal, callRecordId);

  const cardData = card?.status === 'success' ? card.data : null;
  const prefill = React.useCallback(
    (base: VolunteerFields): VolunteerFields => {
      const next = { ...base };
      const fill = (name: VolunteerField, value: string | undefined | null) => {
        if (value && !touched.current.has(name) && next[name] === '') next[name] = value;
      };
      fill('name', cardData?.fullName ?? patientName);
      fill('address', cardData?.address?.text);
      fill('phone', cardData?.phone ? PHONE_MASK.format(formatPhone(cardData.phone)) : null);
      return next;
    },
    [cardData, patientName],
  );
  React.useEffect(() => setFields((f) => prefill(f)), [prefill]);
  // A new patient is a new request.
  useNewPatient(patientId, () => {
    touched.current = new Set();
    setFields(EMPTY);
    setSent(null);
    record.reset();
    setIssues({});
  });

  const setField = React.useCallback((name: VolunteerField, value: string) => {
    touched.current.add(name);
    setFields((f) => ({ ...f, [name]: value }));
    setIssues((i) => (i[name] === undefined ? i : { ...i, [name]: undefined }));
    if (name === 'address') setAddressNotFound(false);
  }, []);

  const flow = useConfirmedSend(
    async (request: VolunteerRequest, keyOf): Promise<VolunteerSent> => {
      const area = await api.resolve({ address: request.address, ...(patientId ? { patientId } : {}) }, new AbortController().signal);
      const content = {
        kind: 'appeal' as const,
        topic: 'volunteer_help' as const,
        moId: area.moId,
        address: request.address,
        comment: volunteerComment(request),
        reviewCertificate: false,
        ...(patientId ? { patientId } : {}),
        ...(callId ? { callId } : {}),
      };
      const appeal = { ...content, clientKey: keyOf(content) };
      const accepted = await api.createAppeal(appeal);
      return { appeal, accepted, moName: area.moName };
    },
    {
      onSent: (done) => {
        setSent(done);
        onCreated(done.accepted.appealId);
        record.save(appealColumns(done.appeal, { misAppealId: done.accepted.appealId, state: done.accepted.queued ? 'queued' : done.accepted.status, moName: done.moName }));
      },
      onError: (failure) => {
        if (!(isApiError(failure) && failure.code === 'not_found')) return false;
        setAddressNotFound(true);
        setIssueVersion((n) => n + 1);
        return true;
      },
    },
  );
  const { sending } = flow;
  const followed = React.useMemo(
    () =>
      sent && {
        clientKey: sent.appeal.clientKey,
        initial: { state: sent.accepted.queued ? ('queued' as const) : sent.accepted.status, reason: sent.accepted.reason },
        follow: sent.accepted.queued === true,
      },
    [sent],
  );
  const { delivery } = useDelivery(api.outbox, followed, appealDelivery, (d) => record.change(deliveryColumns(TABLES.appeal, d.state, d.resultId)), pollDelays);

  const submit = React.useCallback(() => {
    if (readOnly || sending || sent) return;
    const address = cardData?.address && fields.address.trim() === cardData.address.text.trim() ? cardData.address : { text: fields.address };
    const checked = validate(VolunteerRequest, { name: fields.name, address, phone: fields.phone.trim() || undefined, help: fields.help }, lang);
    if (!checked.success) {
      setIssues(issuesOf(checked.issues, VOLUNTEER_FIELDS));
      setIssueVersion((n) => n + 1);
      return;
    }
    setIssues({});
    flow.ask(checked.data);
  }, [readOnly, sending, sent, fields, cardData, lang, flow.ask]);

  return {
    fields,
    setField,
    issues,
    addressNotFound,
    issueVersion,
    submit,
    confirming: flow.confirming,
    confirm: flow.confirm,
    cancel: flow.cancel,
    sending,
    error: flow.error,
    retry: flow.retry,
    dismissError: flow.dismissError,
    sent,
    delivery,
    record: record.state,
    retryRecord: record.retry,
    startNew: () => {
      touched.current = new Set();
      flow.reset();
      record.reset();
      setSent(null);
      setIssues({});
      setFields(prefill(EMPTY));
    },
  };
}
