import * as React from 'react';
import type { OutboxEntry, OutboxKind, OutboxStatus } from '@eer/contract';
import { isApiError } from '../api/ApiError';
import type { DeliveryState } from '../records/callRecords';

/** Pauses between two reads of `GET outbox/{clientKey}`: quick at first (the worker runs every 10 s), then a minute. */
export const OUTBOX_POLL_DELAYS_MS: readonly number[] = [2_000, 3_000, 5_000, 8_000, 13_000, 21_000, 34_000, 60_000];

export type FetchOutboxStatus = (clientKey: string, signal: AbortSignal) => Promise<OutboxStatus>;

/** Every entry under the key is out of `accepted`: nothing more will change. */
export function settled(status: OutboxStatus): boolean {
  return status.entries.length > 0 && status.entries.every((e) => e.status !== 'accepted');
}

/**
 * Reads the outbox entries of one client key until they are settled, the key is unknown (404: nothing was queued) or
 * `signal` aborts; the pause grows along `delays` (the last one repeats). A failed read (network, 5xx) is read again.
 */
export async function pollOutbox(
  fetchStatus: FetchOutboxStatus,
  clientKey: string,
  options: { signal: AbortSignal; onStatus: (status: OutboxStatus) => void; delays?: readonly number[]; firstDelay?: boolean },
): Promise<OutboxStatus | null> {
  const { signal, onStatus, delays = OUTBOX_POLL_DELAYS_MS, firstDelay = true } = options;
  let last: OutboxStatus | null = null;
  for (let n = 0; !signal.aborted; n += 1) {
    if (n > 0 || firstDelay) await pause(delays[Math.min(n, delays.length - 1)] ?? 60_000, signal);
    if (signal.aborted) break;
    try {
      last = await fetchStatus(clientKey, signal);
    } catch (error) {
      if (isApiError(error) && error.code === 'not_found') return last;
      continue;
    }
    if (signal.aborted) break;
    onStatus(last);
    if (settled(last)) return last;
  }
  return last;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

export interface OutboxPoll {
  /** The last report (null before the first one). */
  status: OutboxStatus | null;
  /** Still reading. */
  polling: boolean;
}

/**
 * What became of a request queued under `clientKey` (null: nothing to follow): read after growing pauses, live,
 * until settled; stops on unmount or when the key changes.
 */
export function useOutboxStatus(fetchStatus: FetchOutboxStatus, clientKey: string | null, delays?: readonly number[]): OutboxPoll {
  const [poll, setPoll] = React.useState<OutboxPoll & { key: string | null }>({ key: null, status: null, polling: false });
  const latest = React.useRef(fetchStatus);
  latest.current = fetchStatus;
  React.useEffect(() => {
    setPoll({ key: clientKey, status: null, polling: clientKey !== null });
    if (clientKey === null) return undefined;
    const controller = new AbortController();
    const onStatus = (status: OutboxStatus) => setPoll({ key: clientKey, status, polling: !settled(status) });
    void pollOutbox((key, signal) => latest.current(key, signal), clientKey, { signal: controller.signal, onStatus, delays }).then(() => {
      if (!controller.signal.aborted) setPoll((p) => (p.key === clientKey ? { ...p, polling: false } : p));
    });
    return () => controller.abort();
  }, [clientKey, delays]);
  // Until the effect of a new key has run, the old report is not this key's.
  return poll.key === clientKey ? { status: poll.status, polling: poll.polling } : { status: null, polling: clientKey !== null };
}

/** How one request stands, as the operator sees it. */
export interface Delivery {
  state: DeliveryState;
  /** Why it failed, or why the last attempt did while still queued (operator-safe text). */
  reason?: string;
  /** The receiver's number once delivered (the MIS request or appeal). */
  resultId?: string;
}

function entryOf(status: OutboxStatus | null, kind: OutboxKind): OutboxEntry | undefined {
  return status?.entries.find((e) => e.kind === kind);
}

function failedOrQueued(entry: OutboxEntry): Delivery | null {
  if (entry.status === 'failed') return { state: 'failed', reason: entry.reason };
  if (entry.status === 'accepted') return { state: 'queued', reason: entry.reason };
  return null;
}

/**
 * A home visit: failed when the MIS entry failed; queued while the MIS has not taken it; `delivered` once the
 * notice to the MO's mailbox went out, else `accepted` (the MIS has it). Null when the outbox says nothing of it.
 */
export function homeVisitDelivery(status: OutboxStatus | null): Delivery | null {
  const visit = entryOf(status, 'home_visit');
  if (!visit) return null;
  const open = failedOrQueued(visit);
  if (open) return open;
  return { state: entryOf(status, 'mail')?.status === 'delivered' ? 'delivered' : 'accepted', resultId: visit.resultId };
}

/** An appeal: failed, queued, or `accepted` once the MIS registered it (an appeal has no notice of its own). */
export function appealDelivery(status: OutboxStatus | null): Delivery | null {
  const appeal = entryOf(status, 'appeal');
  if (!appeal) return null;
  return failedOrQueued(appeal) ?? { state: 'accepted', resultId: appeal.resultId };
}

/** An SMS kept under the key of the action it confirms: queued, sent (`delivered`) or failed. */
export function smsDelivery(status: OutboxStatus | null): Delivery | null {
  const sms = entryOf(status, 'sms');
  if (!sms) return null;
  return failedOrQueued(sms) ?? { state: 'delivered' };
}
