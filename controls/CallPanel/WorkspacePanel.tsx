import * as React from 'react';
import type { Announcement, CallAbandoned, CallEnded, CallNotification, CallTaken, ClaimCallResult, Lang } from '@eer/contract';
import { isApiError } from '../shared/api/ApiError';
import type { ConnectionStatus } from '../shared/components/ConnectionBadge';
import { useNow } from '../shared/hooks/useNow';
import { format, type Strings } from '../shared/pcf/strings';
import { currentAnnouncements } from './Announcements';
import { callerText, dateTimeText, topicText } from './callFormat';
import type { CallRecords } from './callRecords';
import { failureView } from './errors';
import type { ClaimPhase } from './IncomingCall';
import type { CallPanelStringKey } from './strings';
import { WorkspaceView } from './WorkspaceView';

/** The function-app operations of the start window. */
export interface CallDesk {
  listWaitingCalls(signal: AbortSignal): Promise<CallNotification[]>;
  listAnnouncements(signal: AbortSignal): Promise<Announcement[]>;
  claimCall(telephonyCallId: string): Promise<ClaimCallResult>;
}

/** What the realtime connection pushes (contract PUSH_TARGETS). */
export interface PushHandlers {
  callOffered(notification: CallNotification): void;
  callTaken(taken: CallTaken): void;
  callEnded(ended: CallEnded): void;
  callAbandoned(abandoned: CallAbandoned): void;
  announcement(announcement: Announcement): void;
}

export interface WorkspacePanelProps {
  desk: CallDesk;
  connection: ConnectionStatus;
  /** Grows each time the connection is (re)established: what was missed meanwhile is read again over HTTP. */
  connectedEpoch: number;
  /** Starts listening to pushes; returns the function that stops. */
  subscribe: (handlers: PushHandlers) => () => void;
  records: CallRecords;
  /** Opens the call record just created (the call form); the control is gone after it. */
  openCall: (recordId: string) => Promise<void>;
  readOnly: boolean;
  narrow: boolean;
  lang: Lang;
  strings: Strings<CallPanelStringKey>;
}

type Failure = { error: unknown; title: string; retry?: () => void } | null;

function byArrival(a: CallNotification, b: CallNotification): number {
  return Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
}

/**
 * The start window (manual §2): current announcements (HTTP on load and on every reconnect, then pushes), incoming
 * calls (pushes, and `listWaitingCalls` on every reconnect so none is missed), Ответить → claim → create the call
 * record → open it. Only the claim's winner goes on; the others see the offer disappear (`callTaken`).
 */
