/**
 * The slot picker's container hook: every request and every piece of state of manual §4, so the components stay
 * pure. What happens without a click: a bound patient loads their card and specialties, the district mode searches
 * the district doctor's free time at once (with `nearest`), and the first day with free time is chosen.
 */
import * as React from 'react';
import {
  validate,
  SlotSearchQuery,
  type DayWithFreeTime,
  type Doctor,
  type FieldIssue,
  type Lang,
  type PatientCard,
  type Slot,
  type SlotSearchResult,
  type Specialty,
  type Ticket,
} from '@eer/contract';
import { useDebouncedSearch, type SearchStatus } from '../shared/hooks/useDebouncedSearch';
import { newCorrelationId } from '../shared/api/client';
import { isApiError } from '../shared/api/ApiError';
import { addDays, defaultInterval, regionDateOf, regionToday } from './dates';
import { narrowChoices, type SlotApi } from './slotApi';

export type BookingMode = 'district' | 'narrow';

export interface SlotPickerOptions {
  /** Null until the function app is configured (settings still loading or missing). */
  api: SlotApi | null;
  patientId: string | null;
  defaultMode: BookingMode;
  /** Length of the default interval: today and the next periodDays − 1 days. */
  periodDays: number;
  /** How far back the ticket list goes (a complaint is usually about a past visit). */
  ticketHistoryDays: number;
  readOnly: boolean;
  lang: Lang;
  /** The call record the bookings belong to. */
  callId?: string;
  onBooked: (ticketId: string) => void;
  onComplaint: (ticketId: string) => void;
  now?: () => Date;
}

interface SearchRequest {
  patientId: string;
  specialtyCode: string;
  from: string;
  to: string;
  /** Bumped by «Поиск» and refreshes, so the same query runs again. */
  n: number;
}

interface SearchAnswer {
  request: SearchRequest;
  result: SlotSearchResult;
}

export type Notice =
  | { kind: 'booked'; ticket: Ticket; smsSent: boolean }
  | { kind: 'taken' }
  | { kind: 'cancelled'; ticket: Ticket; smsSent: boolean }
  | { kind: 'complaint'; ticket: Ticket }
  | { kind: 'exported'; filename: string };

export interface PendingBooking {
  slot: Slot;
  doctor: Doctor | undefined;
  /** Generated once per attempt: a retry after a timeout sends the same key and gets the same ticket. */
  clientKey: string;
  /** The operator's choice; null follows the patient's SMS consent (also when the card arrives later). */
  notifySms: boolean | null;
}

export interface PendingCancellation {
  ticket: Ticket;
  clientKey: string;
}

export interface Loadable<T> {
  status: SearchStatus;
  data: T | undefined;
  error: unknown;
  retry: () => void;
}

export interface SlotPickerModel {
  mode: BookingMode;
  setMode: (mode: BookingMode) => void;
  from: string;
  to: string;
  setFrom: (date: string) => void;
  setTo: (date: string) => void;
  intervalIssues: FieldIssue[];
  /** Runs the search for the current target and interval («Поиск»). */
  runSearch: () => void;
  /** The patient's specialties: the search waits for them. */
  specialties: Loadable<unknown>;
  /** The patient's card: SMS consent and attachment; null until read. */
  card: PatientCard | null;
  cardState: Loadable<PatientCard>;
  district: Specialty | null;
  narrowOptions: Specialty[];
  narrowSelected: Specialty | null;
  chooseNarrow: (code: string | null) => void;
  /** The current target's search: data only when it answers the current target (never another mode's days). */
  search: Loadable<SlotSearchResult> & { searching: boolean };
  days: DayWithFreeTime[];
  selectedDate: string | null;
  selectDate: (date: string) => void;
  doctorsById: ReadonlyMap<string, Doctor>;
  moNames: ReadonlyMap<string, string>;
  pending: PendingBooking | null;
  openBooking: (slot: Slot) => void;
  setNotifySms: (value: boolean) => void;
  confirmBooking: () => void;
  closeBooking: () => void;
  booking: { busy: boolean; error: unknown };
  notice: Notice | null;
  dismissNotice: () => void;
  /** The schedule file was handed to the browser. */
  notifyExported: (filename: string) => void;
  tickets: Loadable<Ticket[]>;
  pendingCancel: PendingCancellation | null;
  openCancel: (ticket: Ticket) => void;
  confirmCancel: () => void;
  closeCancel: () => void;
  cancelling: { busy: boolean; error: unknown };
  complain: (ticket: Ticket) => void;
  readOnly: boolean;
}

