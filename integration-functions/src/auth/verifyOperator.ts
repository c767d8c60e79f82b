/**
 * Validates an operator's bearer token the way Microsoft Entra ID tokens are validated: RS256 signature against
 * the issuer's JWKS, issuer, audience, expiry (with a small clock skew) and the operator app role.
 * Locally a development issuer with its own JWKS plays Entra ID, so this same code runs in tests and `npm start`.
 */
import { createRemoteJWKSet, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import type { HttpRequest } from '@azure/functions';
import { AppError } from '../http/errors';

export interface Operator {
  /** Stable user id: Entra `oid` (falls back to `sub`). SignalR connections are bound to it. */
  id: string;
  name: string;
  roles: string[];
}

export interface AuthSettings {
  issuer: string;
  audience: string;
  jwksUri: string;
  requiredRole: string;
}

export function authSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  const issuer = env.AUTH_ISSUER;
  const audience = env.AUTH_AUDIENCE;
  if (!issuer || !audience) throw new Error('AUTH_ISSUER and AUTH_AUDIENCE must be set');
  return {
    issuer,
    audience,
    // Entra ID v2 publishes keys at …/discovery/v2.0/keys; the dev issuer uses the same path.
    jwksUri: env.AUTH_JWKS_URI ?? `${issuer.replace(/\/v2\.0\/?$/, '')}/discovery/v2.0/keys`,
    requiredRole: env.AUTH_REQUIRED_ROLE ?? 'EER.Operator',
  };
}

const jwksCache = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function jwks(uri: string): ReturnType<typeof createRemoteJWKSet> {
  let set = jwksCache.get(uri);
  if (!set) {
    set = createRemoteJWKSet(new URL(uri), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
    jwksCache.set(uri, set);
  }
  return set;
}

function bearer(request: HttpRequest): string {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+)$/.exec(header.trim());
  if (!match) throw new AppError('unauthenticated', undefined, { field: 'authorization' });
  return match[1]!;
}

export async function verifyOperator(request: HttpRequest, settings: AuthSettings = authSettingsFromEnv()): Promise<Operator> {
  const token = bearer(request);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, jwks(settings.jwksUri), {
      issuer: settings.issuer,
      audience: settings.audience,
      algorithms: ['RS256'],
      clockTolerance: 60,
      requiredClaims: ['exp', 'iat'],
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWKSTimeout || (error instanceof Error && /fetch|ECONNREFUSED/i.test(error.message))) {
      throw new AppError('unauthenticated', undefined, { field: 'authorization', retryable: true });
    }
    throw new AppError('unauthenticated', undefined, { field: 'authorization' });
  }
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
  if (!roles.includes(settings.requiredRole)) throw new AppError('forbidden', undefined, { field: 'authorization' });
  const id = typeof payload.oid === 'string' ? payload.oid : payload.sub;
  if (!id) throw new AppError('unauthenticated', undefined, { field: 'authorization' });
  return { id, name: typeof payload.name === 'string' ? payload.name : id, roles };
}
