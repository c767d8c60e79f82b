/**
 * The outbox's delivery rules, the same for the create functions and the worker:
 *
 *  - **write ahead**: an item is stored (status accepted, attempt 1, leased) before its first attempt, which runs while
 *    the operator waits; so nothing the line answered "accepted" to is lost, even if the instance dies mid-attempt;
 *  - **one attempt at a time**: an attempt holds the item by its lease (`nextAttemptAt` in the future) taken with a
 *    conditional write; the worker takes only items whose time has come;
 *  - **exactly once as the receiver sees it**: every delivery carries the item's client key, and the MIS, the SMS
 *    gateway and mail systems (stable Message-ID) treat the same key as the same request;
 *  - **bounded retries**: transient failures (MIS unreachable or slow, gateway 5xx, mail server unreachable) are
 *    retried with exponential backoff up to OUTBOX_MAX_ATTEMPTS, then the item is `failed` with the reason; any other
 *    failure (the MIS refused it: unknown MO, conflict, …) fails it at once.
 *
 * Logs name kinds, client keys, ids, attempt numbers and codes — never payloads.
 */
import { ERROR_RETRYABLE, errorMessage, type ErrorCode, type OutboxEntry, type OutboxKind } from '@eer/contract';
import { AppError } from '../http/errors';
import type { OutboxSettings } from './settings';
import type { OutboxRecord, OutboxStore } from './store';

export type Log = (line: string) => void;

/** What a delivery gave: the receiver's id, and items to send next (the notice mailed after a home visit). */
export interface Delivered {
  resultId?: string;
  followUps?: Array<{ kind: OutboxKind; payload: unknown }>;
}

/** `attempt` counts from 1 (a deliverer may give up earlier than OUTBOX_MAX_ATTEMPTS, e.g. a CRM row never made). */
export type Deliverer = (payload: never, clientKey: string, log: Log, attempt: number) => Promise<Delivered>;
type AnyDeliverer = (payload: unknown, clientKey: string, log: Log, attempt: number) => Promise<Delivered>;

/** A delivery failure of a receiver other than the MIS (SMS gateway, mail server), already classified. */
export class DeliveryError extends Error {
  constructor(
    /** Operator-safe text, no data. */
    readonly reason: string,
    readonly transient: boolean,
  ) {
    super(reason);
    this.name = 'DeliveryError';
  }
}

interface Failure {
  transient: boolean;
  code?: ErrorCode;
  reason: string;
}

export function classify(error: unknown): Failure {
  if (error instanceof DeliveryError) return { transient: error.transient, reason: error.reason };
  if (error instanceof AppError) {
    const transient = error.code === 'mis_unavailable' || error.code === 'mis_timeout';
    return { transient, code: error.code, reason: errorMessage(error.code, 'ru') };
  }
  return { transient: false, code: 'internal', reason: errorMessage('internal', 'ru') };
}

export interface RunSummary {
  due: number;
  delivered: number;
  retried: number;
  failed: number;
  /** Taken by another attempt first. */
  skipped: number;
  purged: number;
}

export interface Outbox {
  /**
   * Stores the item and makes its first attempt. An item already stored under the key and kind is returned as it is
   * (attempted again first when its time has come): a retried request never queues twice.
   */
  submit(kind: OutboxKind, clientKey: string, payload: unknown, log: Log): Promise<OutboxRecord>;
  find(clientKey: string, kind: OutboxKind): Promise<OutboxRecord | undefined>;
  list(clientKey: string): Promise<OutboxRecord[]>;
  /** An operator retries an item given up after transient failures: a new series of attempts, the first one now. */
  restart(record: OutboxRecord, log: Log): Promise<OutboxRecord>;
  /** The worker's run: one attempt of every due item (up to the batch size), then old items purged. */
  deliverDue(log: Log): Promise<RunSummary>;
}

export interface OutboxOptions {
  store: OutboxStore;
  settings: OutboxSettings;
  deliverers: Record<OutboxKind, Deliverer>;
  /**
   * Items to (re)arm when an item settles (delivered, or failed for good) — the CRM row update of a home visit or an
   * appeal. They are stored before the item is marked settled (so a crash cannot lose them), become due once it is,
   * and are left to the worker: never attempted while the operator waits, never in the way of the item's delivery.
   */
  onSettled?: (record: OutboxRecord, log: Log) => Array<{ kind: OutboxKind; payload: unknown }>;
  now?: () => number;
  random?: () => number;
}

const PURGE_EVERY_MS = 3600_000;

