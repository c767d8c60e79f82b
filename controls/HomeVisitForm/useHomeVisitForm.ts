import * as React from 'react';
import {
  HomeVisitRequest,
  TABLES,
  formatPhone,
  message,
  validate,
  type Address,
  type AddressResolution,
  type HomeVisitAccepted,
  type Lang,
  type PatientCard,
  type WeeklyHours,
} from '@eer/contract';
import { isApiError } from '../shared/api/ApiError';
import { PHONE_MASK } from '../shared/components/phoneMask';
import { localMoment, openState, type LocalMoment } from '../shared/components/weeklyHours';
import { issuesOf } from '../shared/hooks/fieldIssues';
import { submitState, useConfirmedSend, type SubmitState } from '../shared/hooks/useConfirmedSend';
import { useDebouncedSearch, type SearchStatus } from '../shared/hooks/useDebouncedSearch';
import { useDelivery } from '../shared/hooks/useDelivery';
import { homeVisitDelivery, type Delivery } from '../shared/hooks/useOutboxStatus';
import { deliveryColumns, homeVisitColumns, type CallRecords } from '../shared/records/callRecords';
import { useCallRecord, type CallRecordState } from '../shared/records/useCallRecord';
import { useLoad, type LoadState } from '../shared/hooks/useLoad';
import { useNewPatient } from '../shared/hooks/useNewPatient';
import { useNow } from '../shared/hooks/useNow';
import type { HomeVisitApi } from './homeVisitApi';

export interface HomeVisitFields {
  address: string;
  intercomCode: string;
  phone: string;
  temperature: string;
  complaints: string;
}
export type HomeVisitField = keyof HomeVisitFields;
/** Field order on the form: the first one with an issue takes focus. */
export const FIELD_ORDER: readonly HomeVisitField[] = ['address', 'intercomCode', 'phone', 'temperature', 'complaints'];

const EMPTY: HomeVisitFields = { address: '', intercomCode: '', phone: '', temperature: '', complaints: '' };
/** Shorter text cannot name a locality, street and house. */
const MIN_ADDRESS_LENGTH = 6;
/** The hours notice follows the clock: a closed desk opens without a reload. */
const CLOCK_TICK_MS = 30_000;

/** Whether home visits are taken now, by the MO serving the address or, before it is known, by the regional default. */
export interface HoursNotice {
  source: 'region' | 'mo';
  moName?: string;
  hours: WeeklyHours;
  open: boolean;
  /** When closed: the next opening on the region's clock; null when it never opens. */
  next: LocalMoment | null;
  /** When open: the end of the current range (`HH:MM`). */
  until: string | null;
}

export type Blocked = 'patient' | 'mo' | 'closed' | null;

export interface UseHomeVisitOptions {
  api: HomeVisitApi;
  /** The CRM rows (eer_homevisit) of the requests made. */
  records: CallRecords;
  patientId: string | null;
  callId: string | null;
  /** The call record (eer_call) the form is on: the home-visit row is linked to it. */
  callRecordId: string | null;
  /** The regional default hours (environment variable eer_HomeVisitHours). */
  defaultHours: WeeklyHours | null;
  temperatureRequired: boolean;
  addressDelayMs: number;
  readOnly: boolean;
  lang: Lang;
  onCreated: (requestId: string) => void;
  /** Pauses between reads of a queued request's outbox entries (tests shorten them). */
  pollDelays?: readonly number[];
}

/** A request the line took: the answer, the zone it was resolved to, its client key. */
export interface MadeHomeVisit {
  request: HomeVisitRequest;
  accepted: HomeVisitAccepted;
  zoneName: string | null;
}

export interface HomeVisitFormState extends SubmitState<HomeVisitRequest> {
  fields: HomeVisitFields;
  setField: (name: HomeVisitField, value: string) => void;
  /** Resolve the address now (the operator left the field or pressed Enter). */
  commitAddress: () => void;
  card: LoadState<PatientCard>;
  reloadCard: () => void;
  phoneFromCard: boolean;
  addressFromCard: boolean;
  resolution: { status: SearchStatus; data: AddressResolution | null; error: unknown; retry: () => void };
  hours: HoursNotice | null;
  issues: Partial<Record<HomeVisitField, string>>;
  /** Grows with every refused submit: the view focuses the first field with an issue. */
  issueVersion: number;
  blocked: Blocked;
  result: HomeVisitAccepted | null;
  /** Live: from the answer, then from the outbox while it was not final. */
  delivery: Delivery | null;
  /** The CRM row of the request. */
  record: CallRecordState;
  retryRecord: () => void;
  startNew: () => void;
}

