/**
 * The telephony state in Azure Table Storage, shared by every instance of the function app (production answer to
 * scale-out). Atomicity comes from the service: an event id is recorded with insert-if-absent (409 when it exists),
 * and every change of a call is a read followed by a write conditional on the ETag read (412 when another instance
 * changed it first → read again and decide again). So of 20 claims racing on any number of instances, one write wins.
 *
 * Tables (prefix from settings): `<p>events` (PK = event id), `<p>calls` (PK = call id, one row each),
 * `<p>announcements` (one partition, row keys newest first). Keys are URI-encoded (Table keys forbid / \ # ?).
 * Listing waiting calls and an operator's held call filter the calls table by status: fine for the few hundred open
 * calls of a regional line; closed rows stay as tombstones (a cleanup timer is still to be written, see the doc).
 */
import { odata, RestError, TableClient, type TableEntityResult } from '@azure/data-tables';
import type { Announcement, CallNotification } from '@eer/contract';
import type { AnnouncementStore, CallRecord, CallStatus, CallStore, EventDedupStore, TelephonyStores } from './stores';

export interface TableStoreOptions {
  connectionString: string;
  /** Letters and digits; the three tables are `<prefix>events`, `<prefix>calls`, `<prefix>announcements`. */
  tablePrefix?: string;
  eventTtlMs?: number;
  waitingTtlMs?: number;
  announcementTtlMs?: number;
  now?: () => number;
}

type StoredStatus = CallStatus | 'closed';

interface CallEntity {
  partitionKey: string;
  rowKey: string;
  status: StoredStatus;
  operatorId?: string;
  updatedAt: number;
  /** The CallNotification as JSON (absent on a tombstone of a call never offered). */
  notification?: string;
}

const HOUR = 3600_000;
const CALL_ROW = 'call';
const MAX_ATTEMPTS = 20;

const key = (id: string) => encodeURIComponent(id);
const statusOf = (error: unknown) => (error instanceof RestError ? error.statusCode : undefined);

