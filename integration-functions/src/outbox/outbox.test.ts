/**
 * The outbox rules against both stores — in memory and Azure Table Storage on Azurite (the local stack's way of
 * starting it) — with deliverers the test controls: write-ahead, retries with backoff, bounded attempts, one attempt
 * at a time across competing workers, purge.
 */
import { startAzuriteTables, type AzuriteTables } from '@eer/local';
import type { OutboxKind } from '@eer/contract';
import { AppError } from '../http/errors';
import { createOutbox, DeliveryError, entryOf, type Deliverer, type Delivered } from './engine';
import type { OutboxSettings } from './settings';
import { memoryOutboxStore, type OutboxStore } from './store';
import { tableOutboxStore } from './tableStore';

jest.setTimeout(60_000);

const settings: OutboxSettings = {
  store: 'memory',
  tableName: 'unused',
  maxAttempts: 3,
  retryBaseMs: 1_000,
  retryMaxMs: 4_000,
  leaseMs: 30_000,
  batch: 50,
  retentionDays: 1,
};

/** A receiver the test switches between up, down and refusing; it counts what it got per key. */
function receiver() {
  const got = new Map<string, number>();
  const state = { mode: 'up' as 'up' | 'down' | 'refuse' | 'hang' };
  const deliver = async (_payload: unknown, clientKey: string): Promise<Delivered> => {
    if (state.mode === 'down') throw new AppError('mis_unavailable');
    if (state.mode === 'refuse') throw new AppError('not_found');
    if (state.mode === 'hang') await new Promise((resolve) => setTimeout(resolve, 300));
    got.set(clientKey, (got.get(clientKey) ?? 0) + 1);
    return { resultId: `id-${clientKey}` };
  };
  return { got, state, deliver };
}

function outboxWith(store: OutboxStore, deliver: Deliverer, clock: { now: number }, mail: Deliverer = deliver) {
  const deliverers = { home_visit: deliver, appeal: deliver, sms: deliver, mail } as Record<OutboxKind, Deliverer>;
  return createOutbox({ store, settings, deliverers, now: () => clock.now, random: () => 0.5 });
}

const lines: string[] = [];
const log = (line: string) => lines.push(line);
let keys = 0;
const key = () => `key-${Date.now().toString(36)}-${++keys}`;

