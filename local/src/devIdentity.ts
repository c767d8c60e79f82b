/**
 * Development issuer playing Microsoft Entra ID for the local run and the tests: OpenID configuration, a JWKS and
 * RS256 access tokens shaped like Entra v2 tokens (iss, aud, oid, name, roles). Keys live only in memory.
 * Never deployed: in Azure the function app trusts the real tenant.
 */
import * as http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';

export interface DevIdentity {
  url: string;
  issuer: string;
  jwksUri: string;
  audience: string;
  /** An access token for an operator, as Entra would issue after sign-in. */
  issueToken(claims: { operatorId: string; name?: string; roles?: string[]; expiresInSeconds?: number; audience?: string }): Promise<string>;
  close(): Promise<void>;
}

export const DEV_TENANT = '00000000-0000-4000-8000-000000000122';
export const DEV_AUDIENCE = 'api://eer-122-functions';
export const OPERATOR_ROLE = 'EER.Operator';

export async function startDevIdentity(options: { port?: number; audience?: string } = {}): Promise<DevIdentity> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  const audience = options.audience ?? DEV_AUDIENCE;
  let base = '';
  const issuerOf = () => `${base}/${DEV_TENANT}/v2.0`;

  const sign = (key: KeyLike, c: Parameters<DevIdentity['issueToken']>[0]) =>
    new SignJWT({ oid: c.operatorId, name: c.name ?? c.operatorId, roles: c.roles ?? [OPERATOR_ROLE], tid: DEV_TENANT, ver: '2.0' })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(issuerOf())
      .setAudience(c.audience ?? audience)
      .setSubject(c.operatorId)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${c.expiresInSeconds ?? 3600}s`)
      .sign(key);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'OPTIONS') return json(204, {});
    if (url.pathname === `/${DEV_TENANT}/v2.0/.well-known/openid-configuration`) {
      return json(200, {
        issuer: issuerOf(),
        jwks_uri: `${base}/${DEV_TENANT}/discovery/v2.0/keys`,
        token_endpoint: `${base}/${DEV_TENANT}/oauth2/v2.0/token`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (url.pathname === `/${DEV_TENANT}/discovery/v2.0/keys`) return json(200, { keys: [jwk] });
    if (url.pathname === `/${DEV_TENANT}/oauth2/v2.0/token` && req.method === 'POST') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        try {
          const params = req.headers['content-type']?.includes('json') ? (JSON.parse(body) as Record<string, string>) : Object.fromEntries(new URLSearchParams(body));
          const operatorId = params.operator_id ?? params.operatorId;
          if (!operatorId || !/^[\w.@-]{1,64}$/.test(operatorId)) return json(400, { error: 'invalid_request', error_description: 'operator_id is required' });
          void sign(privateKey, { operatorId, name: params.name }).then((token) => json(200, { access_token: token, token_type: 'Bearer', expires_in: 3600 }));
        } catch {
          json(400, { error: 'invalid_request' });
        }
      });
      return undefined;
    }
    return json(404, { error: 'not_found' });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    issuer: issuerOf(),
    jwksUri: `${base}/${DEV_TENANT}/discovery/v2.0/keys`,
    audience,
    issueToken: (claims) => sign(privateKey, claims),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
