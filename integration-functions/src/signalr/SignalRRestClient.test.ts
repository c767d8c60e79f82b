import { HttpTransportType, HubConnectionBuilder, LogLevel, type HubConnection } from '@microsoft/signalr';
import { startLocalSignalR, type LocalSignalR } from '@eer/local';
import { decodeJwt } from 'jose';
import { parseConnectionString } from './connectionString';
import { SignalRError, SignalRRestClient } from './SignalRRestClient';

describe('parseConnectionString', () => {
  it('reads Endpoint, AccessKey (base64 with =) and Port, case-insensitively', () => {
    expect(parseConnectionString('Endpoint=https://x.service.signalr.net;AccessKey=abc+/=;Version=1.0;')).toEqual({ endpoint: 'https://x.service.signalr.net', accessKey: 'abc+/=' });
    expect(parseConnectionString('endpoint=http://localhost;accesskey=k;Port=8888;version=1.0')).toEqual({ endpoint: 'http://localhost:8888', accessKey: 'k' });
  });
  it('refuses what it cannot use', () => {
    expect(() => parseConnectionString('Endpoint=https://x;Version=1.0;')).toThrow(/AccessKey/);
    expect(() => parseConnectionString('Endpoint=https://x;AuthType=aad;AccessKey=k')).toThrow(/AccessKey authentication/);
  });
});

describe('SignalRRestClient against the local SignalR service', () => {
  let service: LocalSignalR;
  let client: SignalRRestClient;
  const connections: HubConnection[] = [];

  /** The real client, given the negotiate answer as a function app would give it. */
  async function connect(userId: string): Promise<HubConnection> {
    const { url, accessToken } = await client.clientNegotiate(userId);
    const connection = new HubConnectionBuilder()
      .withUrl(url, { accessTokenFactory: () => accessToken, transport: HttpTransportType.WebSockets })
      .configureLogging(LogLevel.None)
      .build();
    await connection.start();
    connections.push(connection);
    return connection;
  }

  const next = (connection: HubConnection, target: string) => new Promise<unknown[]>((resolve) => connection.on(target, (...args: unknown[]) => resolve(args)));

  beforeAll(async () => {
    service = await startLocalSignalR();
    client = new SignalRRestClient(service.connectionString, { hub: 'eer122' });
  });
  afterAll(async () => {
    await Promise.all(connections.map((c) => c.stop()));
    await service.close();
  });

  it('issues a client token whose aud is the redirect url and whose nameid is the user', async () => {
    const { url, accessToken } = await client.clientNegotiate('op-1');
    expect(url).toBe(`${service.endpoint}/client/?hub=eer122`);
    expect(decodeJwt(accessToken)).toMatchObject({ aud: url, nameid: 'op-1', exp: expect.any(Number) });
  });

  it('sends to a user, a group and everyone, and manages group membership', async () => {
    const a = await connect('op-a');
    const b = await connect('op-b');
    const toA = next(a, 'callOffered');
    await client.sendToUser('op-a', 'callOffered', [{ id: 1 }]);
    expect(await toA).toEqual([{ id: 1 }]);

    await client.addUserToGroup('available', 'op-b');
    expect(await client.isUserInGroup('available', 'op-b')).toBe(true);
    expect(await client.isUserInGroup('available', 'op-a')).toBe(false);
    const toGroup = next(b, 'callTaken');
    await client.sendToGroup('available', 'callTaken', [{ id: 2 }]);
    expect(await toGroup).toEqual([{ id: 2 }]);
    await client.removeUserFromGroup('available', 'op-b');
    expect(await client.groupExists('available')).toBe(false);

    const all = [next(a, 'announcement'), next(b, 'announcement')];
    await client.sendToAll('announcement', ['news']);
    expect(await Promise.all(all)).toEqual([['news'], ['news']]);
    expect(await client.userExists('op-a')).toBe(true);
    expect(await client.userExists('op-z')).toBe(false);
    expect(await client.connectionExists(a.connectionId!)).toBe(true);
  });

  it('fails with a SignalRError (status, no payload) when the key is wrong or the service is down', async () => {
    const wrong = new SignalRRestClient(`Endpoint=${service.endpoint};AccessKey=not-the-key-not-the-key-not-the-k;Version=1.0;`, { hub: 'eer122' });
    await expect(wrong.sendToUser('op-a', 'x', [])).rejects.toMatchObject({ name: 'SignalRError', status: 401 });
    const down = new SignalRRestClient('Endpoint=http://127.0.0.1:9;AccessKey=k;Version=1.0;', { hub: 'eer122', timeoutMs: 500 });
    const error = await down.sendToAll('x', ['+79161234567']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignalRError);
    expect(String((error as Error).message)).not.toContain('79161234567');
  });
});
