import { createHash, randomBytes } from 'node:crypto';
import * as https from 'node:https';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { DEV_INTEGRATION_CLIENT_ID, DEV_TENANT, startDevIdentity, type DevIdentity } from './devIdentity';

/** https GET/POST trusting the issuer's own certificate (as a browser that accepted it). */
function request(idp: DevIdentity, method: 'GET' | 'POST', url: string, form?: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const req = https.request(url, { method, ca: idp.certificatePem, headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : {} }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

describe('development issuer (Entra ID stand-in)', () => {
  let idp: DevIdentity;
  const redirectUri = 'http://127.0.0.1:5555/redirect.html';
  beforeAll(async () => {
    idp = await startDevIdentity({ sessionOperator: 'operator2@eer122.local' });
  });
  afterAll(() => idp.close());

  const authorizeUrl = (extra: Record<string, string>, challenge: string) =>
    `${idp.authority}/oauth2/v2.0/authorize?${new URLSearchParams({
      client_id: idp.clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      response_mode: 'fragment',
      scope: `${idp.scope} openid profile offline_access`,
      state: 'st-1',
      nonce: 'n-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...extra,
    })}`;

  const fragmentOf = (location: string) => new URLSearchParams(new URL(location).hash.slice(1));

  it('keeps the direct grant and the JWKS over plain http, with the https issuer MSAL needs', async () => {
    expect(idp.issuer).toBe(`${idp.secureUrl}/${DEV_TENANT}/v2.0`);
    expect(idp.authority.startsWith('https://127.0.0.1:')).toBe(true);
    const res = await fetch(`${idp.url}/${DEV_TENANT}/oauth2/v2.0/token`, { method: 'POST', body: new URLSearchParams({ operator_id: 'op-9' }) });
    const { access_token } = (await res.json()) as { access_token: string };
    const { payload } = await jwtVerify(access_token, createRemoteJWKSet(new URL(idp.jwksUri)), { issuer: idp.issuer, audience: idp.audience });
    expect(payload).toMatchObject({ oid: 'op-9', roles: ['EER.Operator'] });
  });

  it('publishes an OpenID configuration whose issuer shares the authority origin', async () => {
    const res = await request(idp, 'GET', `${idp.authority}/v2.0/.well-known/openid-configuration`);
    const config = JSON.parse(res.body) as Record<string, string>;
    expect(config.issuer).toBe(idp.issuer);
    expect(new URL(config.authorization_endpoint!).origin).toBe(idp.secureUrl);
    expect(config.token_endpoint).toBe(`${idp.authority}/oauth2/v2.0/token`);
  });

  it('runs authorization code + PKCE silently for a known login_hint, then refreshes', async () => {
    const { verifier, challenge } = pkce();
    const res = await request(idp, 'GET', authorizeUrl({ prompt: 'none', login_hint: 'Operator1@eer122.local' }, challenge));
    expect(res.status).toBe(302);
    const answer = fragmentOf(String(res.headers.location));
    expect(answer.get('state')).toBe('st-1');
    expect(JSON.parse(Buffer.from(answer.get('client_info')!, 'base64url').toString())).toEqual({ uid: 'op-1', utid: DEV_TENANT });

    const tokenUrl = `${idp.authority}/oauth2/v2.0/token`;
    const form = { grant_type: 'authorization_code', client_id: idp.clientId, redirect_uri: redirectUri, code: answer.get('code')!, code_verifier: verifier, scope: `${idp.scope} openid profile offline_access` };
    const tokens = JSON.parse((await request(idp, 'POST', tokenUrl, form)).body) as Record<string, string>;
    expect(tokens.scope).toBe(idp.scope);
    expect(decodeJwt(tokens.id_token!)).toMatchObject({ aud: idp.clientId, nonce: 'n-1', oid: 'op-1', preferred_username: 'operator1@eer122.local', iss: idp.issuer });
    const access = await jwtVerify(tokens.access_token!, createRemoteJWKSet(new URL(idp.jwksUri)), { issuer: idp.issuer, audience: idp.audience });
    expect(access.payload).toMatchObject({ oid: 'op-1', scp: 'access_as_user', azp: idp.clientId, roles: ['EER.Operator'] });

    // A code is single-use.
    expect(JSON.parse((await request(idp, 'POST', tokenUrl, form)).body)).toMatchObject({ error: 'invalid_grant' });

    const refreshed = JSON.parse(
      (await request(idp, 'POST', tokenUrl, { grant_type: 'refresh_token', client_id: idp.clientId, refresh_token: tokens.refresh_token!, scope: idp.scope })).body,
    ) as Record<string, string>;
    expect(decodeJwt(refreshed.access_token!)).toMatchObject({ oid: 'op-1' });
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    const reused = await request(idp, 'POST', tokenUrl, { grant_type: 'refresh_token', client_id: idp.clientId, refresh_token: tokens.refresh_token! });
    expect(reused.status).toBe(400);
  });

  it('rejects a wrong code_verifier', async () => {
    const { challenge } = pkce();
    const res = await request(idp, 'GET', authorizeUrl({ prompt: 'none', login_hint: 'operator1@eer122.local' }, challenge));
    const code = fragmentOf(String(res.headers.location)).get('code')!;
    const answer = await request(idp, 'POST', `${idp.authority}/oauth2/v2.0/token`, {
      grant_type: 'authorization_code', client_id: idp.clientId, redirect_uri: redirectUri, code, code_verifier: pkce().verifier,
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'invalid_grant' });
  });

  it('answers prompt=none with login_required for an unknown user, and the session operator without a hint', async () => {
    const { challenge } = pkce();
    const unknown = await request(idp, 'GET', authorizeUrl({ prompt: 'none', login_hint: 'stranger@example.org', response_mode: 'query' }, challenge));
    const query = new URL(String(unknown.headers.location)).searchParams;
    expect(query.get('error')).toBe('login_required');
    expect(query.get('state')).toBe('st-1');
    const session = await request(idp, 'GET', authorizeUrl({ prompt: 'none' }, challenge));
    const info = fragmentOf(String(session.headers.location)).get('client_info')!;
    expect(JSON.parse(Buffer.from(info, 'base64url').toString()).uid).toBe('op-2');
  });

  it('shows a sign-in page for interactive requests and issues a code for the chosen operator', async () => {
    const { challenge } = pkce();
    const page = await request(idp, 'GET', authorizeUrl({ login_hint: 'supervisor@eer122.local' }, challenge));
    expect(page.status).toBe(200);
    expect(page.body).toContain('value="supervisor-1" checked');
    const fields = Object.fromEntries([...page.body.matchAll(/type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')]));
    const posted = await request(idp, 'POST', `${idp.authority}/oauth2/v2.0/authorize`, { ...fields, operator: 'supervisor-1' });
    expect(posted.status).toBe(302);
    expect(fragmentOf(String(posted.headers.location)).get('code')).toBeTruthy();
  });

  it('refuses non-loopback redirect URIs and requests without PKCE', async () => {
    const { challenge } = pkce();
    const foreign = await request(idp, 'GET', authorizeUrl({ redirect_uri: 'https://evil.example/cb' }, challenge));
    expect(foreign.status).toBe(400);
    expect(foreign.headers.location).toBeUndefined();
    const noPkce = await request(idp, 'GET', authorizeUrl({ code_challenge_method: 'plain' }, challenge));
    expect(fragmentOf(String(noPkce.headers.location)).get('error')).toBe('invalid_request');
  });
  it('grants client credentials to a registered confidential client: an app token for the requested resource', async () => {
    const client = idp.clients[0]!;
    expect(client.id).toBe(DEV_INTEGRATION_CLIENT_ID);
    expect(client.secret.length).toBeGreaterThanOrEqual(24);
    const token = (form: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(`${idp.url}/${DEV_TENANT}/oauth2/v2.0/token`, { method: 'POST', body: new URLSearchParams(form), headers });
    const resource = 'http://127.0.0.1:7080';
    const ok = await token({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret, scope: `${resource}/.default` });
    expect(ok.status).toBe(200);
    const answer = (await ok.json()) as { access_token: string; token_type: string; expires_in: number; refresh_token?: string };
    expect(answer).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(answer.refresh_token).toBeUndefined();
    const { payload } = await jwtVerify(answer.access_token, createRemoteJWKSet(new URL(idp.jwksUri)), { issuer: idp.issuer, audience: resource });
    expect(payload).toMatchObject({ azp: client.id, appid: client.id, idtyp: 'app', roles: [], tid: DEV_TENANT });
    expect(payload.roles).not.toContain('EER.Operator');
    expect(payload.name).toBeUndefined();

    // HTTP Basic client authentication works the same.
    const basic = Buffer.from(`${client.id}:${client.secret}`).toString('base64');
    expect((await token({ grant_type: 'client_credentials', scope: `${resource}/.default` }, { authorization: `Basic ${basic}` })).status).toBe(200);

    // Refused: a wrong secret, an unknown client, a scope that is not one resource's /.default.
    const refused = async (form: Record<string, string>) => {
      const res = await token({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret, scope: `${resource}/.default`, ...form });
      return { status: res.status, error: ((await res.json()) as { error: string }).error };
    };
    expect(await refused({ client_secret: 'wrong' })).toEqual({ status: 401, error: 'invalid_client' });
    expect(await refused({ client_secret: '' })).toEqual({ status: 401, error: 'invalid_client' });
    expect(await refused({ client_id: 'someone-else' })).toEqual({ status: 401, error: 'invalid_client' });
    expect(await refused({ scope: `${resource}/user_impersonation` })).toEqual({ status: 400, error: 'invalid_scope' });
    expect(await refused({ scope: `${resource}/.default api://x/.default` })).toEqual({ status: 400, error: 'invalid_scope' });
  });

  it('takes its confidential clients as an option', async () => {
    const other = await startDevIdentity({ clients: [{ id: 'app-x', secret: 'sx', roles: ['Sync'] }] });
    try {
      const res = await fetch(`${other.url}/${DEV_TENANT}/oauth2/v2.0/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'app-x', client_secret: 'sx', scope: 'https://org.crm.example/.default' }),
      });
      const { access_token } = (await res.json()) as { access_token: string };
      expect(decodeJwt(access_token)).toMatchObject({ aud: 'https://org.crm.example', roles: ['Sync'], azp: 'app-x' });
    } finally {
      await other.close();
    }
  });
});
