/**
 * The Dataverse client against a tiny real HTTP server playing Entra ID's token endpoint and the Web API: the
 * client-credentials request, the token kept and renewed after a 401, the OData query, PATCH with If-Match, and
 * which failures are worth another attempt. And the settings: off, half set, set.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDataverseClient, DataverseRequestError, odataString } from './dataverse';
import { dataverseSettings, type DataverseSettings } from './settings';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function fakeDataverse() {
  const seen: Seen[] = [];
  const state = { tokens: 0, answer: null as null | { status: number; body?: unknown }, validToken: '' };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const send = (status: number, data?: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(data === undefined ? '' : JSON.stringify(data));
      };
      if (req.url === '/tenant/oauth2/v2.0/token') {
        const form = new URLSearchParams(body);
        if (form.get('client_secret') !== 'secret') return send(401, { error: 'invalid_client', error_description: 'AADSTS7000215' });
        state.validToken = `token-${++state.tokens}`;
        return send(200, { token_type: 'Bearer', expires_in: 3600, access_token: state.validToken });
      }
      if (state.answer) return send(state.answer.status, state.answer.body);
      if (req.headers.authorization !== `Bearer ${state.validToken}`) return send(401, { error: { code: '0x80072560', message: 'bad token' } });
      if (req.method === 'GET') return send(200, { value: [{ eer_homevisitid: 'row-1' }] });
      if (req.method === 'PATCH') return send(204);
      return send(405);
    });
  });
  return { seen, state, server };
}

describe('Dataverse client', () => {
  const fake = fakeDataverse();
  let settings: DataverseSettings;
  beforeAll(async () => {
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    settings = { url: base, authority: `${base}/tenant`, clientId: 'app-1', clientSecret: 'secret', rowAttempts: 3, timeoutMs: 2_000 };
  });
  afterAll(() => new Promise<void>((resolve) => fake.server.close(() => resolve())));
  beforeEach(() => {
    fake.seen.length = 0;
    fake.state.answer = null;
  });

  it('gets a token by client credentials for {url}/.default, keeps it, and queries and patches as the Web API wants', async () => {
    const client = createDataverseClient(settings);
    const rows = await client.findRows('eer_homevisits', `eer_misrequestid eq ${odataString("k'1")}`, ['eer_homevisitid'], 5);
    expect(rows).toEqual([{ eer_homevisitid: 'row-1' }]);
    await client.updateRow('eer_homevisits', 'row-1', { eer_deliverystatus: 122120011 });

    const [token, find, update] = fake.seen;
    expect(token!.method).toBe('POST');
    expect(Object.fromEntries(new URLSearchParams(token!.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'app-1',
      client_secret: 'secret',
      scope: `${settings.url}/.default`,
    });
    expect(find!.method).toBe('GET');
    const query = new URL(find!.url, settings.url).searchParams;
    expect(new URL(find!.url, settings.url).pathname).toBe('/api/data/v9.2/eer_homevisits');
    expect(query.get('$filter')).toBe("eer_misrequestid eq 'k''1'");
    expect(query.get('$select')).toBe('eer_homevisitid');
    expect(query.get('$top')).toBe('5');
    expect(find!.headers).toMatchObject({ authorization: 'Bearer token-1', 'odata-version': '4.0', accept: 'application/json' });
    expect(update).toMatchObject({ method: 'PATCH', url: '/api/data/v9.2/eer_homevisits(row-1)', body: '{"eer_deliverystatus":122120011}' });
    expect(update!.headers).toMatchObject({ 'if-match': '*', authorization: 'Bearer token-1', 'content-type': 'application/json' });
    expect(fake.seen).toHaveLength(3); // one token for both calls
  });

  it('drops a token the Web API refuses (401, worth another attempt) and gets a new one next time', async () => {
    const client = createDataverseClient(settings);
    await client.findRows('eer_appeals', "eer_misappealid eq 'a'", ['eer_appealid']);
    fake.state.validToken = 'rotated';
    await expect(client.findRows('eer_appeals', "eer_misappealid eq 'a'", ['eer_appealid'])).rejects.toMatchObject({ status: 401, code: '0x80072560', transient: true });
    fake.seen.length = 0;
    await client.findRows('eer_appeals', "eer_misappealid eq 'a'", ['eer_appealid']);
    expect(fake.seen.map((s) => s.url.split('?')[0])).toEqual(['/tenant/oauth2/v2.0/token', '/api/data/v9.2/eer_appeals']);
  });

  it('classifies failures: 429 and 5xx and no answer are transient; 404, 400 and a refused client secret are not', async () => {
    const client = createDataverseClient(settings);
    await client.findRows('eer_appeals', "eer_misappealid eq 'a'", ['eer_appealid']);
    for (const [status, transient] of [[429, true], [503, true], [404, false], [400, false]] as const) {
      fake.state.answer = { status, body: { error: { code: '0x80040217', message: 'x' } } };
      const failure = (await client.updateRow('eer_appeals', 'r', {}).catch((e: unknown) => e)) as DataverseRequestError;
      expect({ status: failure.status, transient: failure.transient }).toEqual({ status, transient });
      expect(failure.message).not.toContain('eer_appeals(r)');
    }
    const wrongSecret = createDataverseClient({ ...settings, clientSecret: 'wrong' });
    await expect(wrongSecret.findRows('eer_appeals', 'x', ['eer_appealid'])).rejects.toMatchObject({ operation: 'token', status: 401, code: 'invalid_client', transient: false });
    const nobody = createDataverseClient({ ...settings, url: 'http://127.0.0.1:9', authority: 'http://127.0.0.1:9/tenant' });
    await expect(nobody.findRows('eer_appeals', 'x', ['eer_appealid'])).rejects.toMatchObject({ operation: 'token', status: undefined, transient: true });
  });
});

describe('Dataverse settings', () => {
  const full = {
    DATAVERSE_URL: 'https://org.crm4.dynamics.com/',
    DATAVERSE_AUTHORITY: 'https://login.microsoftonline.com/tenant',
    DATAVERSE_CLIENT_ID: 'app',
    DATAVERSE_CLIENT_SECRET: 'very-secret',
  };
  it('is off when no connection setting is set (empty counts as unset)', () => {
    expect(dataverseSettings({})).toBeNull();
    expect(dataverseSettings({ DATAVERSE_URL: ' ', DATAVERSE_ROW_ATTEMPTS: '3' })).toBeNull();
  });
  it('reads a full connection with defaults', () => {
    expect(dataverseSettings(full)).toEqual({
      url: 'https://org.crm4.dynamics.com',
      authority: 'https://login.microsoftonline.com/tenant',
      clientId: 'app',
      clientSecret: 'very-secret',
      rowAttempts: 5,
      timeoutMs: 10_000,
    });
  });
  it('fails naming what is missing or wrong, never a value', () => {
    const { DATAVERSE_CLIENT_SECRET: _secret, ...half } = full;
    expect(() => dataverseSettings(half)).toThrow(/DATAVERSE_CLIENT_SECRET/);
    const wrong = () => dataverseSettings({ ...full, DATAVERSE_URL: 'not a url', DATAVERSE_ROW_ATTEMPTS: '0' });
    expect(wrong).toThrow(/DATAVERSE_URL, DATAVERSE_ROW_ATTEMPTS|DATAVERSE_ROW_ATTEMPTS, DATAVERSE_URL/);
    expect(wrong).not.toThrow(/very-secret|not a url/);
  });
});
