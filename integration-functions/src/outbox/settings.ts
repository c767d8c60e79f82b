/**
 * Outbox settings (app settings), read on each use; a malformed one fails naming the setting, never its value.
 *
 *   OUTBOX_STORE                      table (default) | memory (one process, lost on restart: unit tests only)
 *   OUTBOX_STORAGE_CONNECTION_STRING  Azure Storage for the table; falls back to AzureWebJobsStorage
 *   OUTBOX_TABLE                      table name, default eer122outbox
 *   OUTBOX_MAX_ATTEMPTS               attempts before an item is given up as failed, default 12
 *   OUTBOX_RETRY_BASE_MS              wait after the first failed attempt, doubled each time, default 5000
 *   OUTBOX_RETRY_MAX_MS               longest wait between attempts, default 300000 (12 attempts span ≈ 35 min)
 *   OUTBOX_LEASE_MS                   an attempt's hold on an item (nobody else takes it meanwhile), default 60000
 *   OUTBOX_BATCH                      items one worker run takes, default 50
 *   OUTBOX_RETENTION_DAYS             delivered and failed items are deleted after this, default 30
 */
import { memoryOutboxStore, type OutboxStore } from './store';
import { tableOutboxStore } from './tableStore';

export interface OutboxSettings {
  store: 'table' | 'memory';
  connectionString?: string;
  tableName: string;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  leaseMs: number;
  batch: number;
  retentionDays: number;
}

function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`Invalid app setting ${name}`);
  return value;
}

export function outboxSettings(env: NodeJS.ProcessEnv = process.env): OutboxSettings {
  const store = env.OUTBOX_STORE?.trim() || 'table';
  if (store !== 'table' && store !== 'memory') throw new Error('App setting OUTBOX_STORE must be "table" or "memory"');
  const connectionString = (env.OUTBOX_STORAGE_CONNECTION_STRING?.trim() || env.AzureWebJobsStorage?.trim()) || undefined;
  return {
    store,
    connectionString,
    tableName: env.OUTBOX_TABLE?.trim() || 'eer122outbox',
    maxAttempts: intSetting(env, 'OUTBOX_MAX_ATTEMPTS', 12, 1, 100),
    retryBaseMs: intSetting(env, 'OUTBOX_RETRY_BASE_MS', 5_000, 10, 3_600_000),
    retryMaxMs: intSetting(env, 'OUTBOX_RETRY_MAX_MS', 300_000, 10, 86_400_000),
    leaseMs: intSetting(env, 'OUTBOX_LEASE_MS', 60_000, 1_000, 3_600_000),
    batch: intSetting(env, 'OUTBOX_BATCH', 50, 1, 1_000),
    retentionDays: intSetting(env, 'OUTBOX_RETENTION_DAYS', 30, 1, 3_650),
  };
}

let cached: { key: string; store: OutboxStore } | undefined;

/** The store for the current settings, created once (and again when they change: tests, the local stack). */
export function outboxStore(env: NodeJS.ProcessEnv = process.env): OutboxStore {
  const s = outboxSettings(env);
  if (s.store === 'table' && !s.connectionString) throw new Error('App setting OUTBOX_STORAGE_CONNECTION_STRING (or AzureWebJobsStorage) is not set');
  const key = s.store === 'memory' ? 'memory' : `table|${s.tableName}|${s.connectionString}`;
  if (cached?.key !== key) {
    cached = { key, store: s.store === 'memory' ? memoryOutboxStore() : tableOutboxStore({ connectionString: s.connectionString!, tableName: s.tableName }) };
  }
  return cached.store;
}

/** Uses this store until the settings change (tests). */
export function useOutboxStore(store: OutboxStore, env: NodeJS.ProcessEnv = process.env): void {
  const s = outboxSettings(env);
  cached = { key: s.store === 'memory' ? 'memory' : `table|${s.tableName}|${s.connectionString}`, store };
}
