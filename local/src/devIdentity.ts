/**
 * Development issuer playing Microsoft Entra ID for the local run and the tests. Never deployed: in Azure the
 * function app trusts the real tenant and the controls sign in there.
 *
 * It speaks enough of the Entra v2 endpoints for the real `@azure/msal-browser` to run unchanged in a browser:
 * - OpenID configuration and JWKS (`/<tenant>/v2.0/.well-known/openid-configuration`, `/<tenant>/discovery/v2.0/keys`);
 * - authorize (`/<tenant>/oauth2/v2.0/authorize`): authorization code with PKCE (S256 only), `response_mode`
 *   fragment or query, `prompt=none` answered silently for a configured operator (by `login_hint`, or the
 *   `sessionOperator` playing "already signed in"), otherwise a sign-in page listing the dev operators;
 * - token (`/<tenant>/oauth2/v2.0/token`): `authorization_code` (with `code_verifier`) and `refresh_token` grants,
 *   answering access, id (with the request's nonce) and refresh tokens plus Entra's `client_info`
 *   (base64url `{uid, utid}`, which MSAL's default AAD protocol mode builds the account from); and, for tests and
 *   scripts, a direct grant by `operator_id`; and `client_credentials` for registered confidential clients (id +
 *   secret in the body or HTTP Basic, scope `<resource>/.default`), answering an app token (`aud` = the resource,
 *   `azp`/`appid` = the client, `idtyp: app`, the client's `roles`) — the function app's token for Dataverse.
 * MSAL only accepts an https authority whose issuer has the same origin, so the issuer listens on https too (a
 * self-signed certificate made at start; browsers must trust or ignore it) and `issuer` is the https one. The
 * JWKS stays reachable over plain http for the function app (`jwksUri`). Keys, codes and sessions live in memory.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';
import { generate as generateCertificate } from 'selfsigned';

export interface DevOperator {
  /** Entra object id (`oid`): the operator id the function app and SignalR see. */
  id: string;
  /** User principal name: what Dynamics knows the user by, and the `login_hint`. */
  upn: string;
  name: string;
  roles?: string[];
}

/** A confidential client (an app registration with a secret) allowed the client-credentials grant. */
export interface DevClient {
  id: string;
  secret: string;
  /** App roles granted to the application (`roles` of its app tokens); none by default. */
  roles?: string[];
}

export interface DevIdentity {
  /** Plain-http origin (JWKS for the function app, the direct token grant for tests). */
  url: string;
  /** Https origin: what browsers and MSAL use. */
  secureUrl: string;
  /** MSAL's `authority`, shaped like Entra's `https://login.microsoftonline.com/<tenant>`. */
  authority: string;
  /** `iss` of every token: `<secureUrl>/<tenant>/v2.0`, as Entra v2. */
  issuer: string;
  jwksUri: string;
  audience: string;
  /** The scope controls ask for: `<audience>/access_as_user`. */
  scope: string;
  /** A client id the dev issuer accepts (it accepts any, with loopback redirect URIs only). */
  clientId: string;
  /** PEM of the https certificate, for clients that want to trust it rather than ignore errors. */
  certificatePem: string;
  operators: DevOperator[];
  /** Confidential clients of the client-credentials grant; the first is the function app's registration. */
  clients: DevClient[];
  /** An access token for an operator, as Entra would issue after sign-in. */
  issueToken(claims: { operatorId: string; name?: string; roles?: string[]; expiresInSeconds?: number; audience?: string }): Promise<string>;
  close(): Promise<void>;
}

export interface DevIdentityOptions {
  port?: number;
  /** Https port; defaults to `port + 1` when `port` is given (7090 → 7091), else a free one. */
  securePort?: number;
  audience?: string;
  operators?: DevOperator[];
  /** UPN of the operator `prompt=none` signs in without a `login_hint` (a browser "already signed in"). */
  sessionOperator?: string;
  /** Confidential clients; default one: the function app (`DEV_INTEGRATION_CLIENT_ID`, a secret made at start). */
  clients?: DevClient[];
  /** Reuse a certificate (so a browser that accepted it once keeps accepting it). */
  tls?: { key: string; cert: string };
}