export function WorkspacePanel(props: WorkspacePanelProps): JSX.Element {
  const { desk, connection, connectedEpoch, subscribe, records, openCall, readOnly, narrow, lang, strings } = props;
  const [offers, setOffers] = React.useState<CallNotification[]>([]);
  const [news, setNews] = React.useState<Announcement[]>([]);
  const [newsLoading, setNewsLoading] = React.useState(true);
  const [phase, setPhase] = React.useState<ClaimPhase>('idle');
  const [notice, setNotice] = React.useState<string | null>(null);
  const [failure, setFailure] = React.useState<Failure>(null);
  const [liveText, setLiveText] = React.useState('');
  const [newsAttempt, setNewsAttempt] = React.useState(0);
  // Calls this operator cancelled: a re-read on reconnect must not bring them back.
  const declined = React.useRef(new Set<string>());
  // Records already created per telephony call: a retry after a failed navigation must not create a second one.
  const created = React.useRef(new Map<string, string>());
  const now = useNow(30_000);

  // Pushes that arrived while a re-read was in flight are newer than its answer: applied on top of it.
  const sinceRead = React.useRef({ added: new Map<string, CallNotification>(), removed: new Set<string>(), news: new Map<string, Announcement>() });

  const remove = React.useCallback((telephonyCallId: string) => {
    sinceRead.current.added.delete(telephonyCallId);
    sinceRead.current.removed.add(telephonyCallId);
    setOffers((list) => list.filter((o) => o.telephonyCallId !== telephonyCallId));
  }, []);

  const stringsRef = React.useRef(strings);
  stringsRef.current = strings;

  // Pushes.
  React.useEffect(
    () =>
      subscribe({
        callOffered(n) {
          if (declined.current.has(n.telephonyCallId)) return;
          sinceRead.current.removed.delete(n.telephonyCallId);
          sinceRead.current.added.set(n.telephonyCallId, n);
          setOffers((list) => [...list.filter((o) => o.telephonyCallId !== n.telephonyCallId), n].sort(byArrival));
          const s = stringsRef.current;
          setLiveText(format(s.Incoming_Announce, callerText(n.callerNumber, s), topicText(n.ivrDigit, s)));
        },
        callTaken: (t) => remove(t.telephonyCallId),
        callEnded: (e) => remove(e.telephonyCallId),
        callAbandoned: (e) => remove(e.telephonyCallId),
        announcement(a) {
          sinceRead.current.news.set(a.id, a);
          setNews((list) => [a, ...list.filter((x) => x.id !== a.id)]);
          setLiveText(format(stringsRef.current.News_New, a.title));
        },
      }),
    [subscribe, remove],
  );

  // What is current now: on load and after every (re)connect.
  React.useEffect(() => {
    const controller = new AbortController();
    const since = { added: new Map<string, CallNotification>(), removed: new Set<string>(), news: new Map<string, Announcement>() };
    sinceRead.current = since;
    setNewsLoading(true);
    desk.listAnnouncements(controller.signal).then(
      (list) => {
        if (controller.signal.aborted) return;
        setNews([...since.news.values(), ...list.filter((a) => !since.news.has(a.id))]);
        setNewsLoading(false);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setNewsLoading(false);
        setFailure({ error, title: stringsRef.current.Error_Announcements, retry: () => setNewsAttempt((n) => n + 1) });
      },
    );
    desk.listWaitingCalls(controller.signal).then(
      (list) => {
        if (controller.signal.aborted) return;
        const merged = list.filter((o) => !declined.current.has(o.telephonyCallId) && !since.removed.has(o.telephonyCallId));
        for (const pushed of since.added.values()) {
          if (!merged.some((o) => o.telephonyCallId === pushed.telephonyCallId)) merged.push(pushed);
        }
        setOffers(merged.sort(byArrival));
      },
      () => {
        // pushes still bring new calls; the next reconnect reads again
      },
    );
    return () => controller.abort();
  }, [desk, connectedEpoch, newsAttempt]);

  const offer = offers[0] ?? null;

  const answer = async (): Promise<void> => {
    if (!offer || phase !== 'idle' || readOnly) return;
    const id = offer.telephonyCallId;
    setNotice(null);
    setFailure(null);
    setPhase('claiming');
    try {
      const claim = await desk.claimCall(id);
      if (!claim.claimed) {
        remove(id);
        setNotice(strings.Incoming_TakenByOther);
        setPhase('idle');
        return;
      }
      setPhase('opening');
      let recordId = created.current.get(id);
      if (recordId === undefined) {
        const answeredAt = new Date();
        recordId = await records.createCall(offer, claim.operatorId, answeredAt, format(strings.Record_Name, dateTimeText(answeredAt.toISOString(), lang)));
        created.current.set(id, recordId);
      }
      await openCall(recordId);
    } catch (error) {
      setPhase('idle');
      if (isApiError(error) && error.code === 'not_found') {
        remove(id);
        setNotice(strings.Incoming_Gone);
        return;
      }
      setFailure({ error, title: strings.Error_Claim, retry: () => void answer() });
    }
  };

  const decline = () => {
    if (!offer || phase !== 'idle') return;
    declined.current.add(offer.telephonyCallId);
    remove(offer.telephonyCallId);
  };

  const view = failure ? failureView(failure.error, lang, strings) : null;
  return (
    <WorkspaceView
      connection={connection}
      offer={offer}
      queued={Math.max(0, offers.length - 1)}
      phase={phase}
      announcements={currentAnnouncements(news, now)}
      announcementsLoading={newsLoading}
      notice={notice}
      error={view && failure ? { view, title: failure.title, onRetry: failure.retry } : null}
      liveText={liveText}
      readOnly={readOnly}
      narrow={narrow}
      lang={lang}
      now={new Date(now)}
      strings={strings}
      onAnswer={() => void answer()}
      onDecline={decline}
      onDismissError={() => setFailure(null)}
    />
  );
}
