import * as React from 'react';
import {
  Appeal,
  AppealKind,
  AppealTopic,
  COLUMNS,
  TABLES,
  localDate,
  validate,
  type AppealAccepted,
  type Lang,
  type MedicalOrganisation,
  type Ticket,
} from '@eer/contract';
import { isApiError } from '../shared/api/ApiError';
import { issuesOf } from '../shared/hooks/fieldIssues';
import { submitState, useConfirmedSend, type SubmitState } from '../shared/hooks/useConfirmedSend';
import { useDelivery } from '../shared/hooks/useDelivery';
import { useLoad, type LoadState } from '../shared/hooks/useLoad';
import { appealDelivery, type Delivery } from '../shared/hooks/useOutboxStatus';
import { appealColumns, deliveryColumns, type CallRecords } from '../shared/records/callRecords';
import { useCallRecord, type CallRecordState } from '../shared/records/useCallRecord';
import type { AppealApi } from './appealApi';

export interface AppealFields {
  kind: AppealKind;
  topic: AppealTopic | null;
  moId: string | null;
  address: string;
  comment: string;
}
export type AppealField = keyof AppealFields;
export const FIELD_ORDER: readonly AppealField[] = ['kind', 'topic', 'moId', 'address', 'comment'];
/** The fields an issue may name: the form's, and the ticket of a complaint. */
const ISSUE_FIELDS: ReadonlyArray<AppealField | 'ticketId'> = [...FIELD_ORDER, 'ticketId'];

/** How far back a complaint's ticket is looked for (a complaint is about a past visit). */
const TICKET_LOOKBACK_DAYS = 120;

export type Async = { status: 'idle' } | { status: 'busy' } | { status: 'done' } | { status: 'error'; error: unknown };

export interface UseAppealOptions {
  api: AppealApi;
  /** The CRM rows (eer_appeal) of the appeals made. */
  records: CallRecords;
  patientId: string | null;
  callId: string | null;
  /** The call record (eer_call) the form is on: the appeal card is linked to it. */
  callRecordId: string | null;
  /** Hand-over from the slot picker: «complaint about the visit» of this ticket. */
  complaintTicketId: string | null;
  handedKind: AppealKind | null;
  defaultKind: AppealKind;
  readOnly: boolean;
  lang: Lang;
  onCreated: (appealId: string) => void;
  /** Pauses between reads of a queued appeal's outbox entry (tests shorten them). */
  pollDelays?: readonly number[];
}

export interface SavedAppeal {
  appeal: Appeal;
  accepted: AppealAccepted;
  moName: string;
  /** The visit a complaint was about, when it was found. */
  ticket: Ticket | null;
}

export interface AppealFormState extends SubmitState<Appeal> {
  fields: AppealFields;
  setField: <K extends AppealField>(name: K, value: AppealFields[K]) => void;
  organisations: LoadState<MedicalOrganisation[]>;
  reloadOrganisations: () => void;
  /** The ticket a complaint is about: id, and the ticket itself once found among the patient's. */
  ticket: { id: string; found: Ticket | null } | null;
  issues: Partial<Record<AppealField | 'ticketId', string>>;
  issueVersion: number;
  saved: SavedAppeal | null;
  /** Live: from the answer, then from the outbox while queued. */
  delivery: Delivery | null;
  /** The CRM card of the saved appeal (needed for the tag). */
  record: CallRecordState;
  retryRecord: () => void;
  certificate: Async;
  certificateAsked: boolean;
  askCertificate: () => void;
  cancelCertificate: () => void;
  confirmCertificate: () => void;
  startNew: () => void;
}

function daysBack(days: number): string {
  return localDate(new Date(Date.now() - days * 86_400_000));
}

/**
 * Manual §6: kind, topic, MO (searched in the region's list), address and comment; Сохранить checks them with the
 * contract, asks for ОК and registers the appeal once per confirmed content. Then the appeal's card is kept in the
 * CRM and the operator sets the «Справка о рассмотрении обращения» tag on it (fig. 19). Opened for a complaint about
 * a visit (the slot picker's hand-over), it starts as that complaint with the ticket's MO.
 */