function rules(name: string, makeStore: () => OutboxStore) {
  describe(`outbox rules (${name})`, () => {
    it('delivers at once when the receiver is up; the same key again is the same item', async () => {
      const r = receiver();
      const clock = { now: Date.parse('2026-05-12T10:00:00Z') };
      const outbox = outboxWith(makeStore(), r.deliver as Deliverer, clock);
      const k = key();
      const first = await outbox.submit('appeal', k, { n: 1 }, log);
      expect(first).toMatchObject({ status: 'delivered', attempts: 1, resultId: `id-${k}` });
      const again = await outbox.submit('appeal', k, { n: 1 }, log);
      expect(again).toMatchObject({ status: 'delivered', resultId: `id-${k}` });
      expect(r.got.get(k)).toBe(1);
      expect(entryOf(again)).not.toHaveProperty('payload');
    });

    it('keeps an item while the receiver is down, retries with backoff and delivers once it is back', async () => {
      const r = receiver();
      const clock = { now: Date.parse('2026-05-12T10:00:00Z') };
      const store = makeStore();
      const outbox = outboxWith(store, r.deliver as Deliverer, clock);
      const k = key();
      r.state.mode = 'down';
      const queued = await outbox.submit('home_visit', k, { n: 2 }, log);
      expect(queued).toMatchObject({ status: 'accepted', attempts: 1, reasonCode: 'mis_unavailable', nextAttemptAt: '2026-05-12T10:00:01.000Z' });
      // not yet due: nothing happens
      expect(await outbox.deliverDue(log)).toMatchObject({ due: 0 });
      clock.now += 1_000;
      expect(await outbox.deliverDue(log)).toMatchObject({ due: 1, retried: 1 });
      expect(await outbox.find(k, 'home_visit')).toMatchObject({ attempts: 2, nextAttemptAt: '2026-05-12T10:00:03.000Z' });
      r.state.mode = 'up';
      clock.now += 2_000;
      expect(await outbox.deliverDue(log)).toMatchObject({ due: 1, delivered: 1 });
      expect(await outbox.find(k, 'home_visit')).toMatchObject({ status: 'delivered', attempts: 3, resultId: `id-${k}` });
      expect(r.got.get(k)).toBe(1);
    });

    it('gives up after the last attempt with the reason; a refusal fails at once', async () => {
      const r = receiver();
      const clock = { now: Date.parse('2026-05-12T10:00:00Z') };
      const outbox = outboxWith(makeStore(), r.deliver as Deliverer, clock);
      const k = key();
      r.state.mode = 'down';
      await outbox.submit('appeal', k, {}, log);
      for (let i = 0; i < 5; i++) {
        clock.now += 10_000;
        await outbox.deliverDue(log);
      }
      const failed = await outbox.find(k, 'appeal');
      expect(failed).toMatchObject({ status: 'failed', attempts: 3, reasonCode: 'mis_unavailable', reason: 'МИС недоступна, повторите позже' });
      expect(failed?.nextAttemptAt).toBeUndefined();
      // the operator tries again: a new series, delivered now
      r.state.mode = 'up';
      expect(await outbox.restart(failed!, log)).toMatchObject({ status: 'delivered', attempts: 1 });

      r.state.mode = 'refuse';
      expect(await outbox.submit('appeal', key(), {}, log)).toMatchObject({ status: 'failed', attempts: 1, reasonCode: 'not_found' });
    });

    it('runs follow-ups (the notice after a home visit) after the item, each with its own state', async () => {
      const clock = { now: Date.parse('2026-05-12T10:00:00Z') };
      let mailUp = false;
      const visit: Deliverer = (async () => ({ resultId: 'sr-1', followUps: [{ kind: 'mail', payload: { to: 'mo@x' } }] })) as Deliverer;
      const mail: Deliverer = (async () => {
        if (!mailUp) throw new DeliveryError('Почтовый сервер недоступен', true);
        return {};
      }) as Deliverer;
      const outbox = outboxWith(makeStore(), visit, clock, mail);
      const k = key();
      expect(await outbox.submit('home_visit', k, {}, log)).toMatchObject({ status: 'delivered', resultId: 'sr-1' });
      expect(await outbox.find(k, 'mail')).toMatchObject({ status: 'accepted', attempts: 1, reason: 'Почтовый сервер недоступен' });
      mailUp = true;
      clock.now += 1_000;
      expect(await outbox.deliverDue(log)).toMatchObject({ delivered: 1 });
      expect((await outbox.list(k)).map((r) => [r.kind, r.status]).sort()).toEqual([
        ['home_visit', 'delivered'],
        ['mail', 'delivered'],
      ]);
    });

    it('two workers racing over the same due items deliver each once', async () => {
      const r = receiver();
      const clock = { now: Date.parse('2026-05-12T10:00:00Z') };
      const store = makeStore();
      const a = outboxWith(store, r.deliver as Deliverer, clock);
      const b = outboxWith(store, r.deliver as Deliverer, clock);
      r.state.mode = 'down';
      const ks = Array.from({ length: 8 }, key);
      for (const k of ks) await a.submit('sms', k, {}, log);
      r.state.mode = 'hang';
      clock.now += 1_000;
      const [ra, rb] = await Promise.all([a.deliverDue(log), b.deliverDue(log)]);
      expect(ra.delivered + rb.delivered).toBe(8);
      for (const k of ks) expect(r.got.get(k)).toBe(1);
    });

    it('arms a follow-up when an item settles (the CRM row): stored, due once settled, left to the worker, re-armed after a restart', async () => {
      const r = receiver();
      const clock = { now: Date.parse('2026-05-12T10:00:00Z') };
      const store = makeStore();
      const synced: string[] = [];
      const crm = (async (_payload: unknown, clientKey: string, _log: unknown, attempt: number) => {
        synced.push(`${attempt}:${(await store.get(clientKey, 'appeal'))?.status}`);
        return {};
      }) as Deliverer;
      const deliver = r.deliver as Deliverer;
      const outbox = createOutbox({
        store,
        settings,
        deliverers: { home_visit: deliver, appeal: deliver, sms: deliver, mail: deliver, crm },
        onSettled: (record) => (record.kind === 'appeal' ? [{ kind: 'crm', payload: {} }] : []),
        now: () => clock.now,
        random: () => 0.5,
      });
      const k = key();
      r.state.mode = 'down';
      await outbox.submit('appeal', k, {}, log);
      expect(await store.get(k, 'crm')).toBeUndefined();
      clock.now += 1_000;
      await outbox.deliverDue(log);
      clock.now += 2_000;
      expect(await outbox.deliverDue(log)).toMatchObject({ due: 1, failed: 1 });
      expect(await store.get(k, 'crm')).toMatchObject({ status: 'accepted', attempts: 0, nextAttemptAt: new Date(clock.now).toISOString() });
      expect(synced).toEqual([]);
      expect(await outbox.deliverDue(log)).toMatchObject({ due: 1, delivered: 1 });
      expect(synced).toEqual(['1:failed']);

      // The operator retries it and it goes through: the row follows again.
      r.state.mode = 'up';
      expect(await outbox.restart((await store.get(k, 'appeal'))!, log)).toMatchObject({ status: 'delivered' });
      expect(await store.get(k, 'crm')).toMatchObject({ status: 'accepted', attempts: 0 });
      await outbox.deliverDue(log);
      expect(synced).toEqual(['1:failed', '1:delivered']);
      // Nothing armed for an item whose onSettled asks for nothing.
      await outbox.submit('sms', `${k}-sms`, {}, log);
      expect(await store.get(`${k}-sms`, 'crm')).toBeUndefined();
    });

    it('purges delivered and failed items past the retention, never waiting ones', async () => {
      const r = receiver();
      const clock = { now: Date.parse('2026-05-12T10:00:00Z') };
      const store = makeStore();
      const outbox = outboxWith(store, r.deliver as Deliverer, clock);
      const delivered = key();
      const waiting = key();
      await outbox.submit('sms', delivered, {}, log);
      r.state.mode = 'down';
      await outbox.submit('sms', waiting, {}, log);
      const removed = await store.purge(new Date(clock.now + 2 * 86_400_000).toISOString(), 100);
      expect(removed).toBeGreaterThanOrEqual(1);
      expect(await store.get(delivered, 'sms')).toBeUndefined();
      expect(await store.get(waiting, 'sms')).toMatchObject({ status: 'accepted' });
    });
  });
}

