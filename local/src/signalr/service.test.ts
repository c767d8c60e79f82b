import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpTransportType, HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import { SignJWT } from 'jose';
import { startLocalSignalR, SERVERLESS_INVOCATION_ERROR, type LocalSignalR } from './service';

const HUB = 'testhub';

function sign(key: string, audience: string, claims: Record<string, unknown> = {}, expiresIn = '1h'): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setAudience(audience).setIssuedAt().setExpirationTime(expiresIn).sign(new TextEncoder().encode(key));
}

/** A negotiate endpoint as the function app serves it: answers the redirect with a token for `user`. */
async function startNegotiate(service: LocalSignalR, tokenFor: (url: string, user: string) => Promise<string>): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const user = new URL(req.url ?? '/', 'http://x').pathname.split('/')[1] ?? 'nobody';
    const url = `${service.endpoint}/client/?hub=${HUB}`;
    void tokenFor(url, user).then((accessToken) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ url, accessToken }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function client(url: string, options: { serverTimeoutMs?: number; keepAliveMs?: number } = {}): HubConnection {
  const connection = new HubConnectionBuilder()
    .withUrl(url, { transport: HttpTransportType.WebSockets })
    .configureLogging(LogLevel.None)
    .build();
  if (options.serverTimeoutMs) connection.serverTimeoutInMilliseconds = options.serverTimeoutMs;
  if (options.keepAliveMs) connection.keepAliveIntervalInMilliseconds = options.keepAliveMs;
  return connection;
}

