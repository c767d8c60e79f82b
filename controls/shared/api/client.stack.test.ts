/**
 * @jest-environment node
 */
// The client against the real local function host (the same function definitions Azure runs) and the dev issuer.
import { startStack, type Stack } from '@eer/local';
import { callApi, createApiClient } from './client';
import type { ApiError } from './ApiError';
import type { TokenSource } from '../auth/TokenSource';

describe('callApi against the local function app', () => {
  let stack: Stack;
  let tokens: TokenSource;
  beforeAll(async () => {
    stack = await startStack();
    tokens = { getToken: () => stack.operatorToken('op-client-test') };
  }, 120_000);
  afterAll(() => stack?.close(), 30_000);

  it('reads GET health through the HealthStatus schema', async () => {
    const health = await callApi(createApiClient({ baseUrl: stack.functionsUrl }), 'health');
    expect(health.status).toBe('ok');
    expect(Number.isNaN(Date.parse(health.time))).toBe(false);
  });

  it('gets 401 unauthenticated from an operator route without a token, with the server correlation id', async () => {
    const error = (await callApi(createApiClient({ baseUrl: stack.functionsUrl, lcid: 1033 }), 'searchPatients', { body: { fullName: 'Иванов' } }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error).toMatchObject({ code: 'unauthenticated', status: 401, retryable: false, field: 'authorization' });
    expect(error.message).toBe('Sign-in required');
    expect(error.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gets a 400 naming the field when an authenticated search has a bad SNILS, in Russian by default', async () => {
    const client = createApiClient({ baseUrl: stack.functionsUrl, tokens, lcid: 1049 });
    const error = (await callApi(client, 'searchPatients', { body: { snils: '112-233-445 00' } }).catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ code: 'validation_failed', status: 400, field: 'snils', retryable: false });
    expect(error.issues?.[0]).toMatchObject({ field: 'snils', code: 'snils.checksum' });
    expect(error.issues?.[0]?.message).toMatch(/контрольная сумма/);
  });
});
