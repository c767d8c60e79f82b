/**
 * The durable outbox: requests the line accepted and keeps until their receiver has them — home-visit requests and
 * appeals for the MIS, SMS for the gateway, notices mailed to medical organisations. One record per client key and
 * kind. Records change only by conditional writes (a version read before, 412 when another instance changed it), so
 * the create functions and any number of worker instances never deliver one record twice at the same time.
 *
 * Two stores: `tableOutboxStore` (Azure Table Storage — production, shared by every instance; tableStore.ts) and
 * `memoryOutboxStore` (one process, lost on restart: unit tests only).
 */
import type { DeliveryStatus, ErrorCode, OutboxKind } from '@eer/contract';

export interface OutboxRecord {
  clientKey: string;
  kind: OutboxKind;
  /** accepted: waiting for its receiver; delivered: the receiver took it; failed: given up. */
  status: DeliveryStatus;
  /** Attempts started so far. */
  attempts: number;
  /** ISO instants (UTC, fixed width, so they sort as text). */
  acceptedAt: string;
  updatedAt: string;
  /** While accepted: when it is due. While an attempt runs this is its lease: nobody else takes it before. */
  nextAttemptAt?: string;
  deliveredAt?: string;
  /** The error code of the failure (or of the last failed attempt while still accepted). */
  reasonCode?: ErrorCode;
  /** Operator-safe text for it. */
  reason?: string;
  /** What to deliver, as JSON (it holds personal data: it never goes to a log or an answer). */
  payload: string;
  /** The receiver's id once delivered (MIS request or appeal number). */
  resultId?: string;
  /** Opaque version for conditional updates. */
  version: string;
}

export type NewOutboxRecord = Omit<OutboxRecord, 'version'>;
/** Fields a change may set; `undefined` removes one. */
export type OutboxChange = Partial<Omit<OutboxRecord, 'clientKey' | 'kind' | 'version' | 'payload'>>;

export interface OutboxStore {
  /** Inserts when there is no record for the key and kind yet; otherwise returns the stored one (`created: false`). */
  add(record: NewOutboxRecord): Promise<{ record: OutboxRecord; created: boolean }>;
  get(clientKey: string, kind: OutboxKind): Promise<OutboxRecord | undefined>;
  list(clientKey: string): Promise<OutboxRecord[]>;
  /** Accepted records due at `at` (nextAttemptAt ≤ at), at most `limit`, the longest waiting first. */
  due(at: string, limit: number): Promise<OutboxRecord[]>;
  /** Applies the change if the record is still at `record.version`; undefined when someone changed it meanwhile. */
  update(record: OutboxRecord, change: OutboxChange): Promise<OutboxRecord | undefined>;
  /** Deletes delivered and failed records last changed before `before`; returns how many. */
  purge(before: string, limit: number): Promise<number>;
}

/** The record after a change: `undefined` values remove the field. */
export function applyChange<R extends object>(record: R, change: OutboxChange): R {
  const next: Record<string, unknown> = { ...record, ...change };
  for (const [key, value] of Object.entries(next)) if (value === undefined) delete next[key];
  return next as R;
}

/** One process only; lost on restart. For unit tests — never the function app's setting in Azure. */
export function memoryOutboxStore(): OutboxStore {
  const records = new Map<string, OutboxRecord>();
  let versions = 0;
  const id = (clientKey: string, kind: string) => `${clientKey}|${kind}`;
  const copy = (r: OutboxRecord): OutboxRecord => ({ ...r });
  return {
    async add(record) {
      const existing = records.get(id(record.clientKey, record.kind));
      if (existing) return { record: copy(existing), created: false };
      const stored = { ...applyChange(record, {}), version: String(++versions) } as OutboxRecord;
      records.set(id(record.clientKey, record.kind), stored);
      return { record: copy(stored), created: true };
    },
    async get(clientKey, kind) {
      const r = records.get(id(clientKey, kind));
      return r && copy(r);
    },
    async list(clientKey) {
      return [...records.values()].filter((r) => r.clientKey === clientKey).map(copy);
    },
    async due(at, limit) {
      return [...records.values()]
        .filter((r) => r.status === 'accepted' && (r.nextAttemptAt ?? '') <= at)
        .sort((a, b) => (a.nextAttemptAt ?? '').localeCompare(b.nextAttemptAt ?? ''))
        .slice(0, limit)
        .map(copy);
    },
    async update(record, change) {
      const current = records.get(id(record.clientKey, record.kind));
      if (!current || current.version !== record.version) return undefined;
      const next = { ...applyChange(current, change), version: String(++versions) };
      records.set(id(record.clientKey, record.kind), next);
      return copy(next);
    },
    async purge(before, limit) {
      let removed = 0;
      for (const [key, r] of records) {
        if (removed >= limit) break;
        if (r.status !== 'accepted' && r.updatedAt < before) {
          records.delete(key);
          removed++;
        }
      }
      return removed;
    },
  };
}
