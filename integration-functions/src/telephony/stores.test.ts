import type { CallNotification } from '@eer/contract';
import { startAzuriteTables, type AzuriteTables } from '@eer/local';
import { memoryStores, type MemoryStoreOptions, type TelephonyStores } from './stores';
import { tableStores } from './tableStores';

function offer(id: string, operatorId?: string, occurredAt = '2025-01-01T10:00:00+03:00'): CallNotification {
  return { type: 'offered', eventId: `e-${id}`, telephonyCallId: id, occurredAt, callerNumber: null, line: '122', ivrDigit: 3, operatorId, candidates: [], claimable: operatorId === undefined };
}

function storeContract(make: (options?: MemoryStoreOptions) => Promise<TelephonyStores>): void {
  it('remembers event ids once, and forgets on request', async () => {
    const { events } = await make();
    expect(await events.remember('e1')).toBe(true);
    expect(await events.remember('e1')).toBe(false);
    await events.forget('e1');
    expect(await events.remember('e1')).toBe(true);
  });

  it('lets exactly one of many concurrent claims win a group call; the others learn the winner', async () => {
    const { calls } = await make();
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
    const { calls } = await make();
    await calls.offer(offer('c2', 'op-1'));
    expect(await calls.claim('c2', 'op-2')).toEqual({ claimed: false, operatorId: 'op-1', won: false });
    expect(await calls.claim('c2', 'op-1')).toEqual({ claimed: true, operatorId: 'op-1', won: true });
  });

  it('ignores an offer that arrives after the call closed, and claims of closed or unknown calls', async () => {
    const { calls } = await make();
    expect(await calls.close('c3')).toBeUndefined();
    expect(await calls.offer(offer('c3'))).toBe('closed');
    expect(await calls.claim('c3', 'op-1')).toBeUndefined();
    expect(await calls.claim('nope', 'op-1')).toBeUndefined();
  });

  it('lists what a (re)connecting operator must see, oldest first', async () => {
    const { calls } = await make();
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
    const { calls } = await make({ now: () => t, waitingTtlMs: 1000 });
    await calls.offer(offer('c4'));
    await calls.claim('c4', 'op-1');
    expect(await calls.heldBy('op-1')).toBe('c4');
    t = 1001;
    expect(await calls.heldBy('op-1')).toBeUndefined();
    expect(await calls.waitingFor('op-1', true)).toEqual([]);
  });

  it('lists current announcements newest first; expired ones drop out', async () => {
    const { announcements } = await make({ announcementTtlMs: 60_000 });
    const base = { title: 't', text: 'x', severity: 'info' as const };
    await announcements.add({ ...base, id: 'a', publishedAt: '2025-01-01T10:00:00Z' });
    await announcements.add({ ...base, id: 'b', publishedAt: '2025-01-01T10:00:30Z', expiresAt: '2025-01-02T00:00:00Z' });
    await announcements.add({ ...base, id: 'c', publishedAt: '2025-01-01T09:00:00Z' });
    expect((await announcements.current(new Date('2025-01-01T10:00:40Z'))).map((a) => a.id)).toEqual(['b', 'a']);
    expect((await announcements.current(new Date('2025-01-01T12:00:00Z'))).map((a) => a.id)).toEqual(['b']);
  });
}

describe('memory telephony stores (one instance)', () => {
  storeContract(async (options) => memoryStores(options));
});

describe('Azure Table Storage telephony stores (shared by all instances), against Azurite', () => {
  let azurite: AzuriteTables;
  let tables = 0;
  // A fresh set of tables per test, so tests do not see each other's calls.
  const make = async (options: MemoryStoreOptions = {}) => tableStores({ connectionString: azurite.connectionString, tablePrefix: `t${++tables}x${Date.now() % 100000}`, ...options });
  beforeAll(async () => {
    azurite = await startAzuriteTables();
  }, 30_000);
  afterAll(async () => azurite?.stop());

  storeContract(make);

  it('lets exactly one claim win when 20 race from two function instances (separate clients, ETag-conditional writes)', async () => {
    const prefix = `race${Date.now() % 100000}`;
    const instanceA = tableStores({ connectionString: azurite.connectionString, tablePrefix: prefix });
    const instanceB = tableStores({ connectionString: azurite.connectionString, tablePrefix: prefix });
    await instanceA.calls.offer(offer('c-race'));
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? instanceA : instanceB).calls.claim('c-race', `op-${i}`)));
    const winners = results.filter((r) => r?.won);
    expect(winners).toHaveLength(1);
    expect(new Set(results.map((r) => r?.operatorId))).toEqual(new Set([winners[0]!.operatorId]));
    expect(await instanceB.calls.heldBy(winners[0]!.operatorId)).toBe('c-race');
    // the same event delivered to both instances at once is relayed by one
    const remembered = await Promise.all([instanceA.events.remember('ev-1'), instanceB.events.remember('ev-1')]);
    expect(remembered.sort()).toEqual([false, true]);
  });
});
