/** Small glue between the HTTP wrapper and the telephony code. */
import type { RequestScope } from '../http/handler';
import { AppError } from '../http/errors';
import type { CallRelay, Log } from './CallRelay';
import { callRelay, relayFailure, telephonySettings, type TelephonySettings } from './runtime';

export function logOf(scope: RequestScope): Log {
  return { info: (line) => scope.context.log(line), warn: (line) => scope.context.warn(line) };
}

/**
 * The relay and settings, or a plain 500 when the app is misconfigured; the log names the setting (never a value)
 * so whoever deploys sees what is missing.
 */
export function configured(scope: RequestScope): { relay: CallRelay; settings: TelephonySettings } {
  try {
    return { relay: callRelay(), settings: telephonySettings() };
  } catch (error) {
    scope.context.error(`telephony not configured: ${error instanceof Error ? error.message : 'error'} correlationId=${scope.correlationId}`);
    throw new AppError('internal');
  }
}

/** Runs a relay operation; SignalR failures become a retryable 500 without details. */
export async function relaying<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw relayFailure(error);
  }
}
