import * as React from 'react';
import { render, waitFor } from '@testing-library/react';
import type { OutboxStatus } from '@eer/contract';
import { ApiError } from '../api/ApiError';
import { entry, outboxReports } from '../records/testSupport';
import { appealDelivery, homeVisitDelivery, pollOutbox, smsDelivery, useOutboxStatus, type OutboxPoll } from './useOutboxStatus';

const FAST = [1, 2, 4];
const status = (...entries: OutboxStatus['entries']): OutboxStatus => ({ clientKey: 'key-00000001', entries });

describe('pollOutbox', () => {
  it('reads after growing pauses until every entry is settled, reporting each read', async () => {
    const fetchStatus = outboxReports([entry('home_visit', 'accepted')], [entry('home_visit', 'delivered'), entry('mail', 'accepted')], [entry('home_visit', 'delivered'), entry('mail', 'delivered')]);
    const seen: OutboxStatus[] = [];
    const delays: number[] = [];
    const spy = jest.spyOn(global, 'setTimeout');
    const last = await pollOutbox(fetchStatus, 'key-00000001', { signal: new AbortController().signal, onStatus: (s) => seen.push(s), delays: FAST });
    delays.push(...spy.mock.calls.map((c) => c[1] as number).filter((ms) => FAST.includes(ms)));
    spy.mockRestore();
    expect(seen).toHaveLength(3);
    expect(last?.entries.map((e) => e.status)).toEqual(['delivered', 'delivered']);
    expect(delays).toEqual([1, 2, 4]);
  });

  it('stops at 404 (nothing queued), reads again after a failed read, and stops when aborted', async () => {
    const notFound = new ApiError({ code: 'not_found', status: 404, message: 'x', correlationId: 'c', retryable: false });
    const network = new ApiError({ code: 'network', status: 0, message: 'x', correlationId: 'c', retryable: true });
    const fetchStatus = jest.fn().mockRejectedValueOnce(network).mockRejectedValueOnce(notFound);
    expect(await pollOutbox(fetchStatus, 'k', { signal: new AbortController().signal, onStatus: jest.fn(), delays: FAST })).toBeNull();
    expect(fetchStatus).toHaveBeenCalledTimes(2);

    const controller = new AbortController();
    const forever = jest.fn(() => Promise.resolve(status(entry('appeal', 'accepted'))));
    const done = pollOutbox(forever, 'k', { signal: controller.signal, onStatus: jest.fn(), delays: [1, 1000] });
    await waitFor(() => expect(forever).toHaveBeenCalledTimes(1));
    controller.abort();
    await done;
    expect(forever).toHaveBeenCalledTimes(1);
  });
});

describe('useOutboxStatus', () => {
  it('follows a key live and stops reading on unmount', async () => {
    const fetchStatus = jest.fn(() => Promise.resolve(status(entry('appeal', 'accepted'))));
    const seen: { current: OutboxPoll | null } = { current: null };
    function Probe({ clientKey }: { clientKey: string | null }) {
      seen.current = useOutboxStatus(fetchStatus, clientKey, FAST);
      return null;
    }
    const view = render(<Probe clientKey={null} />);
    expect(seen.current).toEqual({ status: null, polling: false });
    view.rerender(<Probe clientKey="key-00000001" />);
    await waitFor(() => expect(seen.current?.status?.entries[0]?.status).toBe('accepted'));
    expect(seen.current?.polling).toBe(true);
    await waitFor(() => expect(fetchStatus.mock.calls.length).toBeGreaterThan(2));
    view.unmount();
    const reads = fetchStatus.mock.calls.length;
    await new Promise((r) => setTimeout(r, 30));
    expect(fetchStatus.mock.calls.length).toBe(reads);
  });
});

describe('delivery of a request from its outbox entries', () => {
  it('home visit: queued, accepted by the MIS, delivered once the MO was mailed, failed with the reason', () => {
    expect(homeVisitDelivery(null)).toBeNull();
    expect(homeVisitDelivery(status(entry('home_visit', 'accepted', { reason: 'МИС недоступна' })))).toEqual({ state: 'queued', reason: 'МИС недоступна' });
    expect(homeVisitDelivery(status(entry('home_visit', 'delivered', { resultId: 'hv-1' }), entry('mail', 'accepted')))).toEqual({ state: 'accepted', resultId: 'hv-1' });
    expect(homeVisitDelivery(status(entry('home_visit', 'delivered', { resultId: 'hv-1' }), entry('mail', 'delivered')))).toEqual({ state: 'delivered', resultId: 'hv-1' });
    expect(homeVisitDelivery(status(entry('home_visit', 'failed', { reason: 'Нет МО' })))).toEqual({ state: 'failed', reason: 'Нет МО' });
  });

  it('appeal: accepted once the MIS registered it; SMS: sent', () => {
    expect(appealDelivery(status(entry('appeal', 'delivered', { resultId: 'ap-1' })))).toEqual({ state: 'accepted', resultId: 'ap-1' });
    expect(appealDelivery(status(entry('sms', 'delivered')))).toBeNull();
    expect(smsDelivery(status(entry('sms', 'delivered')))).toEqual({ state: 'delivered' });
    expect(smsDelivery(status(entry('sms', 'failed', { reason: 'Шлюз отказал' })))).toEqual({ state: 'failed', reason: 'Шлюз отказал' });
  });
});