export function createOutbox(options: OutboxOptions): Outbox {
  const { store, settings, deliverers } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const iso = (ms: number) => new Date(ms).toISOString();
  let lastPurge = 0;

  /** Exponential, capped, ±20 % jitter so items queued together do not all come back together. */
  const backoff = (attempts: number) =>
    Math.round(Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** Math.max(0, attempts - 1)) * (0.8 + 0.4 * random()));

  /** Records the outcome; if someone else changed the item meanwhile, what they wrote stands. */
  async function finish(record: OutboxRecord, change: Parameters<OutboxStore['update']>[1], log: Log): Promise<OutboxRecord> {
    try {
      const updated = await store.update(record, { ...change, updatedAt: iso(now()) });
      return updated ?? (await store.get(record.clientKey, record.kind)) ?? record;
    } catch {
      // The lease runs out and the worker attempts again: the receiver sees the same key, nothing is doubled.
      log(`outbox ${record.kind} key=${record.clientKey}: outcome not stored (storage unavailable)`);
      return { ...record, ...change } as OutboxRecord;
    }
  }

  /** One attempt of an item this caller holds (its lease is set). */
  async function attempt(record: OutboxRecord, log: Log): Promise<OutboxRecord> {
    const deliver = deliverers[record.kind] as AnyDeliverer;
    let delivered: Delivered;
    try {
      delivered = await deliver(JSON.parse(record.payload) as unknown, record.clientKey, log, record.attempts);
    } catch (error) {
      const failure = classify(error);
      if (failure.transient && record.attempts < settings.maxAttempts) {
        const wait = backoff(record.attempts);
        log(`outbox ${record.kind} key=${record.clientKey} attempt ${record.attempts} failed (${failure.code ?? 'transient'}), next in ${Math.round(wait / 1000)} s`);
        return finish(record, { nextAttemptAt: iso(now() + wait), reasonCode: failure.code, reason: failure.reason }, log);
      }
      log(`outbox ${record.kind} key=${record.clientKey} failed after ${record.attempts} attempt(s): ${failure.code ?? (failure.transient ? 'transient' : 'refused')}`);
      const armed = await armOnSettled(record, log);
      const failed = await finish(record, { status: 'failed', nextAttemptAt: undefined, reasonCode: failure.code, reason: failure.reason }, log);
      await release(armed);
      return failed;
    }

    // Follow-ups are stored before this item is marked delivered: a crash in between repeats the delivery (same key,
    // same result), never loses the follow-up.
    const next: OutboxRecord[] = [];
    const direct: Array<{ kind: OutboxKind; payload: unknown }> = [];
    for (const followUp of delivered.followUps ?? []) {
      try {
        const added = await store.add(newRecord(followUp.kind, record.clientKey, followUp.payload));
        if (added.created) next.push(added.record);
      } catch {
        direct.push(followUp);
      }
    }
    const armed = await armOnSettled(record, log);
    const done = await finish(
      record,
      { status: 'delivered', deliveredAt: iso(now()), resultId: delivered.resultId, nextAttemptAt: undefined, reasonCode: undefined, reason: undefined },
      log,
    );
    await release(armed);
    log(`outbox ${record.kind} key=${record.clientKey} delivered at attempt ${record.attempts}${delivered.resultId ? ` id=${delivered.resultId}` : ''}`);
    for (const followUp of next) await attempt(followUp, log);
    for (const followUp of direct) await deliverDirectly(followUp.kind, record.clientKey, followUp.payload, log).catch(() => undefined);
    return done;
  }

  /**
   * Stores (or re-arms) the items `onSettled` asks for, held for a lease: if this instance dies before the settled
   * item is stored, the worker still takes them once the lease runs out. A re-armed item keeps its attempt count
   * while it is still waiting (its bounds hold); one already settled starts again (the row follows the new outcome).
   */
  async function armOnSettled(record: OutboxRecord, log: Log): Promise<OutboxRecord[]> {
    const armed: OutboxRecord[] = [];
    for (const item of options.onSettled?.(record, log) ?? []) {
      try {
        const held = iso(now() + settings.leaseMs);
        const added = await store.add({ ...newRecord(item.kind, record.clientKey, item.payload), attempts: 0, nextAttemptAt: held });
        const stored = added.created
          ? added.record
          : await store.update(added.record, {
              status: 'accepted',
              attempts: added.record.status === 'accepted' ? added.record.attempts : 0,
              nextAttemptAt: held,
              updatedAt: iso(now()),
              deliveredAt: undefined,
              resultId: undefined,
              reasonCode: undefined,
              reason: undefined,
            });
        if (stored) armed.push(stored);
      } catch {
        // Never in the way of the item's own outcome.
        log(`outbox ${item.kind} key=${record.clientKey}: not stored (storage unavailable)`);
      }
    }
    return armed;
  }

  /** The settled item is stored: what it armed is due now (for the worker's next run). */
  async function release(armed: OutboxRecord[]): Promise<void> {
    for (const item of armed) await store.update(item, { nextAttemptAt: iso(now()) }).catch(() => undefined);
  }

  function newRecord(kind: OutboxKind, clientKey: string, payload: unknown) {
    const at = now();
    return {
      clientKey,
      kind,
      status: 'accepted' as const,
      attempts: 1,
      acceptedAt: iso(at),
      updatedAt: iso(at),
      nextAttemptAt: iso(at + settings.leaseMs),
      payload: JSON.stringify(payload),
    };
  }

  /** Storage is unavailable: deliver without the outbox, so the operator's request does not fail for that alone. */
  async function deliverDirectly(kind: OutboxKind, clientKey: string, payload: unknown, log: Log): Promise<OutboxRecord> {
    log(`outbox unavailable: ${kind} key=${clientKey} delivered directly`);
    const deliver = deliverers[kind] as AnyDeliverer;
    try {
      const delivered = await deliver(payload, clientKey, log, 1);
      for (const followUp of delivered.followUps ?? []) await deliverDirectly(followUp.kind, clientKey, followUp.payload, log).catch(() => undefined);
      const at = iso(now());
      return { clientKey, kind, status: 'delivered', attempts: 1, acceptedAt: at, updatedAt: at, deliveredAt: at, resultId: delivered.resultId, payload: '', version: '' };
    } catch (error) {
      // Nothing was kept: the operator must be told, and may retry with the same key.
      const failure = classify(error);
      if (error instanceof AppError && !failure.transient) throw error;
      throw new AppError(failure.transient ? 'mis_unavailable' : 'internal', undefined, { retryable: failure.transient });
    }
  }

  /** Takes an item whose time has come (attempt counted, lease set); undefined when another attempt took it first. */
  function claim(record: OutboxRecord, attempts = record.attempts + 1): Promise<OutboxRecord | undefined> {
    return store.update(record, { attempts, nextAttemptAt: iso(now() + settings.leaseMs), updatedAt: iso(now()) });
  }

  const isDue = (record: OutboxRecord) => record.status === 'accepted' && (record.nextAttemptAt ?? '') <= iso(now());

  return {
    async submit(kind, clientKey, payload, log) {
      let added: { record: OutboxRecord; created: boolean };
      try {
        added = await store.add(newRecord(kind, clientKey, payload));
      } catch {
        return deliverDirectly(kind, clientKey, payload, log);
      }
      if (added.created) return attempt(added.record, log);
      if (!isDue(added.record)) return added.record;
      const claimed = await claim(added.record);
      return claimed ? attempt(claimed, log) : ((await store.get(clientKey, kind)) ?? added.record);
    },

    find: (clientKey, kind) => store.get(clientKey, kind),
    list: (clientKey) => store.list(clientKey),

    async restart(record, log) {
      const claimed = await store.update(record, {
        status: 'accepted',
        attempts: 1,
        nextAttemptAt: iso(now() + settings.leaseMs),
        updatedAt: iso(now()),
        reasonCode: undefined,
        reason: undefined,
      });
      if (!claimed) return (await store.get(record.clientKey, record.kind)) ?? record;
      log(`outbox ${record.kind} key=${record.clientKey} restarted by the operator`);
      return attempt(claimed, log);
    },

    async deliverDue(log) {
      const summary: RunSummary = { due: 0, delivered: 0, retried: 0, failed: 0, skipped: 0, purged: 0 };
      const due = await store.due(iso(now()), settings.batch);
      summary.due = due.length;
      // A few at a time: a backlog after an outage drains quickly without flooding the MIS that just came back.
      const queue = [...due];
      const lane = async () => {
        for (let record = queue.shift(); record; record = queue.shift()) {
          const claimed = await claim(record).catch(() => undefined);
          if (!claimed) {
            summary.skipped++;
            continue;
          }
          const after = await attempt(claimed, log);
          if (after.status === 'delivered') summary.delivered++;
          else if (after.status === 'failed') summary.failed++;
          else summary.retried++;
        }
      };
      await Promise.all(Array.from({ length: 4 }, lane));
      if (now() - lastPurge >= PURGE_EVERY_MS) {
        lastPurge = now();
        summary.purged = await store.purge(iso(now() - settings.retentionDays * 86_400_000), 1_000).catch(() => 0);
      }
      return summary;
    },
  };
}

/** The operator's view of the items: status, times, ids and reasons — no content. */
export function entryOf(record: OutboxRecord): OutboxEntry {
  return {
    kind: record.kind,
    status: record.status,
    attempts: record.attempts,
    acceptedAt: record.acceptedAt,
    updatedAt: record.updatedAt,
    ...(record.status === 'accepted' && record.nextAttemptAt ? { nextAttemptAt: record.nextAttemptAt } : {}),
    ...(record.deliveredAt ? { deliveredAt: record.deliveredAt } : {}),
    ...(record.resultId ? { resultId: record.resultId } : {}),
    ...(record.reasonCode ? { reasonCode: record.reasonCode } : {}),
    ...(record.reason ? { reason: record.reason } : {}),
  };
}

/** The error a failed item answers a retried request with: the code it failed with. */
export function failureOf(record: OutboxRecord): AppError {
  const code = record.reasonCode ?? 'mis_error';
  return new AppError(code, undefined, { retryable: ERROR_RETRYABLE[code] });
}
