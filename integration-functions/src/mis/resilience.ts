/**
 * The one resilience policy for MIS calls, in two layers:
 *
 *   operation (a port call):  budget (timeout of the whole operation)
 *   request (one HTTP call):  retry (transient failures, exponential backoff) → circuit breaker
 *
 * Only transient failures count — the MIS unreachable, overloaded (429/502/503/504) or too slow — and every request
 * the adapter sends is safe to repeat: reads, and writes that are conditional (If-Match: a repeat gets 412 and the
 * adapter re-reads) or keyed (If-None-Exist on the client key: a repeat returns the first resource). Retrying one
 * request rather than the whole operation keeps a multi-request operation (a booking takes 8) working on a MIS that
 * fails a share of its requests, and lets the breaker count requests — the MIS's health — not whole operations.
 *
 * While the breaker is open every request fails at once with `mis_unavailable` (retryable, Retry-After = seconds until
 * the next probe) instead of waiting for a dead MIS: nothing piles up. After `halfOpenAfterMs` one request is let
 * through as a probe; the others keep failing fast until it answers (cockatiel itself would queue them behind it).
 * A probe that gets any answer from the MIS closes the breaker; a transient failure opens it again.
 */
import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState,
  CountBreaker,
  ExponentialBackoff,
  handleWhen,
  IsolatedCircuitError,
  noop,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
  type IPolicy,
} from 'cockatiel';
import { AppError } from '../http/errors';

export interface BreakerOptions {
  /** Share of failed attempts (0..1) in the window that opens the breaker. */
  failureRate: number;
  /** How many of the latest attempts are counted. */
  window: number;
  /** Attempts needed in the window before it can open (a quiet MIS with one failure is not "down"). */
  minimumCalls: number;
  /** How long it stays open before a probe is let through. */
  halfOpenAfterMs: number;
}

export interface MisPolicyOptions {
  /** Retries of a request after the first try (0: none). */
  retries: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Budget of one port operation with all its requests and retries (0 or absent: none). */
  operationTimeoutMs?: number;
  /** The circuit breaker; absent or false: none. */
  breaker?: BreakerOptions | false;
}

export type BreakerState = 'closed' | 'open' | 'half_open';

/** What the adapter runs its operations and requests in. */
export interface MisPolicy {
  /** Around one port operation: its time budget; a failure leaves it as a contract error with Retry-After. */
  execute<T>(operation: () => Promise<T>): Promise<T>;
  /** Around one HTTP request to the MIS: retries of transient failures, through the breaker. */
  request<T>(send: () => Promise<T>): Promise<T>;
  /** The breaker's state ('closed' when there is none). */
  readonly state: BreakerState;
}

export const DEFAULT_BREAKER: BreakerOptions = { failureRate: 0.5, window: 20, minimumCalls: 10, halfOpenAfterMs: 5_000 };

/** Seconds a client is told to wait after a transient failure that did not open the breaker. */
const RETRY_AFTER_SECONDS = 1;

export function isTransientMisError(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'mis_unavailable' || error.code === 'mis_timeout');
}

function unavailable(retryAfterSeconds: number): AppError {
  return new AppError('mis_unavailable', undefined, { retryable: true, retryAfterSeconds });
}

export function createMisPolicy(options: MisPolicyOptions): MisPolicy {
  // Date.now, as cockatiel's own clock for the half-open time.
  const now = Date.now;
  const transient = handleWhen(isTransientMisError);
  const retrying: IPolicy =
    options.retries > 0
      ? retry(transient, {
          maxAttempts: options.retries,
          backoff: new ExponentialBackoff({ initialDelay: options.initialDelayMs ?? 100, maxDelay: options.maxDelayMs ?? 1_000 }),
        })
      : noop;

  const breakerOptions = options.breaker || undefined;
  const breaker = breakerOptions
    ? circuitBreaker(transient, {
        halfOpenAfter: breakerOptions.halfOpenAfterMs,
        breaker: new CountBreaker({ threshold: breakerOptions.failureRate, size: breakerOptions.window, minimumNumberOfCalls: breakerOptions.minimumCalls }),
      })
    : undefined;
  let openedAt = 0;
  breaker?.onBreak(() => {
    openedAt = now();
  });
  const secondsUntilProbe = () => Math.max(1, Math.ceil((openedAt + (breakerOptions?.halfOpenAfterMs ?? 0) - now()) / 1000));
  const perRequest: IPolicy = breaker ? wrap(retrying, breaker) : retrying;
  // Aggressive: the caller gets its answer at the budget; the abandoned requests finish (or time out) on their own,
  // which is harmless because every request is a read or a conditional or keyed write.
  const budget: IPolicy = options.operationTimeoutMs && options.operationTimeoutMs > 0 ? timeout(options.operationTimeoutMs, TimeoutStrategy.Aggressive) : noop;

  const stateOf = (): BreakerState => {
    switch (breaker?.state) {
      case CircuitState.Open:
      case CircuitState.Isolated:
        return 'open';
      case CircuitState.HalfOpen:
        return 'half_open';
      default:
        return 'closed';
    }
  };

  return {
    get state() {
      return stateOf();
    },
    async request<T>(send: () => Promise<T>): Promise<T> {
      // A probe is running: fail fast rather than queue behind it.
      if (breaker?.state === CircuitState.HalfOpen) throw unavailable(RETRY_AFTER_SECONDS);
      try {
        return await perRequest.execute(() => send());
      } catch (error) {
        if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) throw unavailable(secondsUntilProbe());
        throw error;
      }
    },
    async execute<T>(operation: () => Promise<T>): Promise<T> {
      try {
        return await budget.execute(() => operation());
      } catch (error) {
        if (error instanceof TaskCancelledError) throw new AppError('mis_timeout', undefined, { retryable: true, retryAfterSeconds: RETRY_AFTER_SECONDS });
        if (isTransientMisError(error) && (error as AppError).details.retryAfterSeconds === undefined) {
          const e = error as AppError;
          throw new AppError(e.code, e.operatorMessage, {
            ...e.details,
            retryable: true,
            retryAfterSeconds: stateOf() === 'open' ? secondsUntilProbe() : RETRY_AFTER_SECONDS,
          });
        }
        throw error;
      }
    },
  };
}

/**
 * The last good answer per key, for reads the line must still make while the MIS is down: the serving MO and zone of
 * an address (a home visit is queued only when its MO is known). Fresh answers always win; a remembered one is
 * used only when the MIS fails transiently, and only within `maxAgeMs`. Bounded: the oldest entries go first.
 */
export class LastKnown<T> {
  private readonly entries = new Map<string, { value: T; at: number }>();

  constructor(
    private readonly maxEntries = 5_000,
    private readonly maxAgeMs = 12 * 3600_000,
    private readonly now: () => number = Date.now,
  ) {}

  async read(key: string, fetch: () => Promise<T>): Promise<T> {
    try {
      const value = await fetch();
      this.entries.delete(key);
      this.entries.set(key, { value, at: this.now() });
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
      return value;
    } catch (error) {
      const known = this.entries.get(key);
      if (isTransientMisError(error) && known && this.now() - known.at <= this.maxAgeMs) return known.value;
      throw error;
    }
  }
}