rules('memory', memoryOutboxStore);

describe('with Azure Table Storage (Azurite)', () => {
  let azurite: AzuriteTables;
  let tables = 0;
  beforeAll(async () => {
    azurite = await startAzuriteTables();
  }, 60_000);
  afterAll(() => azurite?.stop());

  // A fresh table per test keeps tests apart.
  rules('Azure Table Storage', () => tableOutboxStore({ connectionString: azurite.connectionString, tableName: `ob${++tables}x${Date.now() % 1e6}` }));

  it('keeps items in storage: a second store over the same table (another instance) sees them', async () => {
    const tableName = `shared${Date.now() % 1e6}`;
    const one = tableOutboxStore({ connectionString: azurite.connectionString, tableName });
    const other = tableOutboxStore({ connectionString: azurite.connectionString, tableName });
    const at = new Date().toISOString();
    const { record } = await one.add({ clientKey: 'k-shared-1', kind: 'appeal', status: 'accepted', attempts: 1, acceptedAt: at, updatedAt: at, nextAttemptAt: at, payload: '{"a":1}' });
    expect(await other.get('k-shared-1', 'appeal')).toMatchObject({ status: 'accepted', payload: '{"a":1}' });
    expect(await other.add({ ...record, attempts: 5 })).toMatchObject({ created: false, record: { attempts: 1 } });
    // conditional: a stale version loses
    const changed = await other.update(record, { attempts: 2 });
    expect(changed?.attempts).toBe(2);
    expect(await one.update(record, { attempts: 3 })).toBeUndefined();
  });
});