/** `37,5` → 37.5; '' → undefined; anything else → NaN (reported with the range message). */
function temperatureOf(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  if (t === '') return undefined;
  return /^\d{1,2}(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/**
 * Manual §5: the address finds the serving MO and zone as the operator types (after a pause) or leaves the field;
 * the phone and address come from the patient card; Оформить вызов checks the fields with the contract, asks for ОК,
 * sends the request once per confirmed content (a retry reuses the idempotency key) and reports the delivery.
 */
export function useHomeVisitForm(options: UseHomeVisitOptions): HomeVisitFormState {
  const { api, records, patientId, callId, callRecordId, defaultHours, temperatureRequired, addressDelayMs, readOnly, lang, onCreated, pollDelays } = options;
  const [fields, setFields] = React.useState<HomeVisitFields>(EMPTY);
  const touched = React.useRef<Set<HomeVisitField>>(new Set());
  const [committed, setCommitted] = React.useState('');
  const [issues, setIssues] = React.useState<Partial<Record<HomeVisitField, string>>>({});
  const [issueVersion, setIssueVersion] = React.useState(0);
  const [made, setMade] = React.useState<MadeHomeVisit | null>(null);
  const record = useCallRecord(records, TABLES.homeVisit, callRecordId);

  // ---- the patient card prefills the phone and the address (only fields the operator has not touched)
  const { state: card, reload: reloadCard } = useLoad(patientId, (id, signal) => api.patient(id, signal));
  const cardData = card.status === 'success' ? card.data : null;
  const cardPhone = cardData?.phone ? PHONE_MASK.format(formatPhone(cardData.phone)) : '';
  const cardAddress: Address | null = cardData?.address ?? null;

  const prefill = React.useCallback(
    (base: HomeVisitFields): HomeVisitFields => {
      const next = { ...base };
      if (!touched.current.has('phone') && next.phone === '' && cardPhone) next.phone = cardPhone;
      if (!touched.current.has('address') && next.address === '' && cardAddress) next.address = cardAddress.text;
      return next;
    },
    [cardPhone, cardAddress],
  );

  React.useEffect(() => {
    setFields((current) => {
      const next = prefill(current);
      if (next.address !== current.address) setCommitted(next.address.trim());
      return next;
    });
  }, [prefill]);

  // A new patient is a new request.
  useNewPatient(patientId, () => {
    touched.current = new Set();
    setFields(EMPTY);
    setCommitted('');
    setIssues({});
    setMade(null);
    flow.reset();
    record.reset();
  });

  const setField = React.useCallback((name: HomeVisitField, value: string) => {
    touched.current.add(name);
    setFields((f) => ({ ...f, [name]: value }));
    setIssues((i) => (i[name] === undefined ? i : { ...i, [name]: undefined }));
  }, []);

  // ---- the address resolves after a pause in typing, or at once on commit
  const addressText = fields.address.trim();
  React.useEffect(() => {
    if (addressText === committed) return undefined;
    const timer = setTimeout(() => setCommitted(addressText), addressDelayMs);
    return () => clearTimeout(timer);
  }, [addressText, committed, addressDelayMs]);
  const commitAddress = React.useCallback(() => setCommitted(addressText), [addressText]);

  const addressOf = React.useCallback(
    (text: string): Address => (cardAddress && text === cardAddress.text.trim() ? cardAddress : { text }),
    [cardAddress],
  );
  const query = committed.length >= MIN_ADDRESS_LENGTH ? { address: addressOf(committed), ...(patientId ? { patientId } : {}) } : null;
  const search = useDebouncedSearch(query, (body, signal) => api.resolve(body, signal), { delayMs: 0 });
  const retryResolve = search.retry;
  // The answer counts only for the text now in the field.
  const current = committed === addressText && search.status === 'success' && search.data ? search.data : null;

  // ---- hours: the MO's once the address is resolved, the region's default before
  const now = useNow(CLOCK_TICK_MS);
  let hours: HoursNotice | null = null;
  if (current) {
    hours = {
      source: 'mo',
      moName: current.moName,
      hours: current.homeVisitHours,
      open: current.acceptingNow,
      next: current.nextOpensAt ? localMoment(new Date(current.nextOpensAt)) : null,
      until: current.acceptingNow ? openState(current.homeVisitHours, new Date(now)).until : null,
    };
  } else if (defaultHours) {
    const state = openState(defaultHours, new Date(now));
    hours = { source: 'region', hours: defaultHours, open: state.open, next: state.next, until: state.until };
  }

  const blocked: Blocked = !patientId ? 'patient' : !current ? 'mo' : !current.acceptingNow ? 'closed' : null;

  // ---- send once per confirmed content; the MIS's answer first, then the CRM row and the delivery
  const flow = useConfirmedSend(
    (request: HomeVisitRequest, keyOf) => {
      const { clientKey: _ignored, ...content } = request;
      const clientKey = keyOf(content);
      return api.create({ ...content, clientKey }).then((accepted) => ({ accepted, clientKey }));
    },
    {
      onSent: ({ accepted, clientKey }, request) => {
        const sent = { ...request, clientKey };
        const state = accepted.queued ? 'queued' : accepted.status;
        setMade({ request: sent, accepted, zoneName: current?.zoneName ?? null });
        onCreated(accepted.requestId);
        record.save(homeVisitColumns(sent, { misRequestId: accepted.requestId, state, moId: accepted.moId, moName: accepted.moName, zoneName: current?.zoneName ?? null }));
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        // Closed meanwhile: the notice at the top shows when it opens again.
        if (error.code === 'outside_hours') retryResolve();
        if (error.issues) setIssues(issuesOf(error.issues, FIELD_ORDER));
      },
    },
  );
  const { sending } = flow;

  const followed = React.useMemo(
    () =>
      made && {
        clientKey: made.request.clientKey,
        initial: { state: made.accepted.queued ? ('queued' as const) : made.accepted.status, reason: made.accepted.reason },
        follow: made.accepted.status === 'accepted',
      },
    [made],
  );
  const { delivery } = useDelivery(api.outbox, followed, homeVisitDelivery, (d) => record.change(deliveryColumns(TABLES.homeVisit, d.state, d.resultId)), pollDelays);

  // ---- submit: check with the contract, then ask for ОК
  const submit = React.useCallback(() => {
    if (readOnly || sending) return;
    if (committed !== addressText) setCommitted(addressText);
    const temperature = temperatureOf(fields.temperature);
    const candidate = {
      patientId: patientId ?? undefined,
      address: addressOf(addressText),
      intercomCode: fields.intercomCode.trim() || undefined,
      phone: fields.phone.trim() || undefined,
      temperature,
      complaints: fields.complaints,
      callId: callId ?? undefined,
      clientKey: 'placeholder-key',
    };
    const checked = validate(HomeVisitRequest, candidate, lang);
    const found = checked.success ? {} : issuesOf(checked.issues, FIELD_ORDER);
    if (temperature !== undefined && Number.isNaN(temperature)) found.temperature = message('temperature.range', lang);
    if (temperature === undefined && temperatureRequired) found.temperature = message('required', lang);
    setIssues(found);
    if (Object.keys(found).length > 0 || !checked.success) {
      setIssueVersion((n) => n + 1);
      return;
    }
    if (blocked !== null) return;
    flow.ask(checked.data);
  }, [readOnly, sending, committed, addressText, fields, patientId, callId, addressOf, lang, temperatureRequired, blocked, flow.ask]);

  const startNew = React.useCallback(() => {
    touched.current = new Set();
    flow.reset();
    record.reset();
    setMade(null);
    setIssues({});
    const next = prefill(EMPTY);
    setFields(next);
    setCommitted(next.address.trim());
  }, [prefill, flow.reset, record.reset]);

  return {
    fields,
    setField,
    commitAddress,
    card,
    reloadCard,
    phoneFromCard: cardPhone !== '' && fields.phone === cardPhone,
    addressFromCard: cardAddress !== null && addressText === cardAddress.text.trim(),
    resolution: {
      status: addressText.length < MIN_ADDRESS_LENGTH ? 'idle' : committed === addressText ? search.status : 'waiting',
      data: current,
      error: search.error,
      retry: retryResolve,
    },
    hours,
    issues,
    issueVersion,
    blocked,
    ...submitState(flow, submit),
    result: made?.accepted ?? null,
    delivery,
    record: record.state,
    retryRecord: record.retry,
    startNew,
  };
}
