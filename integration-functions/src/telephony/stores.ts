/**
 * State the telephony functions share: which webhook events were seen, which calls wait and who holds them, and the
 * current announcements. Azure runs many instances of the function app, so in production every operation here must
 * be atomic across instances: `tableStores()` (tableStores.ts, Azure Table Storage with insert-if-absent for events
 * and ETag-conditional updates for claims) is the production store. `memoryStores()` is correct for ONE instance
 * only: the local run, the tests and a single always-on instance. See docs/telephony.md.
 */
import type { Announcement, CallNotification, ClaimCallResult } from '@eer/contract';

export interface EventDedupStore {
  /** Records the event id; false when it was recorded before (a redelivery). */
  remember(eventId: string): Promise<boolean>;
  /** Drops the record so a redelivery is relayed again (the first relay failed). */
  forget(eventId: string): Promise<void>;
}

export type CallStatus = 'waiting' | 'claimed' | 'answered';

export interface CallRecord {
  notification: CallNotification;
  status: CallStatus;
  /** Who holds the call: the operator it was offered to, the claimer, or whoever answered. */
  operatorId?: string;
  /** Epoch ms of the last change. */
  updatedAt: number;
}

export interface ClaimOutcome extends ClaimCallResult {
  /** True only for the request that changed the holder (the others and retries see false). */
  won: boolean;
}

export interface CallStore {
  get(telephonyCallId: string): Promise<CallRecord | undefined>;
  /** Stores an offered call as waiting; `closed` when the call already ended (its end event came first). */
  offer(notification: CallNotification): Promise<'stored' | 'closed'>;
  /**
   * The first operator to claim a waiting call holds it, atomically. Undefined when the call is unknown, closed or
   * expired. A targeted call can only be taken by its operator.
   */
  claim(telephonyCallId: string, operatorId: string): Promise<ClaimOutcome | undefined>;
  /** The platform connected the call to `operatorId`; returns the record as it was before. */
  answer(telephonyCallId: string, operatorId: string): Promise<CallRecord | undefined>;
  /** The call ended or was abandoned; returns the record as it was before. Later offers of it are ignored. */
  close(telephonyCallId: string): Promise<CallRecord | undefined>;
  /** Calls not yet answered that this operator should see: offered to them, claimed by them, and the group's
   * unclaimed calls when `withGroup`. Oldest first. */
  waitingFor(operatorId: string, withGroup: boolean): Promise<CallNotification[]>;
  /** The call an operator holds (claimed or answered), if any: such an operator is not available for group offers. */
  heldBy(operatorId: string): Promise<string | undefined>;
}

export interface AnnouncementStore {
  add(announcement: Announcement): Promise<void>;
  /** Not expired at `now`, newest first. */
  current(now: Date): Promise<Announcement[]>;
}

export interface TelephonyStores {
  events: EventDedupStore;
  calls: CallStore;
  announcements: AnnouncementStore;
}

export interface MemoryStoreOptions {
  /** How long event ids are remembered (redeliveries after that are relayed again). */
  eventTtlMs?: number;
  /** A call nobody answered or ended within this time is dropped (a lost end event must not block forever). */
  waitingTtlMs?: number;
  /** How long a closed call is kept so a late or re-delivered offer of it is ignored. */
  closedTtlMs?: number;
  /** An announcement without `expiresAt` is current this long. */
  announcementTtlMs?: number;
  now?: () => number;
}

const HOUR = 3600_000;

