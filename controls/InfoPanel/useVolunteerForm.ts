import * as React from 'react';
import * as z from 'zod/mini';
import { Address, Phone, boundedText, formatPhone, validate, type Lang, type PatientCard } from '@eer/contract';
import { isApiError } from '../shared/api/ApiError';
import { newCorrelationId } from '../shared/api/client';
import { PHONE_MASK } from '../shared/components/phoneMask';
import type { LoadState } from '../shared/hooks/useLoad';
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
  appealId: string;
  moName: string;
}

export interface UseVolunteerOptions {
  api: InfoApi;
  patientId: string | null;
  patientName: string | null;
  card: LoadState<PatientCard> | null;
  callId: string | null;
  readOnly: boolean;
  lang: Lang;
  onCreated: (appealId: string) => void;
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
  startNew: () => void;
}

function issueText(text: string): string {
  const at = text.indexOf(': ');
  return at >= 0 ? text.slice(at + 2) : text;
}

/**
 * IVR topic 2: a request for volunteer help for a citizen over 65. Decision: it is registered as an appeal with the
 * contract topic `volunteer_help`, sent to the MO serving the citizen's address (resolveAddress), and its id goes to
 * the call's eer_appealids like every appeal — one route, its idempotency and delivery, no new table.
 */
export function useVolunteerForm(options: UseVolunteerOptions): VolunteerFormState {
  const { api, patientId, patientName, card, callId, readOnly, lang, onCreated } = options;
  const [fields, setFields] = React.useState<VolunteerFields>(EMPTY);
  const touched = React.useRef<Set<VolunteerField>>(new Set());
  const [issues, setIssues] = React.useState<Partial<Record<VolunteerField, string>>>({});
  const [addressNotFound, setAddressNotFound] = React.useState(false);
  const [issueVersion, setIssueVersion] = React.useState(0);
  const [confirming, setConfirming] = React.useState<VolunteerRequest | null>(null);
  const [sending, setSending] = React.useState(false);
  const [error, setError] = React.useState<unknown>(null);
  const [sent, setSent] = React.useState<VolunteerSent | null>(null);
  const lastAttempt = React.useRef<{ content: string; clientKey: string } | null>(null);
  const pending = React.useRef<VolunteerRequest | null>(null);
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

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
  React.useEffect(() => {
    touched.current = new Set();
    setFields(EMPTY);
    setSent(null);
    setIssues({});
    // a new patient is a new request
  }, [patientId]);

  const setField = React.useCallback((name: VolunteerField, value: string) => {
    touched.current.add(name);
    setFields((f) => ({ ...f, [name]: value }));
    setIssues((i) => (i[name] === undefined ? i : { ...i, [name]: undefined }));
    if (name === 'address') setAddressNotFound(false);
  }, []);

  const submit = React.useCallback(() => {
    if (readOnly || sending || sent) return;
    const address = cardData?.address && fields.address.trim() === cardData.address.text.trim() ? cardData.address : { text: fields.address };
    const checked = validate(VolunteerRequest, { name: fields.name, address, phone: fields.phone.trim() || undefined, help: fields.help }, lang);
    if (!checked.success) {
      const found: Partial<Record<VolunteerField, string>> = {};
      for (const issue of checked.issues) {
        const field = issue.field.split('.')[0] as VolunteerField;
        if (VOLUNTEER_FIELDS.includes(field) && found[field] === undefined) found[field] = issueText(issue.message);
      }
      setIssues(found);
      setIssueVersion((n) => n + 1);
      return;
    }
    setIssues({});
    setError(null);
    setConfirming(checked.data);
  }, [readOnly, sending, sent, fields, cardData, lang]);

  const send = React.useCallback(
    (request: VolunteerRequest) => {
      setSending(true);
      setError(null);
      const run = async (): Promise<VolunteerSent> => {
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
        const contentKey = JSON.stringify(content);
        if (lastAttempt.current?.content !== contentKey) lastAttempt.current = { content: contentKey, clientKey: newCorrelationId() };
        const accepted = await api.createAppeal({ ...content, clientKey: lastAttempt.current.clientKey });
        return { appealId: accepted.appealId, moName: area.moName };
      };
      run().then(
        (done) => {
          if (!mounted.current) return;
          lastAttempt.current = null;
          setSending(false);
          setConfirming(null);
          setSent(done);
          onCreated(done.appealId);
        },
        (failure: unknown) => {
          if (!mounted.current) return;
          setSending(false);
          setConfirming(null);
          if (isApiError(failure) && failure.code === 'not_found') {
            setAddressNotFound(true);
            setIssueVersion((n) => n + 1);
            return;
          }
          setError(failure);
        },
      );
    },
    [api, patientId, callId, onCreated],
  );

  return {
    fields,
    setField,
    issues,
    addressNotFound,
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
    error,
    retry: () => {
      if (pending.current && !sending) send(pending.current);
    },
    dismissError: () => setError(null),
    sent,
    startNew: () => {
      touched.current = new Set();
      lastAttempt.current = null;
      pending.current = null;
      setSent(null);
      setError(null);
      setIssues({});
      setFields(prefill(EMPTY));
    },
  };
}
