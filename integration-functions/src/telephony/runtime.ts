/**
 * Telephony settings and the one CallRelay of this function app instance, built from app settings on first use
 * (and again when the SignalR settings change, which only tests and the local stack do).
 */
import { AppError } from '../http/errors';
import { SignalRError, SignalRRestClient } from '../signalr/SignalRRestClient';
import { CallRelay } from './CallRelay';
import { misForPreIdentification } from './misLookup';
import { memoryStores, type TelephonyStores } from './stores';
import { tableStores } from './tableStores';

export interface TelephonySettings {
  /** Current secret first; a previous one is accepted during rotation. */
  webhookSecrets: string[];
  toleranceSeconds: number;
  preIdentifyBudgetMs: number;
  publisherRole: string;
}

function numberSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`Invalid app setting ${name}`);
  return value;
}

/** Read on each use; throws naming the setting, never its value. */
export function telephonySettings(env: NodeJS.ProcessEnv = process.env): TelephonySettings {
  const secrets = [env.TELEPHONY_WEBHOOK_SECRET, env.TELEPHONY_WEBHOOK_SECRET_PREVIOUS].map((s) => s?.trim()).filter((s): s is string => !!s);
  if (secrets.length === 0) throw new Error('App setting TELEPHONY_WEBHOOK_SECRET is not set');
  if (secrets.some((s) => s.length < 16)) throw new Error('App setting TELEPHONY_WEBHOOK_SECRET is shorter than 16 characters');
  return {
    webhookSecrets: secrets,
    toleranceSeconds: numberSetting(env, 'TELEPHONY_WEBHOOK_TOLERANCE_SECONDS', 300, 1, 3600),
    preIdentifyBudgetMs: numberSetting(env, 'TELEPHONY_PREIDENTIFY_BUDGET_MS', 800, 0, 10_000),
    publisherRole: env.ANNOUNCEMENTS_PUBLISHER_ROLE?.trim() || 'EER.Supervisor',
  };
}

let stores: { key: string; stores: TelephonyStores } | undefined;
let current: { key: string; relay: CallRelay } | undefined;

/**
 * The state shared by the telephony functions: `table` (Azure Table Storage, every instance sees the same state —
 * the production setting) or `memory` (one instance only: the local run and single-instance tests).
 */
function telephonyStores(env: NodeJS.ProcessEnv): TelephonyStores {
  const kind = env.TELEPHONY_STATE_STORE?.trim() || 'memory';
  const waitingTtlMs = numberSetting(env, 'TELEPHONY_WAITING_CALL_TTL_SECONDS', 600, 10, 86_400) * 1000;
  if (kind === 'memory') {
    if (stores?.key !== 'memory') stores = { key: 'memory', stores: memoryStores({ waitingTtlMs }) };
    return stores.stores;
  }
  if (kind !== 'table') throw new Error('App setting TELEPHONY_STATE_STORE must be "table" or "memory"');
  const connectionString = (env.TELEPHONY_STORAGE_CONNECTION_STRING || env.AzureWebJobsStorage)?.trim();
  if (!connectionString) throw new Error('App setting TELEPHONY_STORAGE_CONNECTION_STRING (or AzureWebJobsStorage) is not set');
  const tablePrefix = env.TELEPHONY_TABLE_PREFIX?.trim() || 'eer122';
  const key = `table|${tablePrefix}|${waitingTtlMs}|${connectionString}`;
  if (stores?.key !== key) stores = { key, stores: tableStores({ connectionString, tablePrefix, waitingTtlMs }) };
  return stores.stores;
}

export function callRelay(env: NodeJS.ProcessEnv = process.env): CallRelay {
  const connectionString = env.AzureSignalRConnectionString?.trim();
  if (!connectionString) throw new Error('App setting AzureSignalRConnectionString is not set');
  const hub = env.SIGNALR_HUB_NAME?.trim() || 'eer122';
  const budgetMs = telephonySettings(env).preIdentifyBudgetMs;
  const state = telephonyStores(env);
  const key = `${hub}|${budgetMs}|${connectionString}`;
  if (current?.key !== key || current.relay.stores !== state) {
    const relay = new SignalRRestClient(connectionString, { hub, timeoutMs: numberSetting(env, 'SIGNALR_TIMEOUT_MS', 5000, 100, 60_000) });
    current = {
      key,
      relay: new CallRelay({
        relay,
        stores: state,
        mis: misForPreIdentification,
        preIdentifyBudgetMs: budgetMs,
      }),
    };
  }
  return current.relay;
}

/** A SignalR or Table Storage failure is ours, not the caller's: a 500 that may be retried, no details. */
export function relayFailure(error: unknown): unknown {
  const transient = error instanceof SignalRError || (error instanceof Error && error.name === 'RestError');
  return transient ? new AppError('internal', undefined, { retryable: true }) : error;
}