function received(connection: HubConnection, target: string, count = 1, timeoutMs = 3000): Promise<unknown[][]> {
  const seen: unknown[][] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${target}: got ${seen.length} of ${count}`)), timeoutMs);
    connection.on(target, (...args: unknown[]) => {
      seen.push(args);
      if (seen.length === count) {
        clearTimeout(timer);
        resolve(seen);
      }
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('local SignalR service (Azure SignalR serverless protocol) with the real @microsoft/signalr client', () => {
  let service: LocalSignalR;
  let negotiate: Awaited<ReturnType<typeof startNegotiate>>;
  const open: HubConnection[] = [];
  const rest = async (method: string, path: string, body?: unknown, token?: string) => {
    const url = `${service.endpoint}/api/v1/hubs/${HUB}${path}`;
    const res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${token ?? (await sign(service.accessKey, url.replace(/\/$/, '')))}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return res.status;
  };
  const connect = async (user: string, options?: Parameters<typeof client>[1]) => {
    const connection = client(`${negotiate.url}/${user}`, options);
    open.push(connection);
    await connection.start();
    return connection;
  };

  beforeAll(async () => {
    service = await startLocalSignalR({ pingIntervalMs: 200, clientTimeoutMs: 60_000 });
    negotiate = await startNegotiate(service, (url, user) => sign(service.accessKey, url, { nameid: user }));
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.stop()));
  });
  afterAll(async () => {
    await negotiate.close();
    await service.close();
  });

  it('follows the negotiate redirect, answers the client negotiate and delivers to the user over WebSocket', async () => {
    const op1 = await connect('op-1');
    const op2 = await connect('op-2');
    expect(op1.state).toBe(HubConnectionState.Connected);
    expect(service.connectionCount('op-1')).toBe(1);
    const got1 = received(op1, 'callOffered');
    const got2: unknown[] = [];
    op2.on('callOffered', (a: unknown) => got2.push(a));
    expect(await rest('POST', '/users/op-1', { target: 'callOffered', arguments: [{ telephonyCallId: 'c-1' }] })).toBe(202);
    expect(await got1).toEqual([[{ telephonyCallId: 'c-1' }]]);
    expect(await rest('GET', '/users/op-1')).toBe(200);
    expect(await rest('GET', '/users/nobody')).toBe(404);
    await sleep(100);
    expect(got2).toEqual([]);
  });

  it('answers the client negotiate with the documented body, token as Bearer or access_token query', async () => {
    const url = `${service.endpoint}/client/?hub=${HUB}`;
    const token = await sign(service.accessKey, url, { nameid: 'op-9' });
    const byHeader = await fetch(`${service.endpoint}/client/negotiate?hub=${HUB}&negotiateVersion=1`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(byHeader.status).toBe(200);
    expect(await byHeader.json()).toEqual({
      connectionId: expect.any(String),
      connectionToken: expect.any(String),
      negotiateVersion: 1,
      availableTransports: [{ transport: 'WebSockets', transferFormats: ['Text', 'Binary'] }],
    });
    const byQuery = await fetch(`${service.endpoint}/client/negotiate?hub=${HUB}&negotiateVersion=1&access_token=${token}`, { method: 'POST', headers: { origin: 'http://desk.local' } });
    expect(byQuery.status).toBe(200);
    expect(byQuery.headers.get('access-control-allow-origin')).toBe('http://desk.local');
    expect(byQuery.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('refuses a client with a bad signature, an expired token or another audience (401)', async () => {
    const url = `${service.endpoint}/client/?hub=${HUB}`;
    const cases = {
      'bad-key': () => sign('another-key-another-key-another-k', url, { nameid: 'x' }),
      expired: () => sign(service.accessKey, url, { nameid: 'x' }, '-1m'),
      audience: () => sign(service.accessKey, `${service.endpoint}/client/?hub=otherhub`, { nameid: 'x' }),
    };
    for (const [name, make] of Object.entries(cases)) {
      const bad = await startNegotiate(service, make);
      const connection = client(`${bad.url}/x`);
      await expect(connection.start()).rejects.toThrow(/401/);
      await bad.close();
      const res = await fetch(`${service.endpoint}/client/negotiate?hub=${HUB}`, { method: 'POST', headers: { authorization: `Bearer ${await make()}` } });
      expect([name, res.status]).toEqual([name, 401]);
    }
    const none = await fetch(`${service.endpoint}/client/negotiate?hub=${HUB}`, { method: 'POST' });
    expect(none.status).toBe(401);
  });

  it('refuses REST calls with no token, a bad key, an expired token or the wrong audience (401) and delivers nothing', async () => {
    const op = await connect('op-3');
    const got: unknown[] = [];
    op.on('announcement', (a: unknown) => got.push(a));
    const base = `${service.endpoint}/api/v1/hubs/${HUB}`;
    const message = { target: 'announcement', arguments: ['x'] };
    const status = async (token: string | undefined) => {
      const res = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(message) });
      return res.status;
    };
    expect(await status(undefined)).toBe(401);
    expect(await status(await sign('wrong-key-wrong-key-wrong-key-12', base))).toBe(401);
    expect(await status(await sign(service.accessKey, base, {}, '-2m'))).toBe(401);
    expect(await status(await sign(service.accessKey, `${base}/users/op-3`))).toBe(401);
    expect(await status(await sign(service.accessKey, `${base}?x=1`))).toBe(401);
    await sleep(100);
    expect(got).toEqual([]);
    const delivered = received(op, 'announcement');
    expect(await status(await sign(service.accessKey, base))).toBe(202);
    expect(await delivered).toEqual([['x']]);
  });

  it('sends to groups by user membership, which outlives connections; to one connection; to all', async () => {
    const a = await connect('g-a');
    const b = await connect('g-b');
    const c = await connect('g-c');
    expect(await rest('PUT', '/groups/available/users/g-a')).toBe(200);
    expect(await rest('PUT', '/groups/available/users/g-b')).toBe(200);
    expect(await rest('GET', '/groups/available/users/g-a')).toBe(200);
    expect(await rest('GET', '/groups/available/users/g-c')).toBe(404);
    const gotA = received(a, 'callOffered');
    const gotB = received(b, 'callOffered');
    const gotC: unknown[] = [];
    c.on('callOffered', (x: unknown) => gotC.push(x));
    expect(await rest('POST', '/groups/available', { target: 'callOffered', arguments: [1] })).toBe(202);
    await Promise.all([gotA, gotB]);

    // membership is by user: a new connection of g-a is in the group too
    await a.stop();
    const a2 = await connect('g-a');
    const gotA2 = received(a2, 'callTaken');
    expect(await rest('DELETE', '/groups/available/users/g-b')).toBe(200);
    const gotB2: unknown[] = [];
    b.on('callTaken', (x: unknown) => gotB2.push(x));
    expect(await rest('POST', '/groups/available', { target: 'callTaken', arguments: [2] })).toBe(202);
    await gotA2;

    expect(await rest('DELETE', '/users/g-a/groups')).toBe(200);
    expect(await rest('GET', '/groups/available')).toBe(404);

    const connectionId = c.connectionId!;
    expect(await rest('GET', `/connections/${connectionId}`)).toBe(200);
    const gotOne = received(c, 'direct');
    expect(await rest('POST', `/connections/${connectionId}`, { target: 'direct', arguments: [] })).toBe(202);
    await gotOne;
    const everyone = [received(a2, 'all'), received(b, 'all'), received(c, 'all')];
    expect(await rest('POST', '', { target: 'all', arguments: ['news'] })).toBe(202);
    await Promise.all(everyone);
    await sleep(100);
    expect([gotC, gotB2]).toEqual([[], []]);
    expect(await rest('POST', '', { arguments: [] })).toBe(400);
  });

  it('closes a client that invokes a hub method (serverless: clients only listen)', async () => {
    const op = await connect('op-4');
    const closed = new Promise<Error | undefined>((resolve) => op.onclose(resolve));
    await op.send('claim', 'c-1');
    const error = await closed;
    expect(error?.message).toContain(SERVERLESS_INVOCATION_ERROR);
    expect(op.state).toBe(HubConnectionState.Disconnected);
    expect(service.connectionCount('op-4')).toBe(0);
  });

  it('keeps a quiet client alive with pings, and closes a client that stops talking', async () => {
    // The client drops the connection after 2.5 s without a message: only the service pings (every 200 ms) keep it.
    const quiet = await connect('op-5', { serverTimeoutMs: 2500, keepAliveMs: 1000 });
    await sleep(3500);
    expect(quiet.state).toBe(HubConnectionState.Connected);

    const strict = await startLocalSignalR({ pingIntervalMs: 100, clientTimeoutMs: 500 });
    const strictNegotiate = await startNegotiate(strict, (url, user) => sign(strict.accessKey, url, { nameid: user }));
    const silent = client(`${strictNegotiate.url}/op-6`, { keepAliveMs: 10_000 });
    await silent.start();
    const closed = new Promise<Error | undefined>((resolve) => silent.onclose(resolve));
    expect((await closed)?.message).toMatch(/timeout/i);
    await strictNegotiate.close();
    await strict.close();
  });
});