export const DEV_TENANT = '00000000-0000-4000-8000-000000000122';
export const DEV_AUDIENCE = 'api://eer-122-functions';
export const DEV_CLIENT_ID = '00000000-0000-4000-8000-00000000c122';
/** The function app's own registration (its application user in Dataverse). */
export const DEV_INTEGRATION_CLIENT_ID = '00000000-0000-4000-8000-0000000a1122';
export const OPERATOR_ROLE = 'EER.Operator';
export const SUPERVISOR_ROLE = 'EER.Supervisor';

/** Fictitious operators of the local line (no real people). */
export const DEV_OPERATORS: DevOperator[] = [
  { id: 'op-1', upn: 'operator1@eer122.local', name: 'Оператор 1', roles: [OPERATOR_ROLE] },
  { id: 'op-2', upn: 'operator2@eer122.local', name: 'Оператор 2', roles: [OPERATOR_ROLE] },
  { id: 'supervisor-1', upn: 'supervisor@eer122.local', name: 'Старший оператор', roles: [OPERATOR_ROLE, SUPERVISOR_ROLE] },
];

const CODE_TTL_MS = 5 * 60_000;
const REFRESH_TTL_MS = 24 * 3600_000;
const ACCESS_TTL_S = 3600;
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
  nonce: string | undefined;
  operator: DevOperator;
  expiresAt: number;
}

interface RefreshGrant {
  clientId: string;
  scope: string;
  operator: DevOperator;
  expiresAt: number;
}

class OAuthError extends Error {
  constructor(
    readonly error: string,
    description: string,
    readonly status = 400,
  ) {
    super(description);
  }
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Only this machine's pages may receive codes: the issuer is for development. */
function isLoopbackRedirect(uri: string): boolean {
  try {
    const url = new URL(uri);
    return (url.protocol === 'http:' || url.protocol === 'https:') && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && !url.hash;
  } catch {
    return false;
  }
}

function readBody(req: http.IncomingMessage, limit = 64 * 1024): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
      if (body.length > limit) req.destroy(new Error('body too large'));
    });
    req.on('error', reject);
    req.on('end', () => {
      try {
        resolve(req.headers['content-type']?.includes('json') ? (JSON.parse(body) as Record<string, string>) : Object.fromEntries(new URLSearchParams(body)));
      } catch (error) {
        reject(error instanceof Error ? error : new Error('bad body'));
      }
    });
  });
}