export function tableStores(options: TableStoreOptions): TelephonyStores {
  const prefix = options.tablePrefix ?? 'eer122';
  if (!/^[A-Za-z][A-Za-z0-9]{0,40}$/.test(prefix)) throw new Error('Telephony table prefix must be letters and digits');
  const now = options.now ?? Date.now;
  const eventTtl = options.eventTtlMs ?? 24 * HOUR;
  const waitingTtl = options.waitingTtlMs ?? 10 * 60_000;
  const answeredTtl = 12 * HOUR;
  const announcementTtl = options.announcementTtlMs ?? 24 * HOUR;

  const client = (suffix: string) => TableClient.fromConnectionString(options.connectionString, `${prefix}${suffix}`, { allowInsecureConnection: /^UseDevelopmentStorage=|http:\/\//i.test(options.connectionString) });
  const eventsTable = client('events');
  const callsTable = client('calls');
  const announcementsTable = client('announcements');
  let ready: Promise<void> | undefined;
  const tables = async () => {
    ready ??= Promise.all([eventsTable, callsTable, announcementsTable].map((t) => t.createTable())).then(() => undefined);
    try {
      await ready;
    } catch (error) {
      ready = undefined;
      throw error;
    }
  };

  // ------------------------------------------------------------------------------------------------ calls

  const live = (entity: CallEntity | undefined): entity is CallEntity & { status: CallStatus; notification: string } =>
    entity !== undefined &&
    entity.status !== 'closed' &&
    entity.notification !== undefined &&
    now() - entity.updatedAt <= (entity.status === 'answered' ? answeredTtl : waitingTtl);

  const recordOf = (entity: CallEntity & { status: CallStatus; notification: string }): CallRecord => ({
    notification: JSON.parse(entity.notification) as CallNotification,
    status: entity.status,
    operatorId: entity.operatorId,
    updatedAt: entity.updatedAt,
  });

  async function read(id: string): Promise<TableEntityResult<CallEntity> | undefined> {
    try {
      return await callsTable.getEntity<CallEntity>(key(id), CALL_ROW);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /**
   * Read, decide, write conditionally; on a lost race read again. `decide` returns the new row (or undefined to
   * write nothing) and leaves its answer in the closure.
   */
  async function change(
    id: string,
    decide: (current: CallEntity | undefined) => Omit<CallEntity, 'partitionKey' | 'rowKey'> | undefined,
    /** Try the insert before any read: one round trip for the usual case of a new row (an offer). */
    createFirst = false,
  ): Promise<void> {
    await tables();
    // Absent, not undefined: a Replace drops what the row does not carry.
    const rowOf = (next: Omit<CallEntity, 'partitionKey' | 'rowKey'>) =>
      Object.fromEntries(Object.entries({ partitionKey: key(id), rowKey: CALL_ROW, ...next }).filter(([, v]) => v !== undefined)) as unknown as CallEntity;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const current = createFirst && attempt === 0 ? undefined : await read(id);
      const next = decide(current);
      if (!next) return;
      try {
        if (current) await callsTable.updateEntity(rowOf(next), 'Replace', { etag: current.etag });
        else await callsTable.createEntity(rowOf(next));
        return;
      } catch (error) {
        const status = statusOf(error);
        if (status !== 412 && status !== 409) throw error;
      }
    }
    throw new Error('telephony call store: too much contention');
  }

  async function list(filter: string): Promise<CallEntity[]> {
    await tables();
    const out: CallEntity[] = [];
    for await (const entity of callsTable.listEntities<CallEntity>({ queryOptions: { filter } })) out.push(entity);
    return out;
  }

  const calls: CallStore = {
    async get(id) {
      await tables();
      const entity = await read(id);
      return live(entity) ? recordOf(entity) : undefined;
    },
    async offer(notification) {
      let outcome: 'stored' | 'closed' = 'stored';
      await change(notification.telephonyCallId, (current) => {
        if (current?.status === 'closed') {
          outcome = 'closed';
          return undefined;
        }
        outcome = 'stored';
        return { status: 'waiting', operatorId: notification.operatorId, updatedAt: now(), notification: JSON.stringify(notification) };
      }, true);
      return outcome;
    },
    async claim(id, operatorId) {
      let result: Awaited<ReturnType<CallStore['claim']>>;
      await change(id, (current) => {
        if (!live(current)) {
          result = undefined;
          return undefined;
        }
        const claimable = (JSON.parse(current.notification) as CallNotification).claimable;
        if (current.status === 'waiting' && (claimable || current.operatorId === operatorId)) {
          result = { claimed: true, operatorId, won: true };
          return { status: 'claimed', operatorId, updatedAt: now(), notification: current.notification };
        }
        const holder = current.operatorId ?? operatorId;
        result = { claimed: holder === operatorId, operatorId: holder, won: false };
        return undefined;
      });
      return result;
    },
    async answer(id, operatorId) {
      let before: CallRecord | undefined;
      await change(id, (current) => {
        before = live(current) ? recordOf(current) : undefined;
        if (!before || !live(current)) return undefined;
        return { status: 'answered', operatorId, updatedAt: now(), notification: current.notification };
      });
      return before;
    },
    async close(id) {
      let before: CallRecord | undefined;
      await change(id, (current) => {
        before = live(current) ? recordOf(current) : undefined;
        if (current?.status === 'closed') return undefined;
        return { status: 'closed', updatedAt: now(), notification: current?.notification };
      });
      return before;
    },
    async waitingFor(operatorId, withGroup) {
      const open = await list(odata`RowKey eq ${CALL_ROW} and (status eq 'waiting' or status eq 'claimed')`);
      return open
        .filter(live)
        .map(recordOf)
        .filter((r) => r.operatorId === operatorId || (withGroup && r.status === 'waiting' && r.notification.claimable))
        .sort((a, b) => Date.parse(a.notification.occurredAt) - Date.parse(b.notification.occurredAt))
        .map((r) => r.notification);
    },
    async heldBy(operatorId) {
      const held = await list(odata`RowKey eq ${CALL_ROW} and operatorId eq ${operatorId} and (status eq 'claimed' or status eq 'answered')`);
      const first = held.find(live);
      return first && (JSON.parse(first.notification!) as CallNotification).telephonyCallId;
    },
  };

  // ------------------------------------------------------------------------------------------------ events

  const events: EventDedupStore = {
    async remember(eventId) {
      await tables();
      try {
        await eventsTable.createEntity({ partitionKey: key(eventId), rowKey: 'e', seenAt: now() });
        return true;
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
      // Seen before; a record past its time-to-live counts as new (no cleanup job needed for correctness).
      const seen = await eventsTable.getEntity<{ seenAt: number }>(key(eventId), 'e');
      if (now() - seen.seenAt <= eventTtl) return false;
      try {
        await eventsTable.updateEntity({ partitionKey: key(eventId), rowKey: 'e', seenAt: now() }, 'Replace', { etag: seen.etag });
        return true;
      } catch (error) {
        if (statusOf(error) === 412) return false;
        throw error;
      }
    },
    async forget(eventId) {
      await tables();
      try {
        await eventsTable.deleteEntity(key(eventId), 'e');
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    },
  };

  // ------------------------------------------------------------------------------------------------ announcements

  const MAX_TIME = 9_999_999_999_999;
  const announcements: AnnouncementStore = {
    async add(announcement) {
      await tables();
      const rowKey = `${String(MAX_TIME - Date.parse(announcement.publishedAt)).padStart(13, '0')}-${key(announcement.id)}`;
      await announcementsTable.createEntity({ partitionKey: 'a', rowKey, data: JSON.stringify(announcement) });
    },
    async current(at) {
      await tables();
      const t = at.getTime();
      const out: Announcement[] = [];
      // Newest first by row key; older than the default lifetime and without expiry they stop being current.
      for await (const row of announcementsTable.listEntities<{ data: string }>({ queryOptions: { filter: odata`PartitionKey eq 'a'` } })) {
        const a = JSON.parse(row.data) as Announcement;
        if (a.expiresAt ? Date.parse(a.expiresAt) > t : Date.parse(a.publishedAt) + announcementTtl > t) out.push(a);
        if (out.length >= 200) break;
      }
      return out;
    },
  };

  return { events, calls, announcements };
}
