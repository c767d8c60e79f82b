/**
 * The one resilience policy for MIS calls (issue 9 adds a circuit breaker here). Only transient failures are
 * retried — the MIS unreachable or too slow — and only around operations that are safe to repeat: reads, and writes
 * made idempotent by a client key (the adapter looks the key up before writing again).
 */
import { ExponentialBackoff, handleWhen, noop, retry, type IPolicy } from 'cockatiel';
import { AppError } from '../http/errors';

export interface MisPolicyOptions {
  /** Retries after the first try (0: none). */
  retries: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export function isTransientMisError(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'mis_unavailable' || error.code === 'mis_timeout');
}

export function createMisPolicy(options: MisPolicyOptions): IPolicy {
  if (options.retries <= 0) return noop;
  return retry(handleWhen(isTransientMisError), {
    maxAttempts: options.retries,
    backoff: new ExponentialBackoff({ initialDelay: options.initialDelayMs ?? 100, maxDelay: options.maxDelayMs ?? 1_000 }),
  });
}
