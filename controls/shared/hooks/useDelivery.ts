import * as React from 'react';
import type { OutboxStatus } from '@eer/contract';
import { useOutboxStatus, type Delivery, type FetchOutboxStatus } from './useOutboxStatus';

export interface FollowedRequest {
  clientKey: string;
  /** What the create answered. */
  initial: Delivery;
  /** Read the outbox: the answer was not final (queued, or the notice still on its way). */
  follow: boolean;
}

/**
 * The live delivery of a request the form sent: the create's answer, then the outbox's reports under its client key
 * (`map` reads the entries of its kind). `onChange` runs on each new state or MIS number (the form updates its CRM row).
 */
export function useDelivery(
  fetchStatus: FetchOutboxStatus,
  request: FollowedRequest | null,
  map: (status: OutboxStatus | null) => Delivery | null,
  onChange: (delivery: Delivery) => void,
  delays?: readonly number[],
): { delivery: Delivery | null; polling: boolean } {
  const poll = useOutboxStatus(fetchStatus, request?.follow ? request.clientKey : null, delays);
  const delivery = request ? (map(poll.status) ?? request.initial) : null;
  const latest = React.useRef(onChange);
  latest.current = onChange;
  const mark = delivery ? `${request?.clientKey ?? ''}|${delivery.state}|${delivery.resultId ?? ''}` : null;
  React.useEffect(() => {
    // The row was created with the first state; a change with the same columns writes nothing.
    if (delivery) latest.current(delivery);
  }, [mark]);
  return { delivery, polling: poll.polling };
}