export function useAppealForm(options: UseAppealOptions): AppealFormState {
  const { api, records, patientId, callId, callRecordId, complaintTicketId, handedKind, defaultKind, readOnly, lang, onCreated, pollDelays } = options;
  // A hand-over counts once: after its appeal is saved, «Новое обращение» starts blank.
  const handOverKey = complaintTicketId || handedKind ? `${complaintTicketId ?? ''}|${handedKind ?? ''}` : null;
  const [usedHandOver, setUsedHandOver] = React.useState<string | null>(null);
  const active = handOverKey !== null && handOverKey !== usedHandOver;
  const handOver = active && complaintTicketId ? complaintTicketId : null;
  const kindHandedOver = active ? handedKind : null;

  // The complaint's ticket, among the patient's recent ones: its MO prefills the form.
  const ticketKey = handOver && patientId ? `${patientId}|${handOver}` : null;
  const { state: tickets } = useLoad(ticketKey, (_key, signal) => api.tickets(patientId!, daysBack(TICKET_LOOKBACK_DAYS), signal));
  const found = handOver && tickets.status === 'success' ? (tickets.data.find((t) => t.id === handOver) ?? null) : null;
  const blank = React.useCallback(
    (): AppealFields =>
      handOver
        ? { kind: kindHandedOver ?? 'complaint', topic: 'complaint_about_visit', moId: found?.moId ?? null, address: '', comment: '' }
        : { kind: kindHandedOver ?? defaultKind, topic: null, moId: null, address: '', comment: '' },
    [handOver, kindHandedOver, defaultKind, found],
  );
  const [fields, setFields] = React.useState<AppealFields>(blank);
  const touched = React.useRef<Set<AppealField>>(new Set());
  const [issues, setIssues] = React.useState<Partial<Record<AppealField | 'ticketId', string>>>({});
  const [issueVersion, setIssueVersion] = React.useState(0);
  const [saved, setSaved] = React.useState<SavedAppeal | null>(null);
  const record = useCallRecord(records, TABLES.appeal, callRecordId);
  const recordId = record.state.status === 'done' ? record.id : null;
  const [certificate, setCertificate] = React.useState<Async>({ status: 'idle' });
  const [certificateAsked, setCertificateAsked] = React.useState(false);
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  // A new hand-over (or a new patient) starts a new appeal.
  React.useEffect(() => {
    touched.current = new Set();
    setFields(blank());
    setIssues({});
    // only when what the form was opened for changes
  }, [handOver, kindHandedOver, patientId]);

  const { state: organisations, reload: reloadOrganisations } = useLoad('all', (_key, signal) => api.organisations(signal));
  const orgs = organisations.status === 'success' ? organisations.data : [];

  React.useEffect(() => {
    if (found && !touched.current.has('moId')) setFields((f) => (f.moId === null ? { ...f, moId: found.moId } : f));
  }, [found]);

  const setField = React.useCallback(<K extends AppealField>(name: K, value: AppealFields[K]) => {
    touched.current.add(name);
    setFields((f) => ({ ...f, [name]: value }));
    setIssues((i) => (i[name] === undefined ? i : { ...i, [name]: undefined }));
  }, []);

  const moNameOf = React.useCallback(
    (id: string) => orgs.find((o) => o.id === id)?.shortName ?? (found?.moId === id ? found.moName : id),
    [orgs, found],
  );

  const flow = useConfirmedSend(
    (appeal: Appeal, keyOf) => {
      const { clientKey: _ignored, ...content } = appeal;
      const body = { ...content, clientKey: keyOf(content) };
      return api.create(body).then((accepted) => ({ accepted, body }));
    },
    {
      onSent: ({ accepted, body }) => {
        const done = { appeal: body, accepted, moName: moNameOf(body.moId), ticket: body.ticketId ? found : null };
        setSaved(done);
        setUsedHandOver(handOverKey);
        onCreated(accepted.appealId);
        record.save(appealColumns(body, { misAppealId: accepted.appealId, state: accepted.queued ? 'queued' : accepted.status, moName: done.moName }));
      },
      onError: (error) => {
        if (isApiError(error) && error.issues) setIssues(issuesOf(error.issues, ISSUE_FIELDS));
      },
    },
  );
  const { sending } = flow;

  const followed = React.useMemo(
    () =>
      saved && {
        clientKey: saved.appeal.clientKey,
        initial: { state: saved.accepted.queued ? ('queued' as const) : saved.accepted.status, reason: saved.accepted.reason },
        follow: saved.accepted.queued === true,
      },
    [saved],
  );
  const { delivery } = useDelivery(api.outbox, followed, appealDelivery, (d) => record.change(deliveryColumns(TABLES.appeal, d.state, d.resultId)), pollDelays);

  const submit = React.useCallback(() => {
    if (readOnly || sending || saved) return;
    const candidate = {
      kind: fields.kind,
      topic: fields.topic ?? undefined,
      moId: fields.moId ?? undefined,
      address: fields.address.trim() ? { text: fields.address } : undefined,
      comment: fields.comment,
      reviewCertificate: false,
      ticketId: fields.topic === 'complaint_about_visit' && handOver ? handOver : undefined,
      patientId: patientId ?? undefined,
      callId: callId ?? undefined,
      clientKey: 'placeholder-key',
    };
    const checked = validate(Appeal, candidate, lang);
    if (!checked.success) {
      setIssues(issuesOf(checked.issues, ISSUE_FIELDS));
      setIssueVersion((n) => n + 1);
      return;
    }
    setIssues({});
    flow.ask(checked.data);
  }, [readOnly, sending, saved, fields, handOver, patientId, callId, lang, flow.ask]);

  const confirmCertificate = React.useCallback(() => {
    if (!recordId || certificate.status === 'busy') return;
    setCertificate({ status: 'busy' });
    records.update(TABLES.appeal, recordId, { [COLUMNS.appeal.reviewCertificate]: true }).then(
      () => {
        if (!mounted.current) return;
        setCertificate({ status: 'done' });
        setCertificateAsked(false);
      },
      (error: unknown) => {
        if (!mounted.current) return;
        setCertificate({ status: 'error', error });
        setCertificateAsked(false);
      },
    );
  }, [recordId, certificate.status, records]);

  const startNew = React.useCallback(() => {
    touched.current = new Set();
    flow.reset();
    record.reset();
    setSaved(null);
    setCertificate({ status: 'idle' });
    setIssues({});
    setFields(blank());
  }, [blank, flow.reset, record.reset]);

  return {
    fields,
    setField,
    organisations,
    reloadOrganisations,
    ticket: saved ? (saved.appeal.ticketId ? { id: saved.appeal.ticketId, found: saved.ticket } : null) : handOver ? { id: handOver, found } : null,
    issues,
    issueVersion,
    ...submitState(flow, submit),
    saved,
    delivery,
    record: record.state,
    retryRecord: record.retry,
    certificate,
    certificateAsked,
    askCertificate: () => {
      if (recordId && certificate.status !== 'done' && !readOnly) setCertificateAsked(true);
    },
    cancelCertificate: () => {
      if (certificate.status !== 'busy') setCertificateAsked(false);
    },
    confirmCertificate,
    startNew,
  };
}