/** One instance only — see the file comment. JavaScript runs each method to its first await atomically. */
export function memoryStores(options: MemoryStoreOptions = {}): TelephonyStores {
  const now = options.now ?? Date.now;
  const eventTtl = options.eventTtlMs ?? 24 * HOUR;
  const waitingTtl = options.waitingTtlMs ?? 10 * 60_000;
  const closedTtl = options.closedTtlMs ?? HOUR;
  const answeredTtl = 12 * HOUR;
  const announcementTtl = options.announcementTtlMs ?? 24 * HOUR;

  const events = new Map<string, number>();
  const calls = new Map<string, CallRecord>();
  /** telephonyCallId → when it closed. */
  const closed = new Map<string, number>();
  /** operatorId → calls they hold (claimed or answered). */
  const held = new Map<string, Set<string>>();
  const announcements: Announcement[] = [];
  let lastSweep = now();

  const expired = (record: CallRecord, at: number) => at - record.updatedAt > (record.status === 'answered' ? answeredTtl : waitingTtl);

  /** Drops old entries at most once a minute, so memory stays bounded without a timer. */
  function sweep(): void {
    const at = now();
    if (at - lastSweep < 60_000) return;
    lastSweep = at;
    for (const [id, seenAt] of events) if (at - seenAt > eventTtl) events.delete(id);
    for (const [id, closedAt] of closed) if (at - closedAt > closedTtl) closed.delete(id);
    for (const id of [...calls.keys()]) live(id);
  }

  function release(record: CallRecord, id: string): void {
    if (record.operatorId === undefined) return;
    const set = held.get(record.operatorId);
    set?.delete(id);
    if (set?.size === 0) held.delete(record.operatorId);
  }

  function live(id: string): CallRecord | undefined {
    const record = calls.get(id);
    if (record && expired(record, now())) {
      calls.delete(id);
      release(record, id);
      return undefined;
    }
    return record;
  }

  function hold(record: CallRecord, id: string, operatorId: string, status: CallStatus): void {
    release(record, id);
    record.operatorId = operatorId;
    record.status = status;
    record.updatedAt = now();
    let set = held.get(operatorId);
    if (!set) held.set(operatorId, (set = new Set()));
    set.add(id);
  }

  return {
    events: {
      async remember(eventId) {
        sweep();
        if (events.has(eventId)) return false;
        events.set(eventId, now());
        return true;
      },
      async forget(eventId) {
        events.delete(eventId);
      },
    },
    calls: {
      async get(id) {
        const record = live(id);
        return record && { ...record };
      },
      async offer(notification) {
        sweep();
        const id = notification.telephonyCallId;
        if (closed.has(id)) return 'closed';
        const existing = live(id);
        if (existing) release(existing, id);
        calls.set(id, { notification, status: 'waiting', operatorId: notification.operatorId, updatedAt: now() });
        return 'stored';
      },
      async claim(id, operatorId) {
        const record = live(id);
        if (!record) return undefined;
        if (record.status === 'waiting' && (record.notification.claimable || record.operatorId === operatorId)) {
          hold(record, id, operatorId, 'claimed');
          return { claimed: true, operatorId, won: true };
        }
        const holder = record.operatorId ?? operatorId;
        return { claimed: holder === operatorId, operatorId: holder, won: false };
      },
      async answer(id, operatorId) {
        const record = live(id);
        if (!record) return undefined;
        const before = { ...record };
        hold(record, id, operatorId, 'answered');
        return before;
      },
      async close(id) {
        const record = live(id);
        closed.set(id, now());
        if (!record) return undefined;
        calls.delete(id);
        release(record, id);
        return record;
      },
      async waitingFor(operatorId, withGroup) {
        sweep();
        const out: CallRecord[] = [];
        for (const id of [...calls.keys()]) {
          const record = live(id);
          if (!record || record.status === 'answered') continue;
          const mine = record.operatorId === operatorId;
          const group = withGroup && record.status === 'waiting' && record.notification.claimable;
          if (mine || group) out.push(record);
        }
        const at = (r: CallRecord) => Date.parse(r.notification.occurredAt);
        return out.sort((a, b) => at(a) - at(b)).map((r) => r.notification);
      },
      async heldBy(operatorId) {
        for (const id of held.get(operatorId) ?? []) if (live(id)) return id;
        return undefined;
      },
    },
    announcements: {
      async add(announcement) {
        announcements.push(announcement);
        if (announcements.length > 500) announcements.splice(0, announcements.length - 500);
      },
      async current(at) {
        const t = at.getTime();
        return announcements
          .filter((a) => (a.expiresAt ? Date.parse(a.expiresAt) > t : Date.parse(a.publishedAt) + announcementTtl > t))
          .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
      },
    },
  };
}
