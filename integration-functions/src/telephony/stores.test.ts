import type { CallNotification } from '@eer/contract';
import { memoryStores } from './stores';

function offer(id: string, operatorId?: string, occurredAt = '2025-01-01T10:00:00+03:00'): CallNotification {
  return { type: 'offered', eventId: `e-${id}`, telephonyCallId: id, occurredAt, callerNumber: null, line: '122', ivrDigit: 3, operatorId, candidates: [], claimable: operatorId === undefined };
}

describe('memory telephony stores (one instance)', () => {
  it('remembers event ids once, and forgets on request', async () => {
    const { events } = memoryStores();
    expect(await events.remember('e1')).toBe(true);
    expect(await events.remember('e1')).toBe(false);
    await events.forget('e1');
    expect(await events.remember('e1')).toBe(true);
  });

  it('lets exactly one of many concurrent claims win a group call; the others learn the winner', async () => {
    const { calls } = memoryStores();
    await calls.offer(offer('c1'));
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => calls.claim('c1', `op-${i}`)));
    const winners = results.filter((r) => r?.won);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!.operatorId;
    expect(results.every((r) => r?.operatorId === winner && r.claimed === (r.operatorId === winner && r.won))).toBe(true);
    // a retry by the winner is still a success, not a second win
    expect(await calls.claim('c1', winner)).toEqual({ claimed: true, operatorId: winner, won: false });
    expect(await calls.heldBy(winner)).toBe('c1');
  });

  it('lets only its operator take a targeted call', async () => {
    const { calls } = memoryStores();
    await calls.offer(offer('c2', 'op-1'));
    expect(await calls.claim('c2', 'op-2')).toEqual({ claimed: false, operatorId: 'op-1', won: false });
    expect(await calls.claim('c2', 'op-1')).toEqual({ claimed: true, operatorId: 'op-1', won: true });
  });

  it('ignores an offer that arrives after the call closed, and claims of closed or unknown calls', async () => {
    const { calls } = memoryStores();
    expect(await calls.close('c3')).toBeUndefined();
    expect(await calls.offer(offer('c3'))).toBe('closed');
    expect(await calls.claim('c3', 'op-1')).toBeUndefined();
    expect(await calls.claim('nope', 'op-1')).toBeUndefined();
  });

  it('lists what a (re)connecting operator must see, oldest first', async () => {
    const { calls } = memoryStores();
    await calls.offer(offer('g-late', undefined, '2025-01-01T10:05:00+03:00'));
    await calls.offer(offer('g-early', undefined, '2025-01-01T09:59:00+03:00'));
    await calls.offer(offer('t-mine', 'op-1'));
    await calls.offer(offer('t-other', 'op-2'));
    await calls.offer(offer('answered', 'op-1'));
    await calls.answer('answered', 'op-1');
    const ids = (list: CallNotification[]) => list.map((n) => n.telephonyCallId);
    expect(ids(await calls.waitingFor('op-1', true))).toEqual(['g-early', 't-mine', 'g-late']);
    expect(ids(await calls.waitingFor('op-1', false))).toEqual(['t-mine']);
    await calls.claim('g-early', 'op-3');
    expect(ids(await calls.waitingFor('op-1', true))).toEqual(['t-mine', 'g-late']);
    expect(ids(await calls.waitingFor('op-3', false))).toEqual(['g-early']);
  });

  it('drops waiting calls after their time-to-live, so a lost end event does not block forever', async () => {
    let t = 0;
    const { calls } = memoryStores({ now: () => t, waitingTtlMs: 1000 });
    await calls.offer(offer('c4'));
    await calls.claim('c4', 'op-1');
    expect(await calls.heldBy('op-1')).toBe('c4');
    t = 1001;
    expect(await calls.heldBy('op-1')).toBeUndefined();
    expect(await calls.waitingFor('op-1', true)).toEqual([]);
  });

  it('lists current announcements newest first; expired ones drop out', async () => {
    const { announcements } = memoryStores({ announcementTtlMs: 60_000 });
    const base = { title: 't', text: 'x', severity: 'info' as const };
    await announcements.add({ ...base, id: 'a', publishedAt: '2025-01-01T10:00:00Z' });
    await announcements.add({ ...base, id: 'b', publishedAt: '2025-01-01T10:00:30Z', expiresAt: '2025-01-02T00:00:00Z' });
    await announcements.add({ ...base, id: 'c', publishedAt: '2025-01-01T09:00:00Z' });
    expect((await announcements.current(new Date('2025-01-01T10:00:40Z'))).map((a) => a.id)).toEqual(['b', 'a']);
    expect((await announcements.current(new Date('2025-01-01T12:00:00Z'))).map((a) => a.id)).toEqual(['b']);
  });
});
