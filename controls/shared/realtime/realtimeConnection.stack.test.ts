/**
 * @jest-environment node
 */
// The realtime service with the real @microsoft/signalr client against the local stack: negotiate on the function
// app, the Azure SignalR stand-in, pushes published through the function app, a service restart survived.
import { HttpTransportType } from '@microsoft/signalr';
import { startLocalSignalR, startStack, type LocalSignalR, type Stack } from '@eer/local';
import { callApi, createApiClient } from '../api/client';
import { forgetPageShared } from '../pageShared';
import type { TokenSource } from '../auth/TokenSource';
import { realtimeConnection, type ConnectionStatus, type Push, type RealtimeConnection } from './realtimeConnection';

jest.setTimeout(120_000);

function until<T>(check: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const value = check();
      if (value) return resolve(value);
      if (Date.now() - started > timeoutMs) return reject(new Error('condition not met in time'));
      setTimeout(tick, 25);
    };
    tick();
  });
}

describe('realtime connection against the local stack', () => {
  let stack: Stack;
  let replacement: LocalSignalR | undefined;
  let connection: RealtimeConnection;
  const statuses: ConnectionStatus[] = [];
  const announcements: Array<Push<'announcement'>> = [];
  let connectedCalls = 0;
  let tokenCalls: Array<{ forceRefresh?: boolean } | undefined> = [];

  beforeAll(async () => {
    stack = await startStack({ log: () => undefined });
  });
  afterAll(async () => {
    connection?.release();
    forgetPageShared();
    await replacement?.close();
    await stack?.close();
  });

  const publish = async (title: string) => {
    const supervisor = await stack.identity.issueToken({ operatorId: 'sup-rt', roles: ['EER.Operator', 'EER.Supervisor'] });
    const client = createApiClient({ baseUrl: stack.functionsUrl, tokens: { getToken: () => Promise.resolve(supervisor) } });
    await callApi(client, 'publishAnnouncement', { body: { title, text: 'Текст объявления', severity: 'info' } });
  };

  it('retries the first start until the token comes, then connects, once for every control on the page', async () => {
    let failures = 2;
    const tokens: TokenSource = {
      getToken: (options) => {
        tokenCalls.push(options);
        if (failures-- > 0) return Promise.reject(new Error('sign-in not ready'));
        return stack.operatorToken('op-rt');
      },
    };
    const options = { baseUrl: stack.functionsUrl, tokens, backoff: { initialMs: 50, maxMs: 200 }, transport: HttpTransportType.WebSockets };
    connection = realtimeConnection(options);
    // A second control on the same page gets the same connection.
    expect(realtimeConnection(options)).toBe(connection);
    connection.watch((state) => statuses.push(state.status));
    connection.onConnected(() => connectedCalls++);
    connection.subscribe({ announcement: (a) => announcements.push(a) });
    connection.retain();
    connection.retain();

    await until(() => connection.state.status === 'connected');
    expect(statuses).toEqual(['connecting', 'disconnected', 'connecting', 'disconnected', 'connecting', 'connected']);
    expect(connection.state.epoch).toBe(1);
    expect(connectedCalls).toBe(1);
    expect(stack.signalr.connectionCount('op-rt')).toBe(1);
  });

  it('delivers pushes checked against the contract', async () => {
    await publish('Плановые работы');
    const received = await until(() => announcements.find((a) => a.title === 'Плановые работы'));
    expect(received).toMatchObject({ severity: 'info', text: 'Текст объявления', id: expect.any(String) });
    expect(connection.invalidPushes).toBe(0);
  });

  it('survives a restart of the SignalR service: reconnecting, connected again, onConnected called again', async () => {
    const { port, accessKey } = stack.signalr;
    statuses.length = 0;
    tokenCalls = [];
    await stack.signalr.close();
    await until(() => statuses.includes('reconnecting'));
    // Down for a while: the client keeps trying.
    await new Promise((resolve) => setTimeout(resolve, 700));
    replacement = await startLocalSignalR({ port, accessKey });
    await until(() => connection.state.status === 'connected' && connection.state.epoch === 2, 30_000);
    expect(connectedCalls).toBe(2);
    expect(statuses[statuses.length - 1]).toBe('connected');
    expect(tokenCalls.length).toBeGreaterThan(0);

    await publish('После перезапуска');
    await until(() => announcements.find((a) => a.title === 'После перезапуска'));
  });

  it('stops when the last control releases it', async () => {
    connection.release();
    expect(connection.state.status).toBe('connected');
    connection.release();
    await until(() => connection.state.status === 'disconnected');
    await until(() => replacement!.connectionCount('op-rt') === 0);
  });
});
