/**
 * The one way the function app reaches the MIS: `getMis()` returns the configured MisPort adapter.
 *
 * Settings (app settings / environment):
 *   MIS_FHIR_BASE_URL  FHIR R4 base URL of the regional MIS (required), e.g. http://127.0.0.1:7081/fhir
 *   MIS_TIMEOUT_MS     per HTTP request to the MIS, default 5000
 *   MIS_READ_RETRIES   retries of a request after the MIS was unreachable or too slow, default 2
 *                      (every request is a read or a conditional/keyed write, so all are safe to repeat)
 *   MIS_OPERATION_TIMEOUT_MS   budget of one port operation with its retries, default 20000 (0: none)
 *   MIS_BREAKER_FAILURE_RATE   share of failed attempts among the last MIS_BREAKER_WINDOW (20) that opens the
 *                              circuit breaker, default 0.5 (0: no breaker), once MIS_BREAKER_MIN_CALLS (10) were made
 *   MIS_BREAKER_HALF_OPEN_MS   how long the breaker stays open before one probe goes through, default 5000
 *   (resilience.ts holds the policy)
 *
 * Without MIS_FHIR_BASE_URL every call fails with AppError('mis_unavailable').
 */
import { AppError } from '../http/errors';
import type { MisPort } from './MisPort';
import { FhirMis } from './fhir/FhirMis';
import { DEFAULT_BREAKER, type BreakerOptions } from './resilience';

export type { MisPort, ServiceArea } from './MisPort';
export { FhirMis, type FhirMisOptions } from './fhir/FhirMis';

export const DEFAULT_MIS_TIMEOUT_MS = 5_000;
export const DEFAULT_MIS_READ_RETRIES = 2;
export const DEFAULT_MIS_OPERATION_TIMEOUT_MS = 20_000;

export interface MisSettings {
  baseUrl?: string;
  timeoutMs: number;
  retries: number;
  operationTimeoutMs: number;
  breaker: BreakerOptions | false;
}

function rateSetting(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : fallback;
}

function intSetting(value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

export function misSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): MisSettings {
  const baseUrl = env.MIS_FHIR_BASE_URL?.trim();
  return {
    ...(baseUrl ? { baseUrl } : {}),
    timeoutMs: intSetting(env.MIS_TIMEOUT_MS, DEFAULT_MIS_TIMEOUT_MS, 1, 120_000),
    retries: intSetting(env.MIS_READ_RETRIES, DEFAULT_MIS_READ_RETRIES, 0, 10),
    operationTimeoutMs: intSetting(env.MIS_OPERATION_TIMEOUT_MS, DEFAULT_MIS_OPERATION_TIMEOUT_MS, 0, 300_000),
    breaker: breakerSettings(env),
  };
}

function breakerSettings(env: NodeJS.ProcessEnv): BreakerOptions | false {
  const failureRate = rateSetting(env.MIS_BREAKER_FAILURE_RATE, DEFAULT_BREAKER.failureRate);
  if (failureRate === 0) return false;
  const window = intSetting(env.MIS_BREAKER_WINDOW, DEFAULT_BREAKER.window, 1, 10_000);
  return {
    failureRate,
    window,
    minimumCalls: Math.min(window, intSetting(env.MIS_BREAKER_MIN_CALLS, DEFAULT_BREAKER.minimumCalls, 1, 10_000)),
    halfOpenAfterMs: intSetting(env.MIS_BREAKER_HALF_OPEN_MS, DEFAULT_BREAKER.halfOpenAfterMs, 100, 600_000),
  };
}

/** Every operation fails as an unreachable MIS would: what the app does when no MIS is configured. */
const unconfigured: MisPort = new Proxy({} as MisPort, {
  // `then` stays undefined so that awaiting the port itself does not treat it as a promise.
  get: (_target, property) => (property === 'then' ? undefined : () => Promise.reject(new AppError('mis_unavailable'))),
});

export function createMisFromEnv(env: NodeJS.ProcessEnv = process.env): MisPort {
  const settings = misSettingsFromEnv(env);
  if (!settings.baseUrl) return unconfigured;
  return new FhirMis({
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs,
    retries: settings.retries,
    operationTimeoutMs: settings.operationTimeoutMs,
    breaker: settings.breaker,
  });
}

let cached: { key: string; mis: MisPort } | undefined;

/**
 * The MIS adapter for the current settings, created once and reused (its HTTP agent keeps connections alive).
 * A change of the settings (tests starting a new sandbox) gives a new adapter. The adapter holds the circuit breaker,
 * so its state lives as long as the settings do (per function app instance).
 */
export function getMis(): MisPort {
  const settings = misSettingsFromEnv();
  const key = JSON.stringify(settings);
  if (!cached || cached.key !== key) cached = { key, mis: createMisFromEnv() };
  return cached.mis;
}
