import { AppError } from '../http/errors';
import { createMisPolicy, LastKnown, type MisPolicy } from './resilience';

/** An operation of one request, as the adapter runs it. */
const call = <T>(policy: MisPolicy, send: () => Promise<T>) => policy.execute(() => policy.request(send));

const down = () => Promise.reject(new AppError('mis_unavailable'));
const notFound = () => Promise.reject(new AppError('not_found'));

async function outcome(promise: Promise<unknown>): Promise<{ code: string; retryAfter?: number }> {
  try {
    await promise;
    return { code: 'ok' };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, retryAfter: error.details.retryAfterSeconds };
  }
}

describe('MIS policy: retries, breaker, budget', () => {
  const breaker = { failureRate: 0.5, window: 10, minimumCalls: 4, halfOpenAfterMs: 5_000 };
  // Half-open after 200 ms of real time (cockatiel's clock): a waiting test, kept short.
  const quick = { ...breaker, halfOpenAfterMs: 200 };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('retries transient failures only, and says when to come back', async () => {
    const policy = createMisPolicy({ retries: 2, initialDelayMs: 1, maxDelayMs: 2 });
    let calls = 0;
    expect(await outcome(call(policy, () => (++calls < 3 ? down() : Promise.resolve('ok'))))).toEqual({ code: 'ok' });
    expect(calls).toBe(3);
    calls = 0;
    expect(await outcome(call(policy, () => (++calls, notFound())))).toEqual({ code: 'not_found' });
    expect(calls).toBe(1);
    expect(await outcome(call(policy, down))).toEqual({ code: 'mis_unavailable', retryAfter: 1 });
  });

  it('opens after the failure share, then fails at once without calling the MIS, with Retry-After until the probe', async () => {
    const policy = createMisPolicy({ retries: 0, breaker });
    let calls = 0;
    const failing = () => (calls++, down());
    for (let i = 0; i < 4; i++) await outcome(call(policy, failing));
    expect(policy.state).toBe('open');
    expect(calls).toBe(4);
    const refused = await outcome(call(policy, failing));
    expect(refused.code).toBe('mis_unavailable');
    expect(refused.retryAfter).toBeGreaterThanOrEqual(4);
    expect(refused.retryAfter).toBeLessThanOrEqual(5);
    expect(calls).toBe(4);
  });

  it('lets one probe through when half-open; the others fail fast meanwhile; an answer closes it', async () => {
    const policy = createMisPolicy({ retries: 0, breaker: quick });
    for (let i = 0; i < 4; i++) await outcome(call(policy, down));
    await sleep(250);
    let release!: () => void;
    let probes = 0;
    const probe = call(policy, () => {
      probes++;
      return new Promise<string>((resolve) => (release = () => resolve('ok')));
    });
    expect(policy.state).toBe('half_open');
    expect(await outcome(call(policy, () => (probes++, Promise.resolve('x'))))).toEqual({ code: 'mis_unavailable', retryAfter: 1 });
    expect(probes).toBe(1);
    release();
    await expect(probe).resolves.toBe('ok');
    expect(policy.state).toBe('closed');
    await expect(call(policy, () => Promise.resolve('again'))).resolves.toBe('again');
  });

  it('a failed probe opens it again; a MIS that answers "not found" counts as up', async () => {
    const policy = createMisPolicy({ retries: 0, breaker: quick });
    for (let i = 0; i < 4; i++) await outcome(call(policy, down));
    await sleep(250);
    expect((await outcome(call(policy, down))).code).toBe('mis_unavailable');
    expect(policy.state).toBe('open');
    await sleep(250);
    expect((await outcome(call(policy, notFound))).code).toBe('not_found');
    expect(policy.state).toBe('closed');
  });

  it('does not open on a minority of failures (20 % failing requests are retried, not refused)', async () => {
    const policy = createMisPolicy({ retries: 0, breaker: { ...breaker, window: 20, minimumCalls: 10 } });
    for (let i = 0; i < 100; i++) await outcome(call(policy, i % 5 === 0 ? down : () => Promise.resolve(i)));
    expect(policy.state).toBe('closed');
  });

  it('gives up at the operation budget with mis_timeout', async () => {
    const policy = createMisPolicy({ retries: 0, operationTimeoutMs: 50 });
    const slow = () => new Promise((resolve) => setTimeout(resolve, 2_000).unref());
    expect(await outcome(call(policy, slow))).toEqual({ code: 'mis_timeout', retryAfter: 1 });
  });

  it('retries each request of an operation, so an operation of many requests survives a share of failures', async () => {
    const policy = createMisPolicy({ retries: 2, initialDelayMs: 1, maxDelayMs: 2, breaker });
    let sent = 0;
    // Every third request fails: an operation of 8 requests that retried only as a whole would fail every time.
    const flaky = () => (++sent % 3 === 0 ? down() : Promise.resolve(sent));
    const operation = async () => {
      for (let i = 0; i < 8; i++) await policy.request(flaky);
      return 'done';
    };
    for (let i = 0; i < 5; i++) expect(await policy.execute(operation)).toBe('done');
    expect(policy.state).toBe('closed');
  });
});

describe('LastKnown', () => {
  it('answers from memory only when the MIS fails transiently, within the age limit', async () => {
    let clock = 0;
    const known = new LastKnown<string>(2, 1_000, () => clock);
    expect(await known.read('a', () => Promise.resolve('A1'))).toBe('A1');
    expect(await known.read('a', down)).toBe('A1');
    await expect(known.read('a', notFound)).rejects.toMatchObject({ code: 'not_found' });
    await expect(known.read('b', down)).rejects.toMatchObject({ code: 'mis_unavailable' });
    clock = 2_000;
    await expect(known.read('a', down)).rejects.toMatchObject({ code: 'mis_unavailable' });
    // bounded: the oldest goes first
    await known.read('x', () => Promise.resolve('X'));
    await known.read('y', () => Promise.resolve('Y'));
    await known.read('z', () => Promise.resolve('Z'));
    await expect(known.read('x', down)).rejects.toMatchObject({ code: 'mis_unavailable' });
    expect(await known.read('z', down)).toBe('Z');
  });
});
