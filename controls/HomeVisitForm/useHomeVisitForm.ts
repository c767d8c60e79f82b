import * as React from 'react';
import {
  HomeVisitRequest,
  formatPhone,
  message,
  validate,
  type Address,
  type AddressResolution,
  type ApiBody,
  type HomeVisitAccepted,
  type Lang,
  type PatientCard,
  type WeeklyHours,
} from '@eer/contract';
import { isApiError } from '../shared/api/ApiError';
import { newCorrelationId } from '../shared/api/client';
import { PHONE_MASK } from '../shared/components/phoneMask';
import { localMoment, openState, type LocalMoment } from '../shared/components/weeklyHours';
import { useDebouncedSearch, type SearchStatus } from '../shared/hooks/useDebouncedSearch';
import { useLoad, type LoadState } from '../shared/hooks/useLoad';
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
  patientId: string | null;
  callId: string | null;
  /** The regional default hours (environment variable eer_HomeVisitHours). */
  defaultHours: WeeklyHours | null;
  temperatureRequired: boolean;
  addressDelayMs: number;
  readOnly: boolean;
  lang: Lang;
  onCreated: (requestId: string) => void;
}

export interface HomeVisitFormState {
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
  submit: () => void;
  /** The checked request waiting for ОК in the confirmation dialog. */
  confirming: HomeVisitRequest | null;
  confirm: () => void;
  cancel: () => void;
  sending: boolean;
  submitError: unknown;
  retrySubmit: () => void;
  dismissError: () => void;
  result: HomeVisitAccepted | null;
  startNew: () => void;
}

/** The text of an issue without its «Label: » prefix: the field already shows its label. */
function issueText(text: string): string {
  const at = text.indexOf(': ');
  return at >= 0 ? text.slice(at + 2) : text;
}

function fieldOf(path: string): HomeVisitField | null {
  const head = path.split('.')[0] ?? '';
  return (FIELD_ORDER as readonly string[]).includes(head) ? (head as HomeVisitField) : null;
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
  const { api, patientId, callId, defaultHours, temperatureRequired, addressDelayMs, readOnly, lang, onCreated } = options;
  const [fields, setFields] = React.useState<HomeVisitFields>(EMPTY);
  const touched = React.useRef<Set<HomeVisitField>>(new Set());
  const [committed, setCommitted] = React.useState('');
  const [issues, setIssues] = React.useState<Partial<Record<HomeVisitField, string>>>({});
  const [issueVersion, setIssueVersion] = React.useState(0);
  const [confirming, setConfirming] = React.useState<HomeVisitRequest | null>(null);
  const [sending, setSending] = React.useState(false);
  const [submitError, setSubmitError] = React.useState<unknown>(null);
  const [result, setResult] = React.useState<HomeVisitAccepted | null>(null);
  const lastAttempt = React.useRef<{ content: string; clientKey: string } | null>(null);
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

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
  React.useEffect(() => {
    touched.current = new Set();
    setFields(EMPTY);
    setCommitted('');
    setIssues({});
    setResult(null);
    setSubmitError(null);
    lastAttempt.current = null;
  }, [patientId]);

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
    const found: Partial<Record<HomeVisitField, string>> = {};
    const checked = validate(HomeVisitRequest, candidate, lang);
    if (!checked.success) {
      for (const issue of checked.issues) {
        const field = fieldOf(issue.field);
        if (field && found[field] === undefined) found[field] = issueText(issue.message);
      }
    }
    if (temperature !== undefined && Number.isNaN(temperature)) found.temperature = message('temperature.range', lang);
    if (temperature === undefined && temperatureRequired) found.temperature = message('required', lang);
    setIssues(found);
    if (Object.keys(found).length > 0 || !checked.success) {
      setIssueVersion((n) => n + 1);
      return;
    }
    if (blocked !== null) return;
    setSubmitError(null);
    setConfirming(checked.data);
  }, [readOnly, sending, committed, addressText, fields, patientId, callId, addressOf, lang, temperatureRequired, blocked]);

  const send = React.useCallback(
    (request: HomeVisitRequest) => {
      // One idempotency key per confirmed content: a retry after a timeout cannot make a second request.
      const { clientKey: _ignored, ...content } = request;
      const contentKey = JSON.stringify(content);
      if (lastAttempt.current?.content !== contentKey) lastAttempt.current = { content: contentKey, clientKey: newCorrelationId() };
      const body: ApiBody<'createHomeVisit'> = { ...content, clientKey: lastAttempt.current.clientKey };
      setSending(true);
      setSubmitError(null);
      api.create(body).then(
        (accepted) => {
          if (!mounted.current) return;
          lastAttempt.current = null;
          setSending(false);
          setConfirming(null);
          setResult(accepted);
          onCreated(accepted.requestId);
        },
        (error: unknown) => {
          if (!mounted.current) return;
          setSending(false);
          setConfirming(null);
          setSubmitError(error);
          if (isApiError(error)) {
            // Closed meanwhile: the notice at the top shows when it opens again.
            if (error.code === 'outside_hours') retryResolve();
            if (error.issues) {
              const found: Partial<Record<HomeVisitField, string>> = {};
              for (const issue of error.issues) {
                const field = fieldOf(issue.field);
                if (field && found[field] === undefined) found[field] = issueText(issue.message);
              }
              setIssues(found);
            }
          }
        },
      );
    },
    [api, onCreated, retryResolve],
  );

  const pending = React.useRef<HomeVisitRequest | null>(null);
  const confirm = React.useCallback(() => {
    if (!confirming || sending) return;
    pending.current = confirming;
    send(confirming);
  }, [confirming, sending, send]);
  const retrySubmit = React.useCallback(() => {
    if (pending.current && !sending) send(pending.current);
  }, [sending, send]);
  const cancel = React.useCallback(() => {
    if (!sending) setConfirming(null);
  }, [sending]);

  const startNew = React.useCallback(() => {
    touched.current = new Set();
    lastAttempt.current = null;
    pending.current = null;
    setResult(null);
    setSubmitError(null);
    setIssues({});
    const next = prefill(EMPTY);
    setFields(next);
    setCommitted(next.address.trim());
  }, [prefill]);

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
    submit,
    confirming,
    confirm,
    cancel,
    sending,
    submitError,
    retrySubmit,
    dismissError: () => setSubmitError(null),
    result,
    startNew,
  };
}
