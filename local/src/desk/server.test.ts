import * as fs from 'node:fs';
import * as path from 'node:path';
import { TABLES } from '@eer/contract';
import { solutionPaths } from '@eer/solution';
import { SignJWT, generateKeyPair } from 'jose';
import { DEV_TENANT, startDevIdentity, type DevIdentity } from '../devIdentity';
import type { SmsSink, SmtpSink } from '../sinks';
import { APPLICATION_USER_ID, startDesk, USER_COOKIE, WEB_API_PATH, type Desk } from './server';

describe('the desk server', () => {
  let identity: DevIdentity;
  let desk: Desk;
  let cookie: string;
  const dataverseUrls: string[] = [];

  beforeAll(async () => {
    identity = await startDevIdentity();
    desk = await startDesk({
      stack: {
        functionsUrl: 'http://127.0.0.1:9/api',
        identity,
        mail: { apiUrl: 'http://127.0.0.1:9' } as SmtpSink,
        sms: { url: 'http://127.0.0.1:9' } as SmsSink,
        useDataverse: (url) => dataverseUrls.push(url),
      },
      publishAnnouncements: false,
    });
    cookie = `${USER_COOKIE}=${desk.users[0]!.id}`;
  }, 120_000);
  afterAll(async () => {
    await desk?.close();
    await identity?.close();
  });

  const api = (url: string, init: RequestInit = {}) =>
    fetch(`${desk.url}${WEB_API_PATH}/${url}`, { ...init, headers: { cookie, 'content-type': 'application/json', ...init.headers } });

  it('serves the desk page, its runtime, the platform libraries and the model', async () => {
    for (const [url, type] of [
      ['/', 'text/html'],
      ['/desk/app/main.js', 'text/javascript'],
      ['/platform/react.js', 'text/javascript'],
      ['/platform/react-dom.js', 'text/javascript'],
      ['/platform/fluent.js', 'text/javascript'],
      ['/WebResources/eer_/auth/redirect.html', 'text/html'],
      ['/inbox', 'text/html'],
    ] as const) {
      const res = await fetch(`${desk.url}${url}`);
      expect({ url, status: res.status, type: res.headers.get('content-type')?.split(';')[0] }).toEqual({ url, status: 200, type });
    }
    expect(await (await fetch(`${desk.url}/platform/fluent.js`)).text()).toContain('FluentUIReactv940');
    const bootstrap = (await (await fetch(`${desk.url}/desk/bootstrap`)).json()) as { forms: unknown[]; siteMap: unknown[]; users: unknown[] };
    expect(bootstrap.forms.length).toBeGreaterThan(0);
    expect(bootstrap.siteMap.length).toBeGreaterThan(0);
    expect(bootstrap.users).toHaveLength(identity.operators.length);
    expect((await fetch(`${desk.url}/desk/app/../server.js`)).status).toBe(404);
  });

  it('serves each built control byte for byte as controls/out has it (what the solution packs)', async () => {
    for (const [name, control] of desk.controls) {
      const served = Buffer.from(await (await fetch(`${desk.url}/controls/${name}/bundle.js`)).arrayBuffer());
      expect(served.equals(fs.readFileSync(path.join(solutionPaths().controlsOut, name, 'bundle.js')))).toBe(true);
      expect(control.fullName).toBe(`Eer.${name}`);
      const strings = (await (await fetch(`${desk.url}/desk/strings/${name}/1049`)).json()) as Record<string, string>;
      expect(strings.Control_DisplayName).toBeTruthy();
    }
  });

  it('answers the Web API as Dataverse: a session is needed, wrong names fail, records round-trip', async () => {
    expect((await fetch(`${desk.url}${WEB_API_PATH}/eer_calls`)).status).toBe(401);
    const wrong = await api('eer_calls?$select=eer_nam');
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ error: { code: '0x80060888', message: expect.stringContaining("'eer_nam'") } });
    expect((await api('eer_callz')).status).toBe(404);

    const created = await api('eer_calls', { method: 'POST', body: JSON.stringify({ eer_topic: 3, eer_telephonycallid: 'server-test' }) });
    expect(created.status).toBe(204);
    const id = /\(([^)]+)\)$/.exec(created.headers.get('odata-entityid') ?? '')?.[1];
    expect((await api(`eer_calls(${id})`, { method: 'PATCH', body: JSON.stringify({ eer_comment: 'ok' }) })).status).toBe(204);
    const read = (await (await api(`eer_calls(${id})?$select=eer_topic,eer_comment,_ownerid_value`)).json()) as Record<string, unknown>;
    expect(read).toMatchObject({ eer_topic: 3, eer_comment: 'ok', _ownerid_value: desk.users[0]!.id });
    const page = await api(`eer_calls?$select=eer_topic&$filter=eer_telephonycallid eq 'server-test'`, { headers: { prefer: 'odata.maxpagesize=1' } });
    expect(((await page.json()) as { value: unknown[] }).value).toHaveLength(1);
    expect(desk.store.all(TABLES.call).some((r) => r.eer_callid === id)).toBe(true);
    const bad = await api('eer_calls', { method: 'POST', body: JSON.stringify({ eer_topic: 0 }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('0x80044331');
  });
  it('takes a bearer token instead of the session (the function app): checked signature, audience and expiry; a bad one is 401', async () => {
    expect(dataverseUrls).toEqual([desk.url]);
    const client = identity.clients[0]!;
    const appToken = async (scope = `${desk.url}/.default`) => {
      const res = await fetch(`${identity.url}/${DEV_TENANT}/oauth2/v2.0/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret, scope }),
      });
      return ((await res.json()) as { access_token: string }).access_token;
    };
    const withToken = (token: string, url: string, init: RequestInit = {}) =>
      fetch(`${desk.url}${WEB_API_PATH}/${url}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });

    const created = await api('eer_appeals', { method: 'POST', body: JSON.stringify({ eer_misappealid: 'bearer-key', eer_deliverystatus: 122120010 }) });
    const id = /\(([^)]+)\)$/.exec(created.headers.get('odata-entityid') ?? '')?.[1];
    const token = await appToken();
    const found = await withToken(token, `eer_appeals?$select=eer_appealid&$filter=eer_misappealid eq 'bearer-key'`);
    expect(found.status).toBe(200);
    expect(((await found.json()) as { value: unknown[] }).value).toEqual([expect.objectContaining({ eer_appealid: id })]);
    expect((await withToken(token, `eer_appeals(${id})`, { method: 'PATCH', headers: { 'if-match': '*' }, body: JSON.stringify({ eer_deliverystatus: 122120011 }) })).status).toBe(204);
    expect(desk.store.all(TABLES.appeal).find((r) => r.eer_appealid === id)).toMatchObject({ eer_deliverystatus: 122120011, _modifiedby_value: APPLICATION_USER_ID });

    // An operator's token for the desk acts as that operator.
    const operatorToken = await identity.issueToken({ operatorId: desk.users[1]!.operatorId, audience: desk.url });
    expect((await withToken(operatorToken, `eer_appeals(${id})`, { method: 'PATCH', body: JSON.stringify({ eer_comment: 'x' }) })).status).toBe(204);
    expect(desk.store.all(TABLES.appeal).find((r) => r.eer_appealid === id)).toMatchObject({ _modifiedby_value: desk.users[1]!.id });

    // Refused with Dataverse's 401: forged (another key), another audience, expired, an app with no application user, not a bearer.
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ azp: client.id, appid: client.id, idtyp: 'app', roles: [] })
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .setIssuer(identity.issuer)
      .setAudience(desk.url)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const expired = await identity.issueToken({ operatorId: desk.users[0]!.operatorId, audience: desk.url, expiresInSeconds: -120 });
    const strangerApp = await identity.issueToken({ operatorId: 'sp-stranger', audience: desk.url, roles: [] });
    for (const [name, bad] of [
      ['forged', forged],
      ['other audience', await appToken('api://eer-122-functions/.default')],
      ['expired', expired],
      ['stranger', strangerApp],
      ['garbage', 'not-a-jwt'],
    ] as const) {
      const res = await withToken(bad, `eer_appeals?$select=eer_appealid`);
      expect({ name, status: res.status }).toEqual({ name, status: 401 });
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer authorization_uri=/);
      expect(await res.json()).toEqual({ error: { code: '0x80048306', message: expect.any(String) } });
    }
    const basic = await fetch(`${desk.url}${WEB_API_PATH}/eer_appeals`, { headers: { authorization: 'Basic eDp5' } });
    expect(basic.status).toBe(401);
    // The browser's session keeps working as before.
    expect((await api(`eer_appeals(${id})?$select=eer_deliverystatus`)).status).toBe(200);
  });
});