function loadable<T>(state: { status: SearchStatus; data: T | undefined; error: unknown; retry: () => void }): Loadable<T> {
  return { status: state.status, data: state.data, error: state.error, retry: state.retry };
}

/** True while the component is mounted: late answers after unmount are dropped. */
function useMounted(): React.MutableRefObject<boolean> {
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  return mounted;
}

export function useSlotPicker(options: SlotPickerOptions): SlotPickerModel {
  const { api, patientId, lang, readOnly, callId } = options;
  const now = options.now ?? (() => new Date());
  const mounted = useMounted();
  const latest = React.useRef(options);
  latest.current = options;

  const [mode, setModeState] = React.useState<BookingMode>(options.defaultMode);
  const initial = React.useMemo(() => defaultInterval(options.periodDays, now()), []);
  const [from, setFrom] = React.useState(initial.from);
  const [to, setTo] = React.useState(initial.to);
  const [intervalIssues, setIntervalIssues] = React.useState<FieldIssue[]>([]);
  const [narrowCode, setNarrowCode] = React.useState<string | null>(null);
  const [request, setRequest] = React.useState<SearchRequest | null>(null);
  const [selected, setSelected] = React.useState<string | null>(null);
  const [bookedSlotIds, setBookedSlotIds] = React.useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = React.useState<PendingBooking | null>(null);
  const [booking, setBooking] = React.useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [pendingCancel, setPendingCancel] = React.useState<PendingCancellation | null>(null);
  const [cancelling, setCancelling] = React.useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const [ticketsRound, setTicketsRound] = React.useState(0);

  // A new patient starts afresh: nothing of the previous one may stay on screen.
  React.useEffect(() => {
    setNarrowCode(null);
    setSelected(null);
    setBookedSlotIds(new Set());
    setPending(null);
    setPendingCancel(null);
    setNotice(null);
    setIntervalIssues([]);
    const fresh = defaultInterval(latest.current.periodDays, (latest.current.now ?? (() => new Date()))());
    setFrom(fresh.from);
    setTo(fresh.to);
  }, [patientId]);

  // ---- the patient's context, three independent requests: the search waits only for the specialties; the card
  // (SMS consent, attachment MO) and the analysts' narrow list arrive alongside.
  const patientQuery = api && patientId ? { patientId } : null;
  const specialties = useDebouncedSearch(patientQuery, (q, signal) => api!.specialties({ patientId: q.patientId }, signal).then((list) => ({ patientId: q.patientId, list })), {
    delayMs: 0,
  });
  const cardState = useDebouncedSearch(patientQuery, (q, signal) => api!.patient(q.patientId, signal), { delayMs: 0 });
  const configured = useDebouncedSearch(api ? {} : null, () => api!.configuredNarrow(), { delayMs: 0 });
  const offered = specialties.data?.patientId === patientId ? specialties.data.list : undefined;
  const card = cardState.data?.misId === patientId ? cardState.data : null;
  const district = offered?.find((s) => s.kind === 'district') ?? null;
  const narrowOptions = React.useMemo(() => narrowChoices(offered ?? [], configured.data ?? null), [offered, configured.data]);
  const narrowSelected = narrowOptions.find((s) => s.code === narrowCode) ?? null;
  const targetCode = mode === 'district' ? district?.code : narrowSelected?.code;

  // The target changed (patient known, mode switched, a specialty chosen): search at once, no «Поиск» needed.
  React.useEffect(() => {
    if (!patientId || !targetCode) {
      setRequest(null);
      return;
    }
    setRequest((r) => ({ patientId, specialtyCode: targetCode, from, to, n: r ? r.n + 1 : 0 }));
    setSelected(null);
    // the interval is read when the target changes; editing it alone waits for «Поиск»
  }, [patientId, targetCode]);

  const searchState = useDebouncedSearch<SearchRequest, SearchAnswer>(
    api ? request : null,
    async (r, signal) => ({
      request: r,
      result: await api!.search({ patientId: r.patientId, specialtyCode: r.specialtyCode, from: r.from, to: r.to, nearest: true }, signal),
    }),
    { delayMs: 0 },
  );
  const answer = searchState.data;
  const current = answer && request && answer.request.patientId === request.patientId && answer.request.specialtyCode === request.specialtyCode ? answer.result : undefined;

  const days = React.useMemo(() => {
    if (!current) return [];
    return current.days
      .map((d) => {
        const slots = d.slots.filter((s) => !bookedSlotIds.has(s.id));
        return { ...d, slots, freeCount: slots.length };
      })
      .filter((d) => d.slots.length > 0);
  }, [current, bookedSlotIds]);
  // The chosen day while it still has free time, else the first day with free time.
  const selectedDate = days.find((d) => d.date === selected)?.date ?? days[0]?.date ?? null;

  const doctorsById = React.useMemo(() => new Map((current?.doctors ?? []).map((d) => [d.id, d])), [current]);

  // MO names: the patient's own MO from the card; others (a doctor of another MO, or no card) from the organisations
  // list, read only then — never while the card is still on its way.
  const attachment = card?.attachment ?? null;
  const cardSettled = card !== null || cardState.status === 'error';
  const needOrganisations = api !== null && cardSettled && (current?.doctors ?? []).some((d) => d.moId !== attachment?.moId);
  const organisations = useDebouncedSearch(needOrganisations ? {} : null, (_q: object, signal) => api!.organisations(signal), { delayMs: 0 });
  const moNames = React.useMemo(() => {
    const names = new Map<string, string>();
    for (const mo of organisations.data ?? []) names.set(mo.id, mo.shortName);
    if (attachment) names.set(attachment.moId, attachment.moName);
    return names;
  }, [organisations.data, attachment]);

  // ---- tickets: from ticketHistoryDays back (past visits for complaints), refreshed after a booking or a cancellation
  const ticketsFrom = addDays(regionToday(now()), -Math.max(0, options.ticketHistoryDays));
  const tickets = useDebouncedSearch(
    api && patientId ? { patientId, from: ticketsFrom, n: ticketsRound } : null,
    (q, signal) => api!.tickets(q.patientId, { from: q.from }, signal),
    { delayMs: 0 },
  );
  const refreshTickets = React.useCallback(() => setTicketsRound((n) => n + 1), []);
  const refreshSearch = React.useCallback(() => setRequest((r) => (r ? { ...r, n: r.n + 1 } : r)), []);

  const runSearch = React.useCallback(() => {
    if (!patientId || !targetCode) return;
    const checked = validate(SlotSearchQuery, { patientId, specialtyCode: targetCode, from, to }, lang);
    if (!checked.success) {
      setIntervalIssues(checked.issues);
      return;
    }
    setIntervalIssues([]);
    setSelected(null);
    setRequest((r) => ({ patientId, specialtyCode: targetCode, from, to, n: r ? r.n + 1 : 0 }));
  }, [patientId, targetCode, from, to, lang]);

  const setMode = React.useCallback((next: BookingMode) => {
    setModeState(next);
    setNotice(null);
  }, []);

  // ---- booking
  const openBooking = React.useCallback(
    (slot: Slot) => {
      if (readOnly || booking.busy) return;
      setBooking({ busy: false, error: null });
      setPending({ slot, doctor: doctorsById.get(slot.doctorId), clientKey: newCorrelationId(), notifySms: null });
    },
    [readOnly, booking.busy, doctorsById],
  );
  const setNotifySms = React.useCallback((value: boolean) => setPending((p) => (p ? { ...p, notifySms: value } : p)), []);
  const closeBooking = React.useCallback(() => {
    if (!booking.busy) setPending(null);
  }, [booking.busy]);

  const bookingInFlight = React.useRef(false);
  const confirmBooking = React.useCallback(() => {
    if (!api || !pending || !patientId || bookingInFlight.current) return;
    bookingInFlight.current = true;
    setBooking({ busy: true, error: null });
    const attempt = pending;
    const notifySms = attempt.notifySms ?? card?.smsConsent ?? false;
    api
      .book({ patientId, slotId: attempt.slot.id, clientKey: attempt.clientKey, notifySms, ...(callId ? { callId } : {}) })
      .then(
        (confirmation) => {
          // Recorded on the call even when the window has gone meanwhile (another patient chosen): the MIS has the ticket.
          latest.current.onBooked(confirmation.ticket.id);
          if (!mounted.current) return;
          setPending(null);
          setBooking({ busy: false, error: null });
          setBookedSlotIds((ids) => new Set(ids).add(attempt.slot.id));
          setNotice({ kind: 'booked', ticket: confirmation.ticket, smsSent: confirmation.smsSent });
          refreshTickets();
          refreshSearch();
        },
        (error: unknown) => {
          if (!mounted.current) return;
          if (isApiError(error) && error.code === 'slot_taken') {
            // Someone else took the time: show the day as it is now, keep the operator on that day.
            setPending(null);
            setBooking({ busy: false, error: null });
            setNotice({ kind: 'taken' });
            setSelected(regionDateOf(attempt.slot.start));
            refreshSearch();
            return;
          }
          // Stays open with the error: ОК again retries with the same clientKey.
          setBooking({ busy: false, error });
        },
      )
      .finally(() => {
        bookingInFlight.current = false;
      });
  }, [api, pending, patientId, callId, card, mounted, refreshTickets, refreshSearch]);

  // ---- cancellation and complaint
  const openCancel = React.useCallback(
    (ticket: Ticket) => {
      if (readOnly) return;
      setCancelling({ busy: false, error: null });
      setPendingCancel({ ticket, clientKey: newCorrelationId() });
    },
    [readOnly],
  );
  const closeCancel = React.useCallback(() => {
    if (!cancelling.busy) setPendingCancel(null);
  }, [cancelling.busy]);
  const cancelInFlight = React.useRef(false);
  const confirmCancel = React.useCallback(() => {
    if (!api || !pendingCancel || !patientId || cancelInFlight.current) return;
    cancelInFlight.current = true;
    setCancelling({ busy: true, error: null });
    const attempt = pendingCancel;
    api
      .cancel({ patientId, ticketId: attempt.ticket.id, clientKey: attempt.clientKey, notifySms: card?.smsConsent ?? false })
      .then(
        (result) => {
          if (!mounted.current) return;
          setPendingCancel(null);
          setCancelling({ busy: false, error: null });
          setNotice({ kind: 'cancelled', ticket: attempt.ticket, smsSent: result.smsSent });
          refreshTickets();
          refreshSearch();
        },
        (error: unknown) => {
          if (mounted.current) setCancelling({ busy: false, error });
        },
      )
      .finally(() => {
        cancelInFlight.current = false;
      });
  }, [api, pendingCancel, patientId, card, mounted, refreshTickets, refreshSearch]);

  const complain = React.useCallback(
    (ticket: Ticket) => {
      if (readOnly) return;
      latest.current.onComplaint(ticket.id);
      setNotice({ kind: 'complaint', ticket });
    },
    [readOnly],
  );

  return {
    mode,
    setMode,
    from,
    to,
    setFrom,
    setTo,
    intervalIssues,
    runSearch,
    specialties: loadable(specialties),
    card,
    cardState: loadable(cardState),
    district,
    narrowOptions,
    narrowSelected,
    chooseNarrow: setNarrowCode,
    search: { ...loadable(searchState), data: current, searching: searchState.status === 'loading' || searchState.status === 'waiting' },
    days,
    selectedDate,
    selectDate: setSelected,
    doctorsById,
    moNames,
    pending,
    openBooking,
    setNotifySms,
    confirmBooking,
    closeBooking,
    booking,
    notice,
    dismissNotice: () => setNotice(null),
    notifyExported: (filename: string) => setNotice({ kind: 'exported', filename }),
    tickets: loadable(tickets),
    pendingCancel,
    openCancel,
    confirmCancel,
    closeCancel,
    cancelling,
    complain,
    readOnly,
  };
}
