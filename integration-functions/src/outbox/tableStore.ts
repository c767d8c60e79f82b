/**
 * The outbox in Azure Table Storage (production; locally Azurite), shared by every instance of the function app.
 * PartitionKey = client key, RowKey = kind: a client key's records are one partition, read together by the status
 * function. Insert-if-absent (409 when the record exists) makes a retried request reuse its record; every later
 * change is a Replace conditional on the ETag read (412 when another instance changed it first).
 *
 * Due records are found with a filter on `status` and `nextAttemptAt` (a scan of the table): the outbox holds the
 * requests of the last `OUTBOX_RETENTION_DAYS` only — the worker purges delivered and failed ones after that.
 */
import { odata, RestError, TableClient, type TableEntityResult } from '@azure/data-tables';
import type { OutboxKind } from '@eer/contract';
import { applyChange, type NewOutboxRecord, type OutboxRecord, type OutboxStore } from './store';

type Entity = Omit<OutboxRecord, 'clientKey' | 'kind' | 'version'> & { partitionKey: string; rowKey: string };

const statusOf = (error: unknown) => (error instanceof RestError ? error.statusCode : undefined);
/** Reading due records stops here; the rest waits for the next run. */
const MAX_SCANNED = 5_000;

function recordOf(entity: TableEntityResult<Entity>): OutboxRecord {
  const { partitionKey, rowKey, etag, timestamp: _timestamp, ...fields } = entity as TableEntityResult<Entity> & { timestamp?: string };
  return { ...(fields as Omit<OutboxRecord, 'clientKey' | 'kind' | 'version'>), clientKey: partitionKey, kind: rowKey as OutboxKind, version: etag };
}

function entityOf(record: NewOutboxRecord | OutboxRecord): Entity {
  const { clientKey, kind, ...fields } = record as OutboxRecord;
  delete (fields as Partial<OutboxRecord>).version;
  return applyChange({ ...fields, partitionKey: clientKey, rowKey: kind }, {}) as Entity;
}

export interface TableOutboxOptions {
  connectionString: string;
  /** Letters and digits, 3–63 characters. */
  tableName: string;
}

export function tableOutboxStore(options: TableOutboxOptions): OutboxStore {
  if (!/^[A-Za-z][A-Za-z0-9]{2,62}$/.test(options.tableName)) throw new Error('Outbox table name must be 3–63 letters and digits');
  const table = TableClient.fromConnectionString(options.connectionString, options.tableName, {
    allowInsecureConnection: /^UseDevelopmentStorage=|http:\/\//i.test(options.connectionString),
  });
  let ready: Promise<void> | undefined;
  const created = async () => {
    ready ??= table.createTable();
    try {
      await ready;
    } catch (error) {
      ready = undefined;
      throw error;
    }
  };

  async function read(clientKey: string, kind: string): Promise<OutboxRecord | undefined> {
    try {
      return recordOf(await table.getEntity<Entity>(clientKey, kind));
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async function list(filter: string, max: number): Promise<OutboxRecord[]> {
    const out: OutboxRecord[] = [];
    for await (const entity of table.listEntities<Entity>({ queryOptions: { filter } })) {
      out.push(recordOf(entity));
      if (out.length >= max) break;
    }
    return out;
  }

  return {
    async add(record) {
      await created();
      try {
        const response = await table.createEntity(entityOf(record));
        return { record: { ...applyChange(record, {}), version: response.etag ?? '' } as OutboxRecord, created: true };
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
        const existing = await read(record.clientKey, record.kind);
        if (!existing) throw error;
        return { record: existing, created: false };
      }
    },
    async get(clientKey, kind) {
      await created();
      return read(clientKey, kind);
    },
    async list(clientKey) {
      await created();
      return list(odata`PartitionKey eq ${clientKey}`, 100);
    },
    async due(at, limit) {
      await created();
      const due = await list(odata`status eq 'accepted' and nextAttemptAt le ${at}`, MAX_SCANNED);
      return due.sort((a, b) => (a.nextAttemptAt ?? '').localeCompare(b.nextAttemptAt ?? '')).slice(0, limit);
    },
    async update(record, change) {
      await created();
      const next = applyChange(record, change);
      try {
        const response = await table.updateEntity(entityOf(next), 'Replace', { etag: record.version });
        return { ...next, version: response.etag ?? '' };
      } catch (error) {
        if (statusOf(error) === 412 || statusOf(error) === 404) return undefined;
        throw error;
      }
    },
    async purge(before, limit) {
      await created();
      const old = await list(odata`status ne 'accepted' and updatedAt lt ${before}`, limit);
      for (const r of old) {
        await table.deleteEntity(r.clientKey, r.kind, { etag: r.version }).catch((error: unknown) => {
          if (statusOf(error) !== 404 && statusOf(error) !== 412) throw error;
        });
      }
      return old.length;
    },
  };
}