export async function startDevIdentity(options: DevIdentityOptions = {}): Promise<DevIdentity> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  const audience = options.audience ?? DEV_AUDIENCE;
  const operators = options.operators ?? DEV_OPERATORS;
  const clients = options.clients ?? [{ id: DEV_INTEGRATION_CLIENT_ID, secret: base64url(randomBytes(24)) }];
  const tls =
    options.tls ??
    (await (async () => {
      const pems = await generateCertificate([{ name: 'commonName', value: '127.0.0.1' }], {
        keyType: 'ec',
        curve: 'P-256',
        notAfterDate: new Date(Date.now() + 365 * 24 * 3600_000),
        extensions: [
          { name: 'basicConstraints', cA: false },
          { name: 'extKeyUsage', serverAuth: true },
          { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
        ],
      });
      return { key: pems.private, cert: pems.cert };
    })());

  let plainBase = '';
  let secureBase = '';
  const issuerOf = () => `${secureBase}/${DEV_TENANT}/v2.0`;
  const codes = new Map<string, PendingCode>();
  const refreshTokens = new Map<string, RefreshGrant>();
  const byUpn = (upn: string | undefined) => operators.find((o) => upn !== undefined && o.upn.toLowerCase() === upn.trim().toLowerCase());

  const signAccess = (c: { operatorId: string; name?: string; roles?: string[]; expiresInSeconds?: number; audience?: string; upn?: string; clientId?: string; scp?: string }) =>
    new SignJWT({
      oid: c.operatorId,
      name: c.name ?? c.operatorId,
      roles: c.roles ?? [OPERATOR_ROLE],
      tid: DEV_TENANT,
      ver: '2.0',
      ...(c.upn ? { preferred_username: c.upn, upn: c.upn } : {}),
      ...(c.clientId ? { azp: c.clientId } : {}),
      ...(c.scp ? { scp: c.scp } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(issuerOf())
      .setAudience(c.audience ?? audience)
      .setSubject(c.operatorId)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${c.expiresInSeconds ?? ACCESS_TTL_S}s`)
      .setJti(randomUUID())
      .sign(privateKey as KeyLike);

  const signId = (operator: DevOperator, clientId: string, nonce: string | undefined) =>
    new SignJWT({
      oid: operator.id,
      tid: DEV_TENANT,
      name: operator.name,
      preferred_username: operator.upn,
      login_hint: operator.upn,
      ver: '2.0',
      ...(nonce ? { nonce } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(issuerOf())
      .setAudience(clientId)
      .setSubject(operator.id)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${ACCESS_TTL_S}s`)
      .sign(privateKey as KeyLike);

  /** An app-only token as Entra issues it for the client-credentials grant: the service principal is oid/sub. */
  const signApp = (client: DevClient, resource: string) =>
    new SignJWT({ oid: `sp-${client.id}`, azp: client.id, appid: client.id, idtyp: 'app', roles: client.roles ?? [], tid: DEV_TENANT, ver: '2.0' })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(issuerOf())
      .setAudience(resource)
      .setSubject(`sp-${client.id}`)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${ACCESS_TTL_S}s`)
      .setJti(randomUUID())
      .sign(privateKey as KeyLike);

  /** client_credentials: the client authenticates (body or Basic), asks for `<resource>/.default` and gets an app token. */
  const clientCredentials = async (req: http.IncomingMessage, params: Record<string, string>) => {
    let id = params.client_id;
    let secret = params.client_secret;
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (basic) {
      const [user, ...rest] = Buffer.from(basic[1]!, 'base64').toString().split(':');
      id = decodeURIComponent(user ?? '');
      secret = decodeURIComponent(rest.join(':'));
    }
    const client = clients.find((c) => c.id === id);
    if (!client) throw new OAuthError('invalid_client', `AADSTS700016: application ${id ? 'with this identifier ' : ''}was not found`, 401);
    if (!secret || secret !== client.secret) throw new OAuthError('invalid_client', 'AADSTS7000215: invalid client secret provided', 401);
    const scopes = (params.scope ?? '').split(/\s+/).filter(Boolean);
    if (scopes.length !== 1 || !scopes[0]!.endsWith('/.default') || scopes[0]!.length <= '/.default'.length) {
      throw new OAuthError('invalid_scope', 'AADSTS1002012: the scope must be one resource with /.default for the client credentials flow');
    }
    const resource = scopes[0]!.slice(0, -'/.default'.length);
    return { token_type: 'Bearer', expires_in: ACCESS_TTL_S, ext_expires_in: ACCESS_TTL_S, access_token: await signApp(client, resource) };
  };

  const clientInfo = (operator: DevOperator) => base64url(JSON.stringify({ uid: operator.id, utid: DEV_TENANT }));

  /** Tokens for a sign-in: the resource comes from the scope (`api://x/access_as_user` → aud `api://x`). */
  const tokenResponse = async (operator: DevOperator, clientId: string, scope: string, nonce: string | undefined) => {
    const resourceScopes = scope.split(/\s+/).filter((s) => s && !OIDC_SCOPES.has(s));
    const resource = resourceScopes[0]?.replace(/\/[^/]*$/, '') ?? clientId;
    const scp = resourceScopes.map((s) => s.slice(s.lastIndexOf('/') + 1)).join(' ');
    const refreshToken = base64url(randomBytes(32));
    refreshTokens.set(refreshToken, { clientId, scope, operator, expiresAt: Date.now() + REFRESH_TTL_MS });
    return {
      token_type: 'Bearer',
      scope: resourceScopes.join(' '),
      expires_in: ACCESS_TTL_S,
      ext_expires_in: ACCESS_TTL_S,
      access_token: await signAccess({ operatorId: operator.id, name: operator.name, roles: operator.roles, audience: resource, upn: operator.upn, clientId, scp }),
      refresh_token: refreshToken,
      id_token: await signId(operator, clientId, nonce),
      client_info: clientInfo(operator),
    };
  };

  /** Sends the authorize answer to the redirect URI the way `response_mode` asks. */
  const redirectWith = (res: http.ServerResponse, params: Record<string, string>, answer: Record<string, string>) => {
    const url = new URL(params.redirect_uri!);
    const payload = new URLSearchParams({ ...answer, ...(params.state ? { state: params.state } : {}) }).toString();
    const location = params.response_mode === 'query' ? `${url.href}${url.search ? '&' : '?'}${payload}` : `${url.href}#${payload}`;
    res.writeHead(302, { location, 'cache-control': 'no-store' });
    res.end();
  };

  const issueCode = (params: Record<string, string>, operator: DevOperator) => {
    const code = base64url(randomBytes(32));
    codes.set(code, {
      clientId: params.client_id!,
      redirectUri: params.redirect_uri!,
      challenge: params.code_challenge!,
      scope: params.scope ?? '',
      nonce: params.nonce,
      operator,
      expiresAt: Date.now() + CODE_TTL_MS,
    });
    return { code, client_info: clientInfo(operator) };
  };

  const signInPage = (params: Record<string, string>, action: string) => {
    const hint = params.login_hint?.toLowerCase();
    const hidden = Object.entries(params)
      .filter(([key]) => key !== 'operator')
      .map(([key, value]) => `<input type="hidden" name="${escapeHtml(key)}" value="${escapeHtml(value)}">`)
      .join('');
    const choices = operators
      .map((o, i) => {
        const checked = hint ? o.upn.toLowerCase() === hint : i === 0;
        return `<label><input type="radio" name="operator" value="${escapeHtml(o.id)}"${checked ? ' checked' : ''}> ${escapeHtml(o.name)} <small>${escapeHtml(o.upn)}</small></label>`;
      })
      .join('<br>');
    return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Вход — локальный издатель ЕЭР 122</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto}label{line-height:2}button{margin-top:1rem;padding:.4rem 1.2rem}</style></head>
<body><h1>Вход разработчика</h1><p>Локальный издатель (замена Microsoft Entra ID). Выберите оператора:</p>
<form method="post" action="${escapeHtml(action)}">${hidden}${choices}<br><button type="submit" id="sign-in">Войти</button></form></body></html>`;
  };

  const authorize = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    const params = req.method === 'POST' ? await readBody(req) : Object.fromEntries(url.searchParams);
    // Nothing is sent to an unchecked redirect URI: those errors are shown here.
    if (!params.client_id) throw new OAuthError('invalid_request', 'client_id is required');
    if (!params.redirect_uri || !isLoopbackRedirect(params.redirect_uri)) {
      throw new OAuthError('invalid_request', 'redirect_uri must be a loopback http(s) URL for the development issuer');
    }
    if (params.response_mode && !['fragment', 'query'].includes(params.response_mode)) {
      return redirectWith(res, { ...params, response_mode: 'fragment' }, { error: 'invalid_request', error_description: 'response_mode must be fragment or query' });
    }
    if (params.response_type !== 'code') return redirectWith(res, params, { error: 'unsupported_response_type', error_description: 'only code' });
    if (!params.code_challenge || params.code_challenge_method !== 'S256') {
      return redirectWith(res, params, { error: 'invalid_request', error_description: 'PKCE with S256 is required' });
    }
    if (req.method === 'POST') {
      const operator = operators.find((o) => o.id === params.operator);
      if (!operator) return redirectWith(res, params, { error: 'access_denied', error_description: 'no operator chosen' });
      return redirectWith(res, params, issueCode(params, operator));
    }
    if (params.prompt === 'none') {
      const operator = byUpn(params.login_hint) ?? (params.login_hint ? undefined : byUpn(options.sessionOperator));
      if (!operator) return redirectWith(res, params, { error: 'login_required', error_description: 'AADSTS50058: no signed-in developer operator for this request' });
      return redirectWith(res, params, issueCode(params, operator));
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(signInPage(params, url.pathname));
  };

  const token = async (req: http.IncomingMessage) => {
    const params = await readBody(req);
    if (!params.grant_type) {
      // The direct grant of tests and scripts: a token for any operator id.
      const operatorId = params.operator_id ?? params.operatorId;
      if (!operatorId || !/^[\w.@-]{1,64}$/.test(operatorId)) throw new OAuthError('invalid_request', 'operator_id is required');
      return { access_token: await signAccess({ operatorId, name: params.name }), token_type: 'Bearer', expires_in: ACCESS_TTL_S };
    }
    if (params.grant_type === 'authorization_code') {
      const pending = params.code ? codes.get(params.code) : undefined;
      if (params.code) codes.delete(params.code);
      if (!pending || pending.expiresAt < Date.now()) throw new OAuthError('invalid_grant', 'AADSTS70008: the authorization code is unknown, used or expired');
      if (pending.clientId !== params.client_id) throw new OAuthError('invalid_grant', 'client_id does not match the code');
      if (pending.redirectUri !== params.redirect_uri) throw new OAuthError('invalid_grant', 'redirect_uri does not match the code');
      const verifier = params.code_verifier ?? '';
      if (base64url(createHash('sha256').update(verifier).digest()) !== pending.challenge) {
        throw new OAuthError('invalid_grant', 'AADSTS501481: the code_verifier does not match the code_challenge');
      }
      return tokenResponse(pending.operator, pending.clientId, params.scope ?? pending.scope, pending.nonce);
    }
    if (params.grant_type === 'refresh_token') {
      const grant = params.refresh_token ? refreshTokens.get(params.refresh_token) : undefined;
      if (params.refresh_token) refreshTokens.delete(params.refresh_token);
      if (!grant || grant.expiresAt < Date.now() || grant.clientId !== params.client_id) {
        throw new OAuthError('invalid_grant', 'AADSTS700082: the refresh token is unknown or expired');
      }
      return tokenResponse(grant.operator, grant.clientId, params.scope ?? grant.scope, undefined);
    }
    if (params.grant_type === 'client_credentials') return clientCredentials(req, params);
    throw new OAuthError('unsupported_grant_type', `grant_type ${params.grant_type} is not supported`);
  };

  const handler = (origin: () => string) => (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
    };
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...cors });
      res.end(JSON.stringify(body));
    };
    const fail = (error: unknown) => {
      if (error instanceof OAuthError) return json(error.status, { error: error.error, error_description: error.message });
      return json(400, { error: 'invalid_request' });
    };
    const at = (path: string) => url.pathname === `/${DEV_TENANT}${path}`;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      return res.end();
    }
    if (at('/v2.0/.well-known/openid-configuration')) {
      const endpoints = `${origin()}/${DEV_TENANT}`;
      return json(200, {
        issuer: issuerOf(),
        authorization_endpoint: `${endpoints}/oauth2/v2.0/authorize`,
        token_endpoint: `${endpoints}/oauth2/v2.0/token`,
        end_session_endpoint: `${endpoints}/oauth2/v2.0/logout`,
        jwks_uri: `${endpoints}/discovery/v2.0/keys`,
        response_types_supported: ['code'],
        response_modes_supported: ['query', 'fragment'],
        subject_types_supported: ['pairwise'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        code_challenge_methods_supported: ['S256'],
        id_token_signing_alg_values_supported: ['RS256'],
        tenant_region_scope: 'EU',
      });
    }
    if (at('/discovery/v2.0/keys')) return json(200, { keys: [jwk] });
    if (at('/oauth2/v2.0/authorize') && (req.method === 'GET' || req.method === 'POST')) {
      authorize(req, res, url).catch((error: unknown) => {
        res.writeHead(error instanceof OAuthError ? error.status : 400, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(error instanceof OAuthError ? `${error.error}: ${error.message}` : 'invalid_request');
      });
      return undefined;
    }
    if (at('/oauth2/v2.0/token') && req.method === 'POST') {
      token(req).then((body) => json(200, body), fail);
      return undefined;
    }
    if (at('/oauth2/v2.0/logout')) {
      const back = url.searchParams.get('post_logout_redirect_uri');
      if (back && isLoopbackRedirect(back)) {
        res.writeHead(302, { location: back });
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('signed out');
    }
    return json(404, { error: 'not_found' });
  };

  const plain = http.createServer(handler(() => plainBase));
  const secure = https.createServer({ key: tls.key, cert: tls.cert }, handler(() => secureBase));
  const listen = (server: http.Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const closeAll = () =>
    Promise.all(
      [plain, secure].map(
        (server) =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      ),
    ).then(() => undefined);
  try {
    const port = await listen(plain, options.port ?? 0);
    plainBase = `http://127.0.0.1:${port}`;
    const securePort = await listen(secure, options.securePort ?? (options.port ? options.port + 1 : 0));
    secureBase = `https://127.0.0.1:${securePort}`;
  } catch (error) {
    await closeAll();
    throw error;
  }

  return {
    url: plainBase,
    secureUrl: secureBase,
    authority: `${secureBase}/${DEV_TENANT}`,
    issuer: issuerOf(),
    jwksUri: `${plainBase}/${DEV_TENANT}/discovery/v2.0/keys`,
    audience,
    scope: `${audience}/access_as_user`,
    clientId: DEV_CLIENT_ID,
    certificatePem: tls.cert,
    operators,
    clients,
    issueToken: (claims) => signAccess(claims),
    close: closeAll,
  };
}
